import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/src/store/SqliteStore';
import { WalCheckpointer } from '../../server/src/store/walCheckpointer';
import { tempDataDir } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

describe('SQLite write-ahead log', () => {
  let store: SqliteStore | null = null;
  afterEach(async () => {
    await store?.close();
    store = null;
  });

  it('is checkpointed by the worker thread, not inside a write, and stays bounded', async () => {
    const file = path.join(tempDataDir(), 'casusbord.sqlite');
    store = new SqliteStore(file);
    const update = new Uint8Array(4096).fill(7);
    const startSize = size(file);
    // 4,000 appends of 4 KiB reach SQLite in four transactions of 1,000 (the append log's drains),
    // each writing over 4 MiB to the log: SQLite's own auto-checkpoint would have restarted the log
    // inside them every 1,000 pages (4 MiB), so the log grows past that only when the writes leave
    // checkpointing to the worker.
    for (let i = 0; i < 4000; i++) await store.appendUpdate('s.t1', update);
    expect(size(`${file}-wal`)).toBeGreaterThan(4_000_000);
    // The worker copies the log into the database within its interval (1 s).
    await waitFor('checkpoint by the worker', () => size(file) > startSize + 4_000_000, 10_000);
    // Once checkpointed, the writer restarts the log from the start: it does not keep growing.
    const walAfterFirst = size(`${file}-wal`);
    await new Promise((r) => setTimeout(r, 1100)); // let one more checkpoint pass so the log can restart
    for (let i = 0; i < 4000; i++) await store.appendUpdate('s.t1', update);
    // Without the restart the log would now be twice as long.
    expect(size(`${file}-wal`)).toBeLessThan(walAfterFirst * 1.2);
    const loaded = await store.loadDoc('s.t1');
    expect(loaded.updates).toHaveLength(8000);
  });

  it('leaves an emptied log behind on close, with every update in the database', async () => {
    const file = path.join(tempDataDir(), 'casusbord.sqlite');
    store = new SqliteStore(file);
    for (let i = 0; i < 500; i++) await store.appendUpdate('s.t1', new Uint8Array([i % 256]));
    await store.close();
    store = null;
    expect(size(`${file}-wal`)).toBe(0);
    store = new SqliteStore(file);
    expect((await store.loadDoc('s.t1')).updates).toHaveLength(500);
  });

  it('runs its worker only while documents are written', async () => {
    const file = path.join(tempDataDir(), 'casusbord.sqlite');
    store = new SqliteStore(file);
    const checkpointer = new WalCheckpointer(file, 40, 3);
    try {
      expect(checkpointer.running).toBe(false);
      checkpointer.wrote();
      expect(checkpointer.running).toBe(true);
      // Writes keep it running across several idle checks (every 3 × 40 ms).
      for (let i = 0; i < 6; i++) {
        await new Promise((r) => setTimeout(r, 60));
        checkpointer.wrote();
        expect(checkpointer.running).toBe(true);
      }
      await waitFor('the idle worker to stop', () => !checkpointer.running, 2000);
      checkpointer.wrote();
      expect(checkpointer.running).toBe(true);
    } finally {
      await checkpointer.close();
    }
    expect(checkpointer.running).toBe(false);
    checkpointer.wrote();
    expect(checkpointer.running).toBe(false);
  });
});
