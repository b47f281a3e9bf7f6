import * as Y from 'yjs';
import type { Redis } from 'ioredis';
import type { Store } from '../store/Store';
import { releaseLock, tryLock } from './locks';

type Log = { error(obj: object, msg: string): void };

/** Longer than any compaction should take; after a crash the lock frees itself after this, ms. */
export const COMPACTION_LOCK_MS = 30000;

export type CompactionResult = 'compacted' | 'busy' | 'nothing' | 'failed';

/**
 * Compaction when several instances append to one document. An instance's in-memory doc may not
 * yet hold an update another instance appended a moment ago, so the snapshot is built from what
 * the store holds (snapshot + log) instead — never from memory. A lock per document
 * (SET NX PX) lets one instance do it at a time; if it expires mid-way, the store still refuses
 * to replace a snapshot with an older one, so a race costs work, never data.
 */
export class SharedCompactor {
  constructor(
    private readonly deps: { client: Redis; store: Store; prefix: string; log: Log },
  ) {}

  async compact(docName: string): Promise<CompactionResult> {
    const { client, store, prefix, log } = this.deps;
    const key = `${prefix}lock:compact:${docName}`;
    let token: string | null;
    try {
      token = await tryLock(client, key, COMPACTION_LOCK_MS);
      if (!token) return 'busy';
    } catch (err) {
      log.error({ doc: docName, err }, 'compaction lock unavailable');
      return 'failed';
    }
    try {
      const stored = await store.loadDoc(docName);
      if (stored.updates.length === 0) return 'nothing';
      const doc = new Y.Doc();
      try {
        doc.transact(() => {
          if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
          for (const update of stored.updates) Y.applyUpdate(doc, update);
        });
        await store.compactDoc(docName, Y.encodeStateAsUpdate(doc), stored.lastSeq);
      } finally {
        doc.destroy();
      }
      return 'compacted';
    } catch (err) {
      log.error({ doc: docName, err }, 'compaction failed');
      return 'failed';
    } finally {
      await releaseLock(client, key, token);
    }
  }
}
