import type { Ack, StateAck } from '@casusbord/shared';
import { useSyncExternalStore } from 'react';
import { yjsServerUrl } from '../config';
import { connectionStore } from '../stores/connectionStore';
import { hostBoardsStore } from '../stores/hostBoardsStore';
import { presenceStore } from '../stores/presenceStore';
import { roundStore } from '../stores/roundStore';
import type { StoredCredentials } from './credentials';
import { connectHost, type HostConnection, type StateEvent } from './hostBridge';

/**
 * The host connection of the open page (host view or beamer; at most one per tab), kept out of
 * the stores like the board connection in activeBoard.ts. `openHost` returns its own cleanup,
 * which suits useEffect and React's strict-mode double mount.
 */
let current: HostConnection | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function openHost(credentials: StoredCredentials, opts: { watchBoards: boolean }): () => void {
  const conn = connectHost({
    credentials,
    stores: { connection: connectionStore, presence: presenceStore, round: roundStore, boards: hostBoardsStore },
    yjsUrl: yjsServerUrl(),
    watchBoards: opts.watchBoards,
  });
  current = conn;
  emit();
  return () => {
    conn.dispose();
    if (current === conn) {
      current = null;
      emit();
    }
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHostConnection(): HostConnection | null {
  return useSyncExternalStore(subscribe, () => current);
}

const NOT_OPEN = { ok: false as const, error: { code: 'unavailable' as const, message: 'Not connected' } };

/** A host control event on the open connection; resolves with the server's answer, never rejects. */
export function sendHost(event: StateEvent, payload: unknown): Promise<StateAck> {
  return current ? current.send(event, payload) : Promise.resolve(NOT_OPEN);
}

export function promoteCard(groupId: string, cardId: string): Promise<Ack<{ plenaryCardId: string }>> {
  return current ? current.promote(groupId, cardId) : Promise.resolve(NOT_OPEN);
}
