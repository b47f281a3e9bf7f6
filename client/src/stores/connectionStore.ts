import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Why the board connection stopped for good (a final close code from the server; `revoked`: a co-host link). */
export type FatalReason = 'unauthorized' | 'forbidden' | 'notFound' | 'badOrigin' | 'revoked';

export type ProviderStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionState {
  provider: ProviderStatus;
  /** The Y.Doc has exchanged state with the server since the last (re)connect. */
  synced: boolean;
  /** Has been synced at least once: tells "connecting" from "reconnecting". */
  everSynced: boolean;
  /** Local changes the server has not got yet, summed over the open documents (see net/docLink.ts). */
  pendingChanges: number;
  /** The same per document name (board, drafts, plenary). */
  unsentByDoc: Record<string, number>;
  /** The page shows what this browser saved (session view, round, board) because the server did not answer. */
  offlineCopy: boolean;
  socket: 'connecting' | 'connected' | 'disconnected';
  browserOnline: boolean;
  fatal: FatalReason | null;
  setProviderStatus: (status: ProviderStatus) => void;
  setSynced: (synced: boolean) => void;
  setUnsent: (docName: string, count: number) => void;
  /** Forgets a document's count when it is closed. */
  dropUnsent: (docName: string) => void;
  setOfflineCopy: (offlineCopy: boolean) => void;
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
  return s.pendingChanges > 0 || s.offlineCopy ? 'offline' : 'reconnecting';
}

const initial = {
  provider: 'connecting' as ProviderStatus,
  synced: false,
  everSynced: false,
  pendingChanges: 0,
  unsentByDoc: {} as Record<string, number>,
  offlineCopy: false,
  socket: 'connecting' as const,
  fatal: null,
};

function withUnsent(unsentByDoc: Record<string, number>) {
  return { unsentByDoc, pendingChanges: Object.values(unsentByDoc).reduce((sum, n) => sum + n, 0) };
}

export function createConnectionStore(opts: { browserOnline?: boolean } = {}) {
  return createStore<ConnectionState>()((set) => ({
    ...initial,
    browserOnline: opts.browserOnline ?? true,
    setProviderStatus: (provider) => set({ provider }),
    setSynced: (synced) => set((s) => ({ synced, everSynced: s.everSynced || synced })),
    setUnsent: (docName, count) => set((s) => withUnsent({ ...s.unsentByDoc, [docName]: Math.max(0, count) })),
    dropUnsent: (docName) =>
      set((s) => {
        if (!(docName in s.unsentByDoc)) return {};
        const { [docName]: _dropped, ...rest } = s.unsentByDoc;
        return withUnsent(rest);
      }),
    setOfflineCopy: (offlineCopy) => set({ offlineCopy }),
    setSocketStatus: (socket) => set({ socket }),
    setBrowserOnline: (browserOnline) => set({ browserOnline }),
    // A revoked co-host link says more than the 4401 its boards close with: it is kept.
    setFatal: (fatal) => set((s) => ({ fatal: s.fatal === 'revoked' ? s.fatal : fatal })),
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
