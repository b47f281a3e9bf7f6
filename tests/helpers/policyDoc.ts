import * as Y from 'yjs';
import { createRoundState, typeBoardRoots, writerFor, type Round, type SessionState } from '@casusbord/shared';
import { analyse, createPolicyMemory } from '../../server/src/yjs/writePolicy';

/*
 * The write policy (server/src/yjs/writePolicy.ts) on one Y.Doc, without a server: the unit
 * suites write as a client would and check what the policy leaves.
 */

/** A session whose one table (`Sessie0001.t1`) runs `round`; Anna is the case holder unless said otherwise. */
export function stateWith(round: Round, caseHolderId: string | null = 'anna'): SessionState {
  const roundState = { ...createRoundState([round]), status: 'running' as const, endsAt: 1 };
  return {
    sessionId: 'Sessie0001',
    serverNow: 0,
    version: 1,
    method: 'intervision-90',
    tables: [{ id: 't1', name: 'Tafel 1', docName: 'Sessie0001.t1', round: roundState, revealedRounds: [] }],
    plenaryDocName: 'Sessie0001.plenary',
    dotsPerPerson: 3,
    caseHolderId,
    ready: [],
    locked: false,
    followUp: null,
    lensesOpen: false,
  };
}

export const participant = (id: string) => ({ role: 'participant' as const, participantId: id, groupId: 't1' });
export const host = { role: 'host' as const, participantId: null, groupId: null };

/** A board document as the server's room holds it: the schema's roots typed before any update. */
export function boardDoc(): Y.Doc {
  const doc = new Y.Doc();
  typeBoardRoots(doc);
  return doc;
}

/** Applies `write` (made on a copy of `doc`) as a client update and runs the policy's fixes; returns the refusals. */
export function applyAs(
  doc: Y.Doc,
  state: SessionState,
  who: Parameters<typeof writerFor>[2],
  write: (d: Y.Doc) => void,
) {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(client);
  write(client);
  const update = Y.encodeStateAsUpdate(client, sv);
  const writer = writerFor(state, 'Sessie0001.t1', who);
  let result: ReturnType<typeof analyse> | null = null;
  const listener = (tr: Y.Transaction) => {
    if (tr.origin === 'client') result = analyse(doc, tr, writer, createPolicyMemory());
  };
  doc.on('afterTransaction', listener);
  Y.applyUpdate(doc, update, 'client');
  doc.off('afterTransaction', listener);
  const r = result as ReturnType<typeof analyse> | null;
  doc.transact((tr) => r?.fixes.forEach((fix) => fix(tr)), 'policy');
  return r?.refusals ?? [];
}
