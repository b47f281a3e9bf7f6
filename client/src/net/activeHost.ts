import type { Ack, EventPayload, StateAck, StateEvent } from '@casusbord/shared';
import { yjsServerUrl } from '../config';
import { connectionStore } from '../stores/connectionStore';
import { hostBoardsStore } from '../stores/hostBoardsStore';
import { presenceStore } from '../stores/presenceStore';
import { roundStore } from '../stores/roundStore';
import { unavailable } from './ack';
import { createConnectionSlot } from './connectionSlot';
import type { StoredCredentials } from './credentials';
import { connectHost, type HostConnection } from './hostBridge';

/** The host connection of the open page (host view or beamer; at most one per tab). */
const slot = createConnectionSlot<HostConnection>();

export function openHost(credentials: StoredCredentials, opts: { watchBoards: boolean }): () => void {
  const conn = connectHost({
    credentials,
    stores: { connection: connectionStore, presence: presenceStore, round: roundStore, boards: hostBoardsStore },
    yjsUrl: yjsServerUrl(),
    watchBoards: opts.watchBoards,
  });
  return slot.open(conn);
}

export function useHostConnection(): HostConnection | null {
  return slot.use();
}

const NOT_OPEN = unavailable('Not connected');

/** A host control event on the open connection; resolves with the server's answer, never rejects. */
export function sendHost<E extends StateEvent>(event: E, payload: EventPayload<E>): Promise<StateAck> {
  const current = slot.get();
  return current ? current.send(event, payload) : Promise.resolve(NOT_OPEN);
}

export function promoteCard(groupId: string, cardId: string): Promise<Ack<{ plenaryCardId: string }>> {
  const current = slot.get();
  return current ? current.promote(groupId, cardId) : Promise.resolve(NOT_OPEN);
}
