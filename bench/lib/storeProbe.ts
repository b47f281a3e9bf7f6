import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { SqliteStore as SqliteStoreClass } from '../../server/src/store/SqliteStore';
import { percentiles, type Percentiles } from './stats';

/**
 * What persisting costs ours, measured in-process on the real SqliteStore: the load's write
 * pattern (keystroke-sized updates across 125 documents, `perTurn` per event-loop turn, compaction every
 * 500 updates of a document) against a fresh file. Every append runs on the event loop that also
 * relays updates, so its tail is a floor under our latency tail.
 */

export interface StoreProbe {
  appends: number;
  /** One event-loop turn's appends (ten documents, compaction when due): issued → all in the WAL, ms. */
  turnMs: Percentiles;
  /** Turns that took longer than 5 ms: the event loop (and every room's relay) waited that long. */
  stallsOver5ms: number;
  /** Event-loop busy time per append, compaction included, µs. */
  busyMicrosPerAppend: number;
  /** Process CPU per append (every thread, the WAL checkpointer's included), µs. */
  cpuMicrosPerAppend: number;
  walBytesAtEnd: number;
}

/** `root`: the working tree whose server/src/store/SqliteStore.ts is probed (this repository by default). */
export async function probeStore(root: string, appends = 10000, perTurn = 10): Promise<StoreProbe> {
  const url = pathToFileURL(path.join(root, 'server', 'src', 'store', 'SqliteStore.ts')).href;
  const { SqliteStore } = (await import(url)) as { SqliteStore: typeof SqliteStoreClass };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-bench-store-'));
  const file = path.join(dir, 'casusbord.sqlite');
  const store = new SqliteStore(file);
  try {
    const docs = Array.from({ length: 125 }, (_, i) => `benchprobe${String(i).padStart(4, '0')}.t1`);
    const update = new Uint8Array(60).fill(7);
    const counts = new Map<string, number>();
    const times: number[] = [];
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < appends;) {
      const tasks: Promise<void>[] = [];
      const t0 = performance.now();
      for (let k = 0; k < perTurn && i < appends; k++, i++) {
        const doc = docs[i % docs.length]!;
        tasks.push(
          store.appendUpdate(doc, update).then(async (seq) => {
            const n = (counts.get(doc) ?? 0) + 1;
            counts.set(doc, n);
            if (n % 500 === 0) await store.compactDoc(doc, new Uint8Array(4000).fill(1), seq);
          }),
        );
      }
      await Promise.all(tasks);
      times.push(performance.now() - t0);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const elu = performance.eventLoopUtilization(elu0);
    const cpu = process.cpuUsage(cpu0);
    const wal = `${file}-wal`;
    return {
      appends,
      turnMs: percentiles(times),
      stallsOver5ms: times.filter((t) => t > 5).length,
      busyMicrosPerAppend: Math.round((elu.active / appends) * 1000 * 10) / 10,
      cpuMicrosPerAppend: Math.round(((cpu.user + cpu.system) / appends) * 10) / 10,
      walBytesAtEnd: fs.existsSync(wal) ? fs.statSync(wal).size : 0,
    };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
