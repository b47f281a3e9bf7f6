import { useSyncExternalStore } from 'react';

/**
 * Holds the one open connection of a kind (board or host) outside the stores, so components can
 * reach it; `open` returns its own cleanup, which suits useEffect and strict-mode double mounts.
 */
export function createConnectionSlot<T extends { dispose(): void }>() {
  let current: T | null = null;
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    get: (): T | null => current,
    open(conn: T): () => void {
      current = conn;
      emit();
      return () => {
        conn.dispose();
        if (current === conn) {
          current = null;
          emit();
        }
      };
    },
    use: (): T | null => useSyncExternalStore(subscribe, () => current),
  };
}
