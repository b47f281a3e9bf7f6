import * as Y from 'yjs';
import { addCard, readCards } from '@casusbord/shared';
import { RedisStore } from '../../server/src/store/RedisStore';
import { spawnServer, tempDataDir, type ServerProcess } from './server';
import { waitFor } from './wait';
import type { Peer } from './yjs';

/** Server processes on 127.0.0.1 sharing one Redis under `prefix` (each also gets its own DATA_DIR). */
export function startInstances(
  redisUrl: string,
  prefix: string,
  names: string[],
  env: Record<string, string> = {},
): Promise<ServerProcess[]> {
  return Promise.all(
    names.map((name) =>
      spawnServer({ REDIS_URL: redisUrl, REDIS_PREFIX: prefix, INSTANCE_ID: name, DATA_DIR: tempDataDir(), ...env }),
    ),
  );
}

/** Sorted card ids of a board. */
export function cardIds(doc: Y.Doc): string[] {
  return readCards(doc)
    .map((c) => c.id)
    .sort();
}

/** The card ids of a board as Redis holds it (snapshot + log), read with a store of our own. */
export async function storedCardIds(redisUrl: string, prefix: string, docName: string): Promise<string[]> {
  const store = RedisStore.connect(redisUrl, prefix);
  try {
    const stored = await store.loadDoc(docName);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return cardIds(doc);
  } finally {
    await store.close();
  }
}

export function card(doc: Y.Doc, id: string, authorId: string): void {
  addCard(doc, { id, column: 'pitfall', text: `Valkuil ${id}`, authorId, createdAt: Date.now() });
}

/** Same contents, for failure messages that say what is missing where. */
export function missing(expected: string[], actual: string[]): string[] {
  const have = new Set(actual);
  return expected.filter((id) => !have.has(id));
}

/** `promise`, or a failure naming `what` after `ms`. */
export function within<T>(what: string, promise: Promise<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits until every peer and Redis hold exactly `expected` card ids; returns how long that took
 * (ms). On timeout the error says which ids each peer and Redis lack.
 */
export async function convergedEverywhere(o: {
  what: string;
  peers: Peer[];
  redisUrl: string;
  prefix: string;
  docName: string;
  expected: string[];
  timeoutMs: number;
}): Promise<number> {
  const started = Date.now();
  const want = [...o.expected].sort();
  const stored = () => storedCardIds(o.redisUrl, o.prefix, o.docName);
  try {
    await waitFor(
      o.what,
      async () =>
        o.peers.every((p) => cardIds(p.doc).join() === want.join()) && (await stored()).join() === want.join(),
      o.timeoutMs,
    );
  } catch (err) {
    const inRedis = await stored().catch(() => []);
    const report = o.peers.map((p, i) => `peer ${i} misses ${missing(want, cardIds(p.doc)).join(' ') || 'nothing'}`);
    throw new Error(
      `${(err as Error).message}\n${report.join('\n')}\nRedis misses ${missing(want, inRedis).join(' ') || 'nothing'}`,
    );
  }
  return Date.now() - started;
}
