import type { PresenceEntry } from '@casusbord/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface PresenceState {
  /** The server's presence list, as last received; names come only from here. */
  entries: PresenceEntry[];
  setEntries: (entries: PresenceEntry[]) => void;
  reset: () => void;
}

export function createPresenceStore() {
  return createStore<PresenceState>()((set) => ({
    entries: [],
    setEntries: (entries) => set({ entries }),
    reset: () => set({ entries: [] }),
  }));
}

export type PresenceStore = ReturnType<typeof createPresenceStore>;

export const presenceStore = createPresenceStore();

export function usePresenceStore<T>(selector: (state: PresenceState) => T): T {
  return useStore(presenceStore, selector);
}
