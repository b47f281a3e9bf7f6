import type { SessionState } from '@casusbord/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface RoundStoreState {
  /** The server's latest session:state, or null before the first one arrives. */
  state: SessionState | null;
  /** serverNow − local time at receipt, ms: add it to Date.now() to get server time. */
  skewMs: number;
  /** Keeps a state unless an equal or newer version is already shown. */
  receive: (state: SessionState, receivedAt: number) => void;
  reset: () => void;
}

export function createRoundStore() {
  return createStore<RoundStoreState>()((set, get) => ({
    state: null,
    skewMs: 0,
    receive: (state, receivedAt) => {
      const shown = get().state;
      if (shown && shown.sessionId === state.sessionId && shown.version > state.version) return;
      set({ state, skewMs: state.serverNow - receivedAt });
    },
    reset: () => set({ state: null, skewMs: 0 }),
  }));
}

export type RoundStore = ReturnType<typeof createRoundStore>;

export const roundStore = createRoundStore();

export function useRoundStore<T>(selector: (state: RoundStoreState) => T): T {
  return useStore(roundStore, selector);
}
