import type { StateAck } from '@casusbord/shared';
import { useSyncExternalStore } from 'react';
import { boardStore } from '../stores/boardStore';
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

export function openBoard(credentials: StoredCredentials): () => void {
  const conn = connectBoard({
    credentials,
    stores: { connection: connectionStore, presence: presenceStore, board: boardStore, round: roundStore },
    yjsUrl: yjsServerUrl(),
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
