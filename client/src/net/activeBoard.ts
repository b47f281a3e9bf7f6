import type { Ack, StateAck } from '@casusbord/shared';
import type * as Y from 'yjs';
import { useSyncExternalStore } from 'react';
import { boardStore } from '../stores/boardStore';
import { boardViewStore, draftViewStore, plenaryViewStore } from '../stores/boardViewStore';
import { connectionStore } from '../stores/connectionStore';
import { presenceStore } from '../stores/presenceStore';
import { roundStore } from '../stores/roundStore';
import { yjsServerUrl } from '../config';
import { connectBoard, type BoardConnection } from './bridge';
import type { StoredCredentials } from './credentials';

/**
 * Holds the board connection of the open page (at most one) so components can reach the Y.Doc
 * without putting it into a store. `openBoard` returns its own cleanup, which suits useEffect
 * and React's strict-mode double mount.
 */
let current: BoardConnection | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function openBoard(credentials: StoredCredentials, opts: { onForbidden?: () => void } = {}): () => void {
  const conn = connectBoard({
    credentials,
    stores: {
      connection: connectionStore,
      presence: presenceStore,
      board: boardStore,
      round: roundStore,
      view: boardViewStore,
      draftView: draftViewStore,
      plenaryView: plenaryViewStore,
    },
    yjsUrl: yjsServerUrl(),
    onForbidden: opts.onForbidden,
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

export function useBoardConnection(): BoardConnection | null {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * Sends a session-changing control event and resolves with the server's answer (never rejects:
 * a timeout or a closed socket becomes `{ ok: false }` with code `unavailable`).
 */
export async function sendControl(
  event:
    | 'host:command'
    | 'host:rounds'
    | 'host:settings'
    | 'host:reveal'
    | 'host:tables'
    | 'host:move'
    | 'participant:ready'
    | 'session:get',
  payload: unknown,
): Promise<StateAck> {
  const socket = current?.socket;
  if (!socket?.connected) return { ok: false, error: { code: 'unavailable', message: 'Not connected' } };
  try {
    return (await socket.timeout(8000).emitWithAck(event, payload)) as StateAck;
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'No answer from the server' } };
  }
}

const noSubscribe = () => () => undefined;

/** The live draft or plenary Y.Doc of the open board, or null while that document is closed. */
export function useSideDoc(kind: 'drafts' | 'plenary'): Y.Doc | null {
  const conn = useBoardConnection();
  const slot = conn?.[kind];
  return useSyncExternalStore(slot ? slot.subscribe : noSubscribe, () => (slot ? slot.get() : null));
}

/** Copies a table's card onto the plenary board (case day); never rejects, like sendControl. */
export async function promoteCard(groupId: string, cardId: string): Promise<Ack<{ plenaryCardId: string }>> {
  const socket = current?.socket;
  if (!socket?.connected) return { ok: false, error: { code: 'unavailable', message: 'Not connected' } };
  try {
    return (await socket.timeout(8000).emitWithAck('card:promote', { groupId, cardId })) as Ack<{
      plenaryCardId: string;
    }>;
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'No answer from the server' } };
  }
}
