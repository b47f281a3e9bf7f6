import type { SessionView } from '@casusbord/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { StoredCredentials } from '../net/credentials';

export interface SessionState {
  sessionId: string | null;
  credentials: StoredCredentials | null;
  view: SessionView | null;
  /** A user-facing message when the session could not be loaded. */
  loadError: string | null;
  open: (sessionId: string, credentials: StoredCredentials) => void;
  setView: (view: SessionView) => void;
  setLoadError: (message: string) => void;
  reset: () => void;
}

const initial = { sessionId: null, credentials: null, view: null, loadError: null };

export function createSessionStore() {
  return createStore<SessionState>()((set) => ({
    ...initial,
    open: (sessionId, credentials) => set({ ...initial, sessionId, credentials }),
    setView: (view) => set({ view, loadError: null }),
    setLoadError: (loadError) => set({ loadError }),
    reset: () => set({ ...initial }),
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;

export const sessionStore = createSessionStore();

export function useSessionStore<T>(selector: (state: SessionState) => T): T {
  return useStore(sessionStore, selector);
}
