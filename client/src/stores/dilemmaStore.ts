import type { DilemmaView } from '@casusbord/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Issue 16: the session's current dilemma line as this page may see it (the server decides what
 * that is: before the reveal only the count and this person's own marker). Filled by
 * net/dilemmaLink.ts from the control socket.
 */
export interface DilemmaState {
  current: DilemmaView | null;
  /**
   * A view from the server. `own`: the answer to this page's own request, which carries its own
   * marker as it is now. A broadcast to the whole session carries nobody's (`mine: null`), so it
   * keeps the marker this page already knows for the same dilemma.
   */
  receive: (view: DilemmaView | null, own: boolean) => void;
  reset: () => void;
}

export function createDilemmaStore() {
  return createStore<DilemmaState>()((set) => ({
    current: null,
    receive: (view, own) =>
      set((s) => {
        if (own || !view || view.mine !== null || s.current?.id !== view.id) return { current: view };
        return { current: { ...view, mine: s.current.mine } };
      }),
    reset: () => set({ current: null }),
  }));
}

export type DilemmaStore = ReturnType<typeof createDilemmaStore>;

export const dilemmaStore = createDilemmaStore();

export function useDilemmaStore<T>(selector: (state: DilemmaState) => T): T {
  return useStore(dilemmaStore, selector);
}
