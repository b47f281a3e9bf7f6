import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Why the board connection stopped for good (a final close code from the server). */
export type FatalReason = 'unauthorized' | 'forbidden' | 'notFound' | 'badOrigin';

export type ProviderStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionState {
  provider: ProviderStatus;
  /** The Y.Doc has exchanged state with the server since the last (re)connect. */
  synced: boolean;
  /** Has been synced at least once: tells "connecting" from "reconnecting". */
  everSynced: boolean;
  /** Local document updates made while not synced; reset when synced again. */
  pendingChanges: number;
  socket: 'connecting' | 'connected' | 'disconnected';
  browserOnline: boolean;
  fatal: FatalReason | null;
  setProviderStatus: (status: ProviderStatus) => void;
  setSynced: (synced: boolean) => void;
  addPendingChange: () => void;
  setSocketStatus: (status: ConnectionState['socket']) => void;
  setBrowserOnline: (online: boolean) => void;
  setFatal: (reason: FatalReason) => void;
  reset: () => void;
}

export type Indicator = 'online' | 'reconnecting' | 'offline';

/** What the always-visible indicator shows; also its data-state attribute. */
export function selectIndicator(s: ConnectionState): Indicator {
  if (s.fatal || !s.browserOnline) return 'offline';
  if (s.synced && s.provider === 'connected') return 'online';
  return s.pendingChanges > 0 ? 'offline' : 'reconnecting';
}

const initial = {
  provider: 'connecting' as ProviderStatus,
  synced: false,
  everSynced: false,
  pendingChanges: 0,
  socket: 'connecting' as const,
  fatal: null,
};

export function createConnectionStore(opts: { browserOnline?: boolean } = {}) {
  return createStore<ConnectionState>()((set) => ({
    ...initial,
    browserOnline: opts.browserOnline ?? true,
    setProviderStatus: (provider) => set({ provider }),
    setSynced: (synced) =>
      set((s) => (synced ? { synced, everSynced: true, pendingChanges: 0 } : { synced, everSynced: s.everSynced })),
    addPendingChange: () => set((s) => ({ pendingChanges: s.pendingChanges + 1 })),
    setSocketStatus: (socket) => set({ socket }),
    setBrowserOnline: (browserOnline) => set({ browserOnline }),
    setFatal: (fatal) => set({ fatal }),
    reset: () => set({ ...initial }),
  }));
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;

export const connectionStore = createConnectionStore({
  browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
});

export function useConnectionStore<T>(selector: (state: ConnectionState) => T): T {
  return useStore(connectionStore, selector);
}
