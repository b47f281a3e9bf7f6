import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints the SQLite write-ahead log from a worker thread. SQLite's automatic checkpoint runs
 * inside the write that crosses the threshold, with an fsync of the database file, on the event
 * loop: that stalled every document for up to tens of milliseconds (bench/results). With
 * `wal_autocheckpoint = 0` on the main connection, this worker's own connection copies the log
 * into the database every `intervalMs` (PASSIVE: it never waits for, nor blocks, the writer), and
 * the writer restarts the log from the start once a checkpoint has caught up.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage('stopped');
});
`;

export class WalCheckpointer {
  private readonly worker: Worker;
  private stopping: Promise<void> | null = null;

  constructor(file: string, intervalMs = 1000) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
    // A failing checkpointer only means a longer log; the main connection still works.
    this.worker.on('error', () => undefined);
    this.worker.unref();
  }

  /** Stops the worker after its current checkpoint; resolves within `timeoutMs` in any case. */
  stop(timeoutMs = 2000): Promise<void> {
    this.stopping ??= this.halt(timeoutMs);
    return this.stopping;
  }

  private async halt(timeoutMs: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.worker.postMessage('stop');
    });
    await this.worker.terminate();
  }
}
