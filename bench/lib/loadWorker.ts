import { PerformanceObserver } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { addCard, cardsMap } from '@casusbord/shared';
import { LeanClient, MESSAGE_AWARENESS, MESSAGE_SYNC, REMOTE } from './leanClient';
import type { EditPlan, FromWorker, RoomSpec, ToWorker, WorkerInit, WorkerStats } from './loadProtocol';

/**
 * One load worker: holds the clients of a share of the rooms. Every client of a room lives in the
 * same worker, so sender and receivers read the same clock and a latency is one subtraction.
 */

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (msg: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

const CARD_PREFIX = 'bench-card-';
const cardId = (index: number) => `${CARD_PREFIX}${index}`;
const now = () => performance.timeOrigin + performance.now();

/*
 * Send times stay in this worker, which holds every client of a room: a field of its own in the
 * card would be outside the board schema, and our server removes such fields. Each client only
 * appends to its own card, so (room, sender, text length after the keystroke) names one edit.
 * Only edits sent inside the measurement window are recorded.
 */
const sentTimes = new Map<string, number>();
const editKey = (roomIndex: number, sender: number, length: number) => `${roomIndex}:${sender}:${length}`;

/** The index of the client whose card holds `text`, or null when it is no bench card's text. */
function senderOf(text: Y.Text): number | null {
  const key = text._item?.parentSub === 'text' ? (text.parent as Y.AbstractType<unknown> | null)?._item?.parentSub : null;
  if (!key?.startsWith(CARD_PREFIX)) return null;
  const index = Number(key.slice(CARD_PREFIX.length));
  return Number.isInteger(index) ? index : null;
}

interface BenchClient {
  spec: RoomSpec['clients'][number];
  room: Room;
  client: LeanClient;
  timer: NodeJS.Timeout | null;
  wanted: boolean;
}

interface Room {
  spec: RoomSpec;
  clients: BenchClient[];
}

const rooms: Room[] = init.rooms.map((spec) => ({ spec, clients: [] }));
let plan: EditPlan | null = null;
let closing = false;

// Window counters; they only count while the clock is inside the measurement window.
const samples: number[] = [];
const crossSamples: number[] = [];
const stats = {
  editsSent: 0,
  expectedDeliveries: 0,
  deliveries: 0,
  framesIn: { sync: 0, awareness: 0, other: 0 },
  framesOut: 0,
  bytesIn: 0,
  unexpectedCloses: {} as Record<string, number>,
  maxLoopLagMs: 0,
  maxGcPauseMs: 0,
  gcMs: 0,
};
// The generator's own GC pauses delay the timestamps it reads; they are reported with the results.
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!inWindow(performance.timeOrigin + entry.startTime)) continue;
    stats.maxGcPauseMs = Math.max(stats.maxGcPauseMs, entry.duration);
    stats.gcMs += entry.duration;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
/** `t` on the clock of `now()` (epoch ms, sub-millisecond). */
const inWindow = (t: number) => plan !== null && t >= plan.measureFrom && t < plan.measureUntil;

function makeClient(room: Room, spec: RoomSpec['clients'][number]): BenchClient {
  const bench: BenchClient = { spec, room, client: null as unknown as LeanClient, timer: null, wanted: true };
  bench.client = new LeanClient({
    url: spec.url,
    awarenessState: init.awareness ? { user: { name: `Bench ${room.spec.roomIndex}.${spec.index}`, color: '#3366cc' } } : null,
    onFrame: (type, bytes) => {
      if (!inWindow(now())) return;
      stats.bytesIn += bytes;
      if (type === MESSAGE_SYNC) stats.framesIn.sync++;
      else if (type === MESSAGE_AWARENESS) stats.framesIn.awareness++;
      else stats.framesIn.other++;
    },
  });
  const doc = bench.client.doc;
  // Length of each peer's card text this client has seen, by sender index.
  const seen = new Map<number, number>();
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin !== REMOTE) return;
    const t = now();
    tr.changed.forEach((_keys, type) => {
      if (!(type instanceof Y.Text)) return;
      const sender = senderOf(type);
      if (sender === null || sender === spec.index) return;
      const before = seen.get(sender) ?? 0;
      seen.set(sender, type.length);
      // Usually one keystroke; several when updates arrived together.
      for (let length = before + 1; length <= type.length; length++) {
        const sentAt = sentTimes.get(editKey(room.spec.roomIndex, sender, length));
        if (sentAt === undefined) continue;
        stats.deliveries++;
        const senderInstance = room.spec.clients[sender]?.instance ?? spec.instance;
        (senderInstance === spec.instance ? samples : crossSamples).push(t - sentAt);
      }
    });
  });
  return bench;
}

