import * as Y from 'yjs';
import { addCard, readCards } from '@casusbord/shared';
import { RedisStore } from '../../server/src/store/RedisStore';
import { spawnServer, tempDataDir, type ServerProcess } from './server';

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
