import * as Y from 'yjs';
import {
  PLENARY_GROUP_ID,
  buildReport,
  getMethod,
  type Report,
  type ReportBoardInput,
  type ReportDilemmaInput,
  boardDocName,
  dutchDay,
} from '@casusbord/shared';
import type { SessionControl } from '../control/SessionControl';
import { type SessionRecord, type Store } from '../store/Store';
import type { DocRegistry } from '../yjs/DocRegistry';

export interface LoadedBoards {
  tables: ReportBoardInput[];
  plenary: ReportBoardInput | null;
  /** Destroys the copies; the rooms' own documents are never handed out. */
  dispose(): void;
}

/**
 * The boards of a session for the report, each copied into a fresh Y.Doc: from the room when the
 * document is loaded (rooms persist before they relay, so it holds nothing the store would not),
 * otherwise from the store without loading a room, so rendering a report never keeps documents
 * in memory, writes anything, or races a room being released.
 */
export async function loadBoards(session: SessionRecord, store: Store, registry: DocRegistry): Promise<LoadedBoards> {
  const fresh: Y.Doc[] = [];
  const load = async (groupId: string, name: string): Promise<ReportBoardInput> => {
    const doc = new Y.Doc();
    fresh.push(doc);
    await copyDocInto(doc, boardDocName(session.id, groupId), store, registry);
    return { id: groupId, name, doc };
  };
  const dispose = () => fresh.forEach((d) => d.destroy());
  try {
    const tables: ReportBoardInput[] = [];
    for (const g of session.groups) tables.push(await load(g.id, g.name));
    const plenary = getMethod(session.method).parallelTables ? await load(PLENARY_GROUP_ID, PLENARY_GROUP_ID) : null;
    return { tables, plenary, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/**
 * Fills `doc` with the document `docName`: from its room when loaded, otherwise from the store
 * without loading a room (see loadBoards).
 */
export async function copyDocInto(doc: Y.Doc, docName: string, store: Store, registry: DocRegistry): Promise<void> {
  const room = await registry.peek(docName);
  if (room) {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
    return;
  }
  const stored = await store.loadDoc(docName);
  Y.transact(doc, () => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
}

/** The calendar day (yyyy-mm-dd) of a moment in Dutch time, where the sessions take place. */
export { dutchDay };

export interface ReportDeps {
  store: Store;
  registry: DocRegistry;
  control: SessionControl;
}

/**
 * Everything the report shows, read at this moment: session, consent, dot budget and boards.
 * `caseHolderNotes` only for the case holder's own copy (issue 15).
 */
export async function loadReport(
  session: SessionRecord,
  deps: ReportDeps,
  caseHolderNotes: string | null = null,
): Promise<Report> {
  const [participants, { record }, photos, dilemmas] = await Promise.all([
    deps.store.listParticipants(session.id),
    deps.control.current(session.id),
    deps.store.listPhotos(session.id),
    loadDilemmas(deps.store, session.id),
  ]);
  const boards = await loadBoards(session, deps.store, deps.registry);
  try {
    return buildReport({
      session: {
        title: session.title,
        city: session.city,
        question: session.question,
        caseHolderName: session.caseHolderName,
        locale: session.locale,
        date: dutchDay(session.handedOverAt ?? session.createdAt),
        // Sessions have no facilitator name yet; the report leaves the line out rather than guess.
        facilitator: null,
      },
      participants: participants.map((p) => ({
        id: p.id,
        name: p.name,
        consentToBeNamed: p.consentToBeNamed === true,
      })),
      tables: boards.tables,
      plenary: boards.plenary,
      dotBudget: record.dotsPerPerson,
      images: new Map(photos.map((p) => [p.id, { type: p.type, full: p.full, preview: p.preview }])),
      followUp: record.followUp
        ? {
            ofSessionId: record.followUp.ofSessionId,
            ofTitle: record.followUp.ofTitle,
            ofDate: dutchDay(record.followUp.ofHandedOverAt),
            items: record.followUp.items,
          }
        : null,
      caseHolderNotes,
      dilemmas,
    });
  } finally {
    boards.dispose();
  }
}

/** Issue 16: the session's dilemmas with their markers, for the report (which hides unrevealed spreads). */
async function loadDilemmas(store: Store, sessionId: string): Promise<ReportDilemmaInput[]> {
  const dilemmas = await store.dilemmas.list(sessionId);
  return Promise.all(
    dilemmas.map(async (dilemma) => ({ dilemma, markers: await store.dilemmas.markers(sessionId, dilemma.id) })),
  );
}
