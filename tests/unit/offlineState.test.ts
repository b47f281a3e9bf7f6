import { describe, expect, it } from 'vitest';
import { cacheName, holderKey, sessionKeyOfDoc } from '../../client/src/net/offlineCache';
import { createConnectionStore, selectIndicator } from '../../client/src/stores/connectionStore';

describe('offline copies are keyed per document and token holder', () => {
  it('gives two holders of one document two different copies, and one holder the same copy each time', () => {
    const a = cacheName('S1.t1', 'token-of-anouk');
    expect(cacheName('S1.t1', 'token-of-anouk')).toBe(a);
    expect(cacheName('S1.t1', 'token-of-bram')).not.toBe(a);
    expect(cacheName('S1.d-p1', 'token-of-anouk')).not.toBe(a);
    // The token itself never appears in the database name.
    expect(a).not.toContain('token-of-anouk');
    expect(a.startsWith('casusbord:doc:S1.t1:')).toBe(true);
    expect(holderKey('x')).toMatch(/^[0-9a-f]+$/);
  });

  it('finds the session of board, draft and plenary documents', () => {
    for (const docName of ['S1.t1', 'S1.d-p1', 'S1.plenary', 'S1']) expect(sessionKeyOfDoc(docName), docName).toBe('S1');
  });
});

describe('connection store: unsent changes over several documents', () => {
  it('sums the documents, drops a closed one and keeps the count through a sync', () => {
    const store = createConnectionStore();
    store.getState().setUnsent('S1.t1', 3);
    store.getState().setUnsent('S1.d-p1', 2);
    expect(store.getState().pendingChanges).toBe(5);
    // Syncing the board alone does not clear the count: docLink reports each document's own zero.
    store.getState().setSynced(true);
    expect(store.getState().pendingChanges).toBe(5);
    store.getState().setUnsent('S1.t1', 0);
    expect(store.getState().pendingChanges).toBe(2);
    store.getState().dropUnsent('S1.d-p1');
    expect(store.getState().pendingChanges).toBe(0);
    expect(store.getState().unsentByDoc).toEqual({ 'S1.t1': 0 });
  });

  it('shows offline while changes wait or the page runs on its saved copy', () => {
    const store = createConnectionStore();
    expect(selectIndicator(store.getState())).toBe('reconnecting');
    store.getState().setOfflineCopy(true);
    expect(selectIndicator(store.getState())).toBe('offline');
    store.getState().setOfflineCopy(false);
    store.getState().setUnsent('S1.t1', 1);
    expect(selectIndicator(store.getState())).toBe('offline');
    store.getState().setProviderStatus('connected');
    store.getState().setSynced(true);
    expect(selectIndicator(store.getState())).toBe('online');
    store.getState().setBrowserOnline(false);
    expect(selectIndicator(store.getState())).toBe('offline');
  });
});
