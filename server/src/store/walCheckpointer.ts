import fs from 'node:fs';
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

/**
 * The worker runs only while the store writes: it starts on the first document append after a
 * quiet spell (or when other writes have grown the log past 4 MiB) and stops after
 * `idleIntervals` intervals without an append, so an idle server does not keep a thread (about
 * 10 MB) for nothing. Its last checkpoints before stopping have caught the log up.
 */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private stopping: Promise<void> | null = null;
  private readonly watch: ReturnType<typeof setInterval>;
  private wroteSinceCheck = false;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly intervalMs = 1000,
    idleIntervals = 30,
  ) {
    this.watch = setInterval(() => {
      if (this.running) {
        if (!this.wroteSinceCheck) void this.stop();
      } else if (walBytes(`${file}-wal`) > 4 * 1024 * 1024) {
        this.wrote();
      }
      this.wroteSinceCheck = false;
    }, intervalMs * idleIntervals);
    this.watch.unref();
  }

  /** Whether the worker thread is running now (for tests and diagnosis). */
  get running(): boolean {
    return this.worker !== null && this.stopping === null;
  }

  /** The store wrote to the log: make sure a worker checkpoints it. */
  wrote(): void {
    this.wroteSinceCheck = true;
    if (this.closed || this.running) return;
    // A worker still stopping finishes on its own; its successor starts right away.
    this.stopping = null;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver, intervalMs: this.intervalMs },
    });
    // A failing checkpointer only means a longer log; the main connection still works.
    worker.on('error', () => undefined);
    worker.unref();
    this.worker = worker;
  }

  /** Stops the worker after its current checkpoint; resolves within `timeoutMs` in any case. */
  stop(timeoutMs = 2000): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    this.stopping ??= this.halt(worker, timeoutMs).then(() => {
      if (this.worker === worker) this.worker = null;
    });
    return this.stopping;
  }

  /** Stops for good: later writes start no worker (the store is closing). */
  close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watch);
    return this.stop();
  }

  private async halt(worker: Worker, timeoutMs: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage('stop');
    });
    await worker.terminate();
  }
}

function walBytes(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
