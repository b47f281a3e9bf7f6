/** Messages between the bench's main thread and its load workers (bench/lib/loadWorker.ts). */

export interface ClientSpec {
  /** Full ws:// URL including the document path and token. */
  url: string;
  /** Index of the client inside its room; its card id derives from it. */
  index: number;
  /** Author id of its card, as the server records it: ours 'host' or the participant id; the reference `c<index>`. */
  authorId: string;
  /** Server instance the client talks to (0 unless --scale splits a room over two instances). */
  instance: number;
}

export interface RoomSpec {
  roomIndex: number;
  clients: ClientSpec[];
}

export interface WorkerInit {
  rooms: RoomSpec[];
  /** Announce an awareness state and renew it every 15 s, like the official provider. */
  awareness: boolean;
  /** Connections opened at once by one worker. */
  connectConcurrency: number;
}

export interface EditPlan {
  /** All times are Date.now() milliseconds. */
  startAt: number;
  measureFrom: number;
  measureUntil: number;
}

export type ToWorker =
  /** Connects the worker's rooms from `fromRoom` (inclusive) to `toRoom` (exclusive), by position in its list. */
  | { type: 'connect'; fromRoom: number; toRoom: number }
  | { type: 'edits'; plan: EditPlan }
  | { type: 'collect' }
  | { type: 'close' };

export interface WorkerStats {
  /** Edit→peer latencies (ms) of edits sent inside the measurement window, same instance as the sender. */
  samples: Float64Array;
  /** Same, for peers on the other instance (only with --scale). */
  crossSamples: Float64Array;
  editsSent: number;
  /** Deliveries expected: for each measured edit, the peers that were connected when it was sent. */
  expectedDeliveries: number;
  deliveries: number;
  /** Frames the clients received / sent inside the window, by y-websocket message type. */
  framesIn: { sync: number; awareness: number; other: number };
  framesOut: number;
  bytesIn: number;
  sendErrors: number;
  /** Connections that closed while the bench still wanted them (code → count). */
  unexpectedCloses: Record<string, number>;
  /** Largest gap between two ticks of the worker's event loop during the window, ms (generator health). */
  maxLoopLagMs: number;
  /** The worker's own garbage collection inside the window: longest pause and total, ms. */
  maxGcPauseMs: number;
  gcMs: number;
}

export type FromWorker =
  | { type: 'connected'; ok: number; failed: number; notReady: number; errors: string[]; ms: number }
  | { type: 'editsDone' }
  | { type: 'stats'; stats: WorkerStats }
  | { type: 'closed' }
  | { type: 'error'; message: string };
