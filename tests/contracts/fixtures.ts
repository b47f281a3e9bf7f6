import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { AppError } from '@casusbord/shared';
import type { SearchDocument } from '@casusbord/shared';
import type { ArchiveRecord, CommunityRecord } from '../../server/src/store/ArchiveStore';
import type { ParticipantRecord, SessionRecord, Store, TokenRecord } from '../../server/src/store/Store';

/** Records and Yjs updates for the store contract (storeContract.ts); fresh random ids each call. */

export const id = () => randomBytes(8).toString('hex');
export const code = () => randomBytes(4).toString('hex').toUpperCase();

export function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: id(),
    joinCode: code(),
    title: 'Intervisie',
    city: 'Amersfoort',
    question: 'Hoe smeden we één team?',
    caseHolderName: null,
    context: null,
    method: 'intervision-90',
    locale: 'nl',
    createdAt: 1000,
    groups: [{ id: 't1', name: 'Tafel 1' }],
    ...overrides,
  };
}

export function token(sessionId: string, role: TokenRecord['role'], participantId: string | null = null): TokenRecord {
  return { tokenHash: id() + id(), role, sessionId, participantId, createdAt: 1000 };
}

export function participant(sessionId: string, overrides: Partial<ParticipantRecord> = {}): ParticipantRecord {
  return { id: id(), sessionId, name: 'Anna', groupId: 't1', createdAt: 2000, consentToBeNamed: false, ...overrides };
}

export async function newSession(store: Store, overrides: Partial<SessionRecord> = {}) {
  const s = session(overrides);
  const host = token(s.id, 'host');
  await store.createSession(s, host);
  return { session: s, host };
}

export function community(): CommunityRecord {
  return {
    id: id(),
    name: 'CoP wijkenaanpak',
    createdAt: 1000,
    memberTokenHash: id() + id(),
    facilitatorKeyHash: id() + id(),
  };
}

function docs(texts: [SearchDocument['column'] | 'core', string][]): SearchDocument[] {
  return texts.map(([column, text], index) =>
    column === 'core'
      ? { index, kind: 'question', column: null, cardId: null, text }
      : { index, kind: 'card', column, cardId: `c${index}`, text },
  );
}

export function archiveRecord(
  communityId: string,
  sessionId: string,
  handedOverAt: number,
  texts: Parameters<typeof docs>[0],
  extra: Partial<ArchiveRecord['entry']> = {},
): ArchiveRecord {
  return {
    communityId,
    entry: {
      sessionId,
      title: `Casus ${sessionId.slice(0, 4)}`,
      city: 'Amersfoort',
      theme: null,
      handedOverAt,
      coreQuestion: 'Hoe smeden we één team?',
      followUpOf: null,
      advice: [],
      followUp: [],
      readings: [],
      ...extra,
    },
    documents: docs(texts),
  };
}

export function codeOf(err: unknown): string | null {
  return err instanceof AppError ? err.code : null;
}

/** Yjs updates of a board with `n` cards, one update per card, plus the resulting state. */
export function cardUpdates(n: number, start = 0): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = start; i < start + n; i++) doc.getMap('cards').set(`c${i}`, `kaart ${i}`);
  return updates;
}

export function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Record<string, unknown> {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc.getMap('cards').toJSON();
}
