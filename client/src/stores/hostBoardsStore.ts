import type { CardDetails } from '@casusbord/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** What the host knows of one board document (a table's, or the plenary one). */
export interface WatchedBoard {
  /** Plain snapshot of the cards (readCardDetails); the Y.Doc stays in the host bridge. */
  cards: CardDetails[];
  /** Has exchanged state with the server at least once: counts before that would read as 0. */
  synced: boolean;
  /** The server closed this board for good (close code 44xx). */
  failed: boolean;
}

export interface HostBoardsState {
  /** Keyed by document name (`<sessionId>.t1`, `<sessionId>.plenary`). */
  boards: Record<string, WatchedBoard>;
  setCards: (docName: string, cards: CardDetails[]) => void;
  setSynced: (docName: string, synced: boolean) => void;
  setFailed: (docName: string) => void;
  /** Forgets boards no longer watched (a table was removed). */
  keepOnly: (docNames: readonly string[]) => void;
  reset: () => void;
}

const EMPTY: WatchedBoard = { cards: [], synced: false, failed: false };

export function createHostBoardsStore() {
  return createStore<HostBoardsState>()((set) => {
    const patch = (docName: string, change: Partial<WatchedBoard>) =>
      set((s) => ({ boards: { ...s.boards, [docName]: { ...(s.boards[docName] ?? EMPTY), ...change } } }));
    return {
      boards: {},
      setCards: (docName, cards) => patch(docName, { cards }),
      setSynced: (docName, synced) => patch(docName, synced ? { synced, failed: false } : { synced }),
      setFailed: (docName) => patch(docName, { failed: true }),
      // Called on every session:state; leaves the object alone unless a board really went away,
      // so the tables do not re-render for nothing.
      keepOnly: (docNames) =>
        set((s) =>
          Object.keys(s.boards).every((name) => docNames.includes(name))
            ? s
            : { boards: Object.fromEntries(Object.entries(s.boards).filter(([name]) => docNames.includes(name))) },
        ),
      reset: () => set({ boards: {} }),
    };
  });
}

export type HostBoardsStore = ReturnType<typeof createHostBoardsStore>;

export const hostBoardsStore = createHostBoardsStore();

export function useHostBoardsStore<T>(selector: (state: HostBoardsState) => T): T {
  return useStore(hostBoardsStore, selector);
}