async function connectRooms(fromRoom: number, toRoom: number): Promise<void> {
  const started = Date.now();
  const errors: string[] = [];
  let ok = 0;
  let failed = 0;
  const all: BenchClient[] = [];
  for (const room of rooms.slice(fromRoom, toRoom)) {
    for (const spec of room.spec.clients) {
      const bench = makeClient(room, spec);
      room.clients.push(bench);
      all.push(bench);
    }
  }
  // Bounded concurrency: a fixed number of lanes walk the list.
  let next = 0;
  const lane = async () => {
    while (next < all.length) {
      const bench = all[next++]!;
      try {
        await bench.client.connect();
        await bench.client.whenSynced(30000);
        addCard(bench.client.doc, {
          id: cardId(bench.spec.index),
          column: 'question',
          text: '',
          authorId: bench.spec.authorId,
          createdAt: Date.now(),
        });
        bench.client.ws!.on('close', (code: number) => {
          if (bench.wanted && !closing) stats.unexpectedCloses[code] = (stats.unexpectedCloses[code] ?? 0) + 1;
        });
        ok++;
      } catch (err) {
        failed++;
        bench.wanted = false;
        if (errors.length < 5) errors.push(String((err as Error).message ?? err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, init.connectConcurrency) }, lane));
  // Ready when every client sees the card of every connected peer (bounded wait).
  const deadline = Date.now() + 30000;
  const ready = (b: BenchClient) =>
    !b.wanted || cardsMap(b.client.doc).size >= b.room.clients.filter((c) => c.wanted).length;
  while (!all.every(ready) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const notReady = all.filter((b) => !ready(b)).length;
  post({ type: 'connected', ok, failed, notReady, errors, ms: Date.now() - started });
}

function edit(bench: BenchClient): void {
  const { client } = bench;
  if (client.closed || !client.ws) return;
  const card = cardsMap(client.doc).get(cardId(bench.spec.index));
  const text = card?.get('text');
  if (!card || !(text instanceof Y.Text)) return;
  const sentAt = now();
  const measured = inWindow(sentAt);
  if (measured) sentTimes.set(editKey(bench.room.spec.roomIndex, bench.spec.index, text.length + 1), sentAt);
  // One keystroke: a character appended to the client's own card.
  text.insert(text.length, String.fromCharCode(97 + (stats.editsSent % 26)));
  if (measured) {
    stats.editsSent++;
    stats.expectedDeliveries += bench.room.clients.filter((c) => c !== bench && c.wanted && !c.client.closed).length;
  }
}

function startEdits(p: EditPlan): void {
  plan = p;
  const stopAt = p.measureUntil;
  for (const room of rooms) {
    for (const bench of room.clients) {
      if (!bench.wanted) continue;
      // Each client types once a second, at its own random phase.
      const offset = Math.max(0, p.startAt - Date.now()) + Math.random() * 1000;
      bench.timer = setTimeout(() => {
        edit(bench);
        bench.timer = setInterval(() => {
          if (Date.now() >= stopAt) {
            clearInterval(bench.timer!);
            bench.timer = null;
            return;
          }
          edit(bench);
        }, 1000);
      }, offset);
    }
  }
  // Event-loop lag of this worker: if it grows, the generator (not the server) adds latency.
  let last = now();
  const lag = setInterval(() => {
    const t = now();
    if (inWindow(t)) stats.maxLoopLagMs = Math.max(stats.maxLoopLagMs, t - last - 20);
    last = t;
    if (t >= stopAt) clearInterval(lag);
  }, 20);
  // Frames the clients sent inside the window: totals read at both edges.
  setTimeout(() => (framesOutAtFrom = totalFramesOut()), Math.max(0, p.measureFrom - Date.now()));
  setTimeout(() => (framesOutAtUntil = totalFramesOut()), Math.max(0, p.measureUntil - Date.now()));
  setTimeout(() => post({ type: 'editsDone' }), Math.max(0, stopAt - Date.now()) + 1100);
}

let framesOutAtFrom = 0;
let framesOutAtUntil = 0;
function totalFramesOut(): number {
  let n = 0;
  for (const room of rooms) for (const b of room.clients) n += b.client.sentFrames;
  return n;
}

function collect(): WorkerStats {
  let sendErrors = 0;
  for (const room of rooms) for (const b of room.clients) sendErrors += b.client.errors;
  const framesOut = framesOutAtUntil - framesOutAtFrom;
  return {
    samples: Float64Array.from(samples),
    crossSamples: Float64Array.from(crossSamples),
    editsSent: stats.editsSent,
    expectedDeliveries: stats.expectedDeliveries,
    deliveries: stats.deliveries,
    framesIn: stats.framesIn,
    framesOut,
    bytesIn: stats.bytesIn,
    sendErrors,
    unexpectedCloses: stats.unexpectedCloses,
    maxLoopLagMs: Math.max(0, stats.maxLoopLagMs),
    maxGcPauseMs: stats.maxGcPauseMs,
    gcMs: stats.gcMs,
  };
}

async function closeAll(): Promise<void> {
  closing = true;
  gcObserver.disconnect();
  for (const room of rooms)
    for (const b of room.clients) {
      if (b.timer) {
        clearTimeout(b.timer);
        clearInterval(b.timer);
      }
      b.client.destroy();
    }
  const deadline = Date.now() + 5000;
  const open = () => rooms.some((r) => r.clients.some((b) => b.client.ws && b.client.ws.readyState !== b.client.ws.CLOSED));
  while (open() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  for (const room of rooms) for (const b of room.clients) b.client.ws?.terminate();
  post({ type: 'closed' });
}

port.on('message', (msg: ToWorker) => {
  const run = async () => {
    switch (msg.type) {
      case 'connect':
        return connectRooms(msg.fromRoom, msg.toRoom);
      case 'edits':
        return startEdits(msg.plan);
      case 'collect': {
        const s = collect();
        return post({ type: 'stats', stats: s }, [s.samples.buffer as ArrayBuffer, s.crossSamples.buffer as ArrayBuffer]);
      }
      case 'close':
        return closeAll();
    }
  };
  run().catch((err: unknown) => post({ type: 'error', message: String((err as Error)?.stack ?? err) }));
});
