import type { CardSnapshot } from '@casusbord/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface BoardState {
  /** Plain snapshot of the board document (readCards); the Y.Doc itself lives outside stores. */
  cards: CardSnapshot[];
  setCards: (cards: CardSnapshot[]) => void;
  reset: () => void;
}

export function createBoardStore() {
  return createStore<BoardState>()((set) => ({
    cards: [],
    setCards: (cards) => set({ cards }),
    reset: () => set({ cards: [] }),
  }));
}

export type BoardStore = ReturnType<typeof createBoardStore>;

export const boardStore = createBoardStore();

export function useBoardStore<T>(selector: (state: BoardState) => T): T {
  return useStore(boardStore, selector);
}
