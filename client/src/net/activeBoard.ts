import { useSyncExternalStore } from 'react';
import { boardStore } from '../stores/boardStore';
import { connectionStore } from '../stores/connectionStore';
import { presenceStore } from '../stores/presenceStore';
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
    stores: { connection: connectionStore, presence: presenceStore, board: boardStore },
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
