import { CLOSE_CODES, FINAL_CLOSE_CODES } from '@casusbord/shared';
import { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { backoffDelay } from './backoff';
import { forgetDocCache, openDocCache } from './offlineCache';
import { onServerRefusal, toastRefusal } from './refusals';

/*
 * One board document's link to the server: the y-websocket provider, reconnecting with jitter,
 * optionally a copy in IndexedDB, and a count of the local changes the server has not got yet.
 *
 * Reconnecting: y-websocket retries on a fixed exponential schedule, the same on every laptop.
 * Here every close the server causes is reported as `closed` (shouldReconnect answers false);
 * a final code (4400/4401/4403/4404) ends the link, anything else is retried after
 * backoffDelay(), randomised per attempt. The browser's offline/online events close the socket
 * at once (Chromium keeps a dead WebSocket "open" for up to a minute) and retry when back.
 *
 * Unsent changes: y-websocket has no acknowledgements. A change made while the provider is
 * connected and synced counts as delivered; one made otherwise (or found in IndexedDB from a
 * previous page, per the count saved beside it) is unsent until the next sync completes. The
 * server sends its state vector before answering ours, so when `sync` fires our reply with
 * everything it lacked has been written to the socket.
 */

export interface DocLinkOptions {
  yjsUrl: string;
  name: string;
  doc: Y.Doc;
  token: string;
  /** Keep a copy in IndexedDB: documents the person writes; never read-only views. */
  persist: boolean;
  /**
   * The server gave an answer that will not change (close code); the link has stopped. After
   * 4401/4403/4404 the IndexedDB copy is already gone.
   */
  onFinal: (code: number) => void;
  /** The number of unsent local changes, after each change of it. */
  onUnsent?: (count: number) => void;
  /** The server corrected a write that broke a content limit; a toast by default. */
  onRefusal?: (error: { code: string; message: string }) => void;
  /** Draw in [0, 1) for the jitter; Math.random by default. */
  random?: () => number;
}

export interface DocLink {
  provider: WebsocketProvider;
  /** Drops this holder's IndexedDB copy of the document (the server refused it for good). */
  forgetCache: () => void;
  dispose: () => void;
}

/** Answers after which this holder's copy is useless: bad token, no access, no such document. */
const FORGET_CODES: readonly number[] = [CLOSE_CODES.unauthorized, CLOSE_CODES.forbidden, CLOSE_CODES.notFound];

/** Key of the unsent count in the copy's own key-value store, so it survives a reload. */
const UNSENT_KEY = 'unsent';

const browserOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

export function openDocLink(opts: DocLinkOptions): DocLink {
  const { doc, onUnsent } = opts;
  const random = opts.random ?? Math.random;
  const provider = new WebsocketProvider(opts.yjsUrl, opts.name, doc, {
    params: { token: opts.token },
    // Tabs must not bypass the server (it checks each token's rights), so no BroadcastChannel.
    disableBc: true,
    connect: browserOnline(),
    shouldReconnect: () => false,
  });
  onServerRefusal(provider, opts.onRefusal ?? toastRefusal);
  let cache: IndexeddbPersistence | null = opts.persist ? openDocCache(opts.name, opts.token, doc) : null;
  let disposed = false;

  let timer: ReturnType<typeof setTimeout> | null = null;
  const stopRetry = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const retry = (attempt: number) => {
    stopRetry();
    if (disposed || !browserOnline()) return; // the 'online' event retries
    timer = setTimeout(
      () => {
        timer = null;
        provider.connect();
      },
      backoffDelay(attempt, random()),
    );
  };
  const forgetCache = () => {
    forgetDocCache(opts.name, opts.token, cache);
    cache = null;
  };
  const onClosed = ({ code }: { code: number }) => {
    if (FINAL_CLOSE_CODES.includes(code)) {
      stopRetry();
      // Nothing lingers on a shared laptop once the server has refused this holder for good.
      if (FORGET_CODES.includes(code)) forgetCache();
      opts.onFinal(code);
    } else {
      // wsUnsuccessfulReconnects counts closes since the last successful sync (≥ 1 here).
      retry(provider.wsUnsuccessfulReconnects);
    }
  };
  const onOffline = () => {
    stopRetry();
    provider.disconnect();
  };
  const onOnline = () => retry(1);
  provider.on('closed', onClosed);
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
  }

  let unsent = 0;
  const report = () => {
    onUnsent?.(unsent);
    cache?.set(UNSENT_KEY, unsent).catch(() => undefined);
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider || (cache && origin === cache)) return;
    if (provider.synced && provider.wsconnected) return;
    unsent++;
    report();
  };
  const onSync = (synced: boolean) => {
    if (synced && unsent > 0) {
      unsent = 0;
      report();
    }
  };
  doc.on('update', onUpdate);
  provider.on('sync', onSync);
  // Changes a previous page made offline are in the copy; they stay unsent until a sync.
  void cache?.whenSynced
    .then((loaded) => loaded.get(UNSENT_KEY))
    .then((saved: unknown) => {
      if (disposed || provider.synced) return;
      if (typeof saved === 'number' && Number.isInteger(saved) && saved > 0) {
        unsent += saved;
        report();
      }
    })
    .catch(() => undefined);

  return {
    provider,
    forgetCache,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      stopRetry();
      if (typeof window !== 'undefined') {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      }
      doc.off('update', onUpdate);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      void cache?.destroy();
    },
  };
}
