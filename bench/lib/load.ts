import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FromWorker, RoomSpec, ToWorker, WorkerInit, WorkerStats } from './loadProtocol';
import { cpuSeconds, machineCpuSeconds, memoryStatus, ProcSampler, waitForQuiet } from './procStats';
import { InspectorClient } from './inspector';
import type { RunningServer } from './servers';
import { prepareRooms } from './setup';
import { concatSamples, median, percentiles, sleep, type Percentiles } from './stats';

export interface LoadOptions {
  rooms: number;
  clients: number;
  /** Measured seconds of editing. */
  durationS: number;
  /** Seconds of editing before the window opens (connections warm, JIT warm). */
  warmupS: number;
  workers: number;
  awareness: boolean;
  log: (line: string) => void;
  /** Other processes whose CPU belongs to the server side (Redis with --scale). */
  auxPids?: number[];
  /** Wait up to this long before the run for other processes to use less than half a core (0: don't). */
  quietWaitS: number;
  /** Diagnostics (e.g. heap snapshots) once half of the rooms and once all of them are loaded. */
  hooks?: { afterHalf?: () => Promise<void>; afterLoaded?: () => Promise<void> };
}

export interface LoadResult {
  server: string;
  /** The server's spawn to its first HTTP answer (RunningServer.startupMs), ms. */
  startupMs: number;
  rooms: number;
  clients: number;
  durationS: number;
  /** The measurement window, Date.now() ms. */
  window: { fromMs: number; untilMs: number };
  loadAverageAtStart: number[];
  connect: { ok: number; failed: number; notReady: number; ms: number; errors: string[] };
  latencyMs: Percentiles;
  /** Scale-out only: deliveries to peers on the same / the other instance as the sender. */
  sameInstanceLatencyMs: Percentiles | null;
  crossLatencyMs: Percentiles | null;
  editsPerSecond: number;
  /** Frames the server sent to the clients per second (updates + awareness), and received from them. */
  serverFramesOutPerSecond: number;
  serverFramesInPerSecond: number;
  deliveryRatio: number;
  lostDeliveries: number;
  errors: number;
  disconnects: Record<string, number>;
  /** CPU of the server process(es) during the window, % of one core. */
  serverCpuPercent: number;
  /** CPU of auxiliary server-side processes (Redis) during the window, % of one core. */
  auxCpuPercent: number;
  /** CPU that other processes on this shared machine used during the window, % of one core. */
  otherCpuPercent: number;
  /** Seconds the bench waited for the machine to calm down before this run, and the reading then. */
  quietWait: { waitedS: number; otherCores: number } | null;
  /** CPU of the bench process (all load workers) during the window, % of one core. */
  generatorCpuPercent: number;
  maxGeneratorLoopLagMs: number;
  /** Longest GC pause in a load worker during the window, and all workers' GC time per second, ms. */
  maxGeneratorGcPauseMs: number;
  generatorGcMsPerSecond: number;
  memory: {
    baselineRssBytes: number;
    loadedRssBytes: number;
    afterEditsRssBytes: number;
    peakRssBytes: number;
    halfLoadedRssBytes: number;
    /** (RSS with every room loaded − RSS with half of them loaded) / the rooms of the second half. */
    perRoomBytes: number;
    /** (RSS with every room loaded and its clients connected − RSS before any) / rooms. */
    perRoomFromBaselineBytes: number;
    /** JS heap after a full GC: the same half → all difference per room (0 without the inspector). */
    heapPerRoomBytes: number;
    /** JS heap after a full GC per room after the edit phase, from the empty server. */
    heapPerRoomAfterEditsBytes: number;
    /** The same after the edit phase (rooms then hold their edit history). */
    perRoomAfterEditsBytes: number;
  };
}

function sumRss(servers: RunningServer[]): number {
  return servers.reduce((n, s) => n + memoryStatus(s.pid).rss, 0);
}

/** Median RSS over `ms` (sampled every 100 ms): one reading can land just before or after a GC. */
async function settledRss(servers: RunningServer[], ms: number): Promise<number> {
  const readings: number[] = [];
  for (let t = 0; t < ms; t += 100) {
    readings.push(sumRss(servers));
    await sleep(100);
  }
  return median(readings);
}

interface MemoryReading {
  rss: number;
  /** JS heap in use right after a full GC (0 when the inspector was not reachable). */
  heap: number;
}

/**
 * Memory of the servers with garbage collected: a full GC through each server's inspector, then
 * the RSS (median over `ms`). Without the inspector, RSS alone.
 */
async function memoryAfterGc(servers: RunningServer[], inspectors: (InspectorClient | null)[], ms: number): Promise<MemoryReading> {
  let heap = 0;
  for (const inspector of inspectors) heap += inspector ? await inspector.collectGarbage().catch(() => 0) : 0;
  await sleep(200);
  return { rss: await settledRss(servers, ms), heap };
}
function sumCpu(servers: RunningServer[]): number {
  return servers.reduce((n, s) => n + cpuSeconds(s.pid), 0);
}

class WorkerHandle {
  readonly worker: Worker;
  private readonly waiting = new Map<string, (msg: FromWorker) => void>();
  private failure: Error | null = null;

  constructor(init: WorkerInit) {
    // Node 20 workers do not get the tsx loader the main thread runs with: register it, then import the TS entry.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./loadWorker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    // A larger young generation: fewer scavenges in the generator, whose pauses would read as latency.
    this.worker = new Worker(boot, { eval: true, workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    this.worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'error') {
        this.failure = new Error(`load worker failed: ${msg.message}`);
        for (const wake of this.waiting.values()) wake(msg);
        return;
      }
      this.waiting.get(msg.type)?.(msg);
      this.waiting.delete(msg.type);
    });
    this.worker.on('error', (err) => {
      this.failure = err;
      for (const wake of this.waiting.values()) wake({ type: 'error', message: String(err) });
    });
  }

  request<T extends FromWorker['type']>(msg: ToWorker | null, answer: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const timer = setTimeout(() => reject(new Error(`load worker: no '${answer}' within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(answer, (reply) => {
        clearTimeout(timer);
        if (reply.type === 'error') reject(this.failure ?? new Error(reply.message));
        else resolve(reply as Extract<FromWorker, { type: T }>);
      });
      if (msg) this.worker.postMessage(msg);
    });
  }
}

/** Drives R rooms × C clients against `servers` (one, or several instances of ours) and measures. */
export async function runLoad(servers: RunningServer[], options: LoadOptions, label: string): Promise<LoadResult> {
  const { rooms, clients, durationS, warmupS, log } = options;
  const loadAverageAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  log(`${label}: preparing ${rooms} rooms × ${clients} clients`);
  const specs = await prepareRooms(servers, rooms, clients);

  const quietWait =
    options.quietWaitS > 0 ? await waitForQuiet([...servers.map((s) => s.pid), ...(options.auxPids ?? [])], 0.5, options.quietWaitS * 1000) : null;
  if (quietWait) log(`${label}: other processes used ${quietWait.otherCores} cores (waited ${quietWait.waitedS} s)`);
  const inspectors = await Promise.all(
    servers.map((s) => (s.inspectorUrl ? InspectorClient.connect(s.inspectorUrl).catch(() => null) : Promise.resolve(null))),
  );
  const baseline = await memoryAfterGc(servers, inspectors, 1000);
  const baselineRss = baseline.rss;
  const samplers = servers.map((s) => new ProcSampler(s.pid));
  for (const s of samplers) s.start();

  const workerCount = Math.max(1, Math.min(options.workers, rooms));
  const shares: RoomSpec[][] = Array.from({ length: workerCount }, () => []);
  specs.forEach((spec, i) => shares[i % workerCount]!.push(spec));
  const handles = shares.map(
    (share) => new WorkerHandle({ rooms: share, awareness: options.awareness, connectConcurrency: 16 }),
  );
  try {
    log(`${label}: connecting ${rooms * clients} clients with ${workerCount} load workers`);
    // Two halves: memory per room is the RSS growth from half to all rooms loaded, which leaves out
    // start-up garbage that the first GC after the baseline may release.
    const connectHalf = (half: 0 | 1) =>
      Promise.all(
        handles.map((h, i) => {
          const n = shares[i]!.length;
          const mid = Math.floor(n / 2);
          return h.request({ type: 'connect', fromRoom: half === 0 ? 0 : mid, toRoom: half === 0 ? mid : n }, 'connected', 180_000);
        }),
      );
    const first = await connectHalf(0);
    await sleep(500);
    const half = await memoryAfterGc(servers, inspectors, 1000);
    const halfRss = half.rss;
    await options.hooks?.afterHalf?.();
    const roomsInFirstHalf = shares.reduce((n, share) => n + Math.floor(share.length / 2), 0);
    const second = await connectHalf(1);
    const connected = [...first, ...second];
    const connect = {
      ok: connected.reduce((n, c) => n + c.ok, 0),
      failed: connected.reduce((n, c) => n + c.failed, 0),
      notReady: connected.reduce((n, c) => n + c.notReady, 0),
      ms: Math.max(...first.map((c) => c.ms)) + Math.max(...second.map((c) => c.ms)),
      errors: connected.flatMap((c) => c.errors).slice(0, 5),
    };
    if (connect.failed > 0) log(`${label}: ${connect.failed} connections failed: ${connect.errors.join('; ')}`);
    await sleep(500);
    const loaded = await memoryAfterGc(servers, inspectors, 1000);
    const loadedRss = loaded.rss;
    await options.hooks?.afterLoaded?.();

    const startAt = Date.now() + 300;
    const measureFrom = startAt + warmupS * 1000;
    const measureUntil = measureFrom + durationS * 1000;
    let cpuFrom = 0;
    let cpuUntil = 0;
    const aux = options.auxPids ?? [];
    const auxCpu = () => aux.reduce((n, pid) => n + cpuSeconds(pid), 0);
    let auxFrom = 0;
    let auxUntil = 0;
    let machineFrom = machineCpuSeconds();
    let machineUntil = machineFrom;
    let genFrom = process.cpuUsage();
    let genUntil = process.cpuUsage();
    const cpuTimers = [
      setTimeout(() => {
        cpuFrom = sumCpu(servers);
        auxFrom = auxCpu();
        machineFrom = machineCpuSeconds();
        genFrom = process.cpuUsage();
      }, measureFrom - Date.now()),
      setTimeout(() => {
        cpuUntil = sumCpu(servers);
        auxUntil = auxCpu();
        machineUntil = machineCpuSeconds();
        genUntil = process.cpuUsage(genFrom);
      }, measureUntil - Date.now()),
    ];
    log(`${label}: editing for ${warmupS} s warm-up + ${durationS} s measured`);
    const done = handles.map((h) =>
      h.request({ type: 'edits', plan: { startAt, measureFrom, measureUntil } }, 'editsDone', (warmupS + durationS) * 1000 + 60_000),
    );
    await Promise.all(done);
    for (const t of cpuTimers) clearTimeout(t);
    // Late deliveries still count (and show up in the max) if they arrive within this drain.
    await sleep(1500);
    const statsList: WorkerStats[] = [];
    for (const h of handles) statsList.push((await h.request({ type: 'collect' }, 'stats', 30_000)).stats);
    const afterEdits = await memoryAfterGc(servers, inspectors, 1000);
    const afterEditsRss = afterEdits.rss;
    for (const s of samplers) s.sample();
    const peakRss = servers.reduce((n, s, i) => n + Math.max(memoryStatus(s.pid).peakRss, samplers[i]!.maxRss), 0);

    const sum = (f: (s: WorkerStats) => number) => statsList.reduce((n, s) => n + f(s), 0);
    const disconnects: Record<string, number> = {};
    for (const s of statsList)
      for (const [code, n] of Object.entries(s.unexpectedCloses)) disconnects[code] = (disconnects[code] ?? 0) + n;
    const expected = sum((s) => s.expectedDeliveries);
    const delivered = sum((s) => s.deliveries);
    const same = concatSamples(statsList.map((s) => s.samples));
    const cross = concatSamples(statsList.map((s) => s.crossSamples));
    const genCpu = (genUntil.user + genUntil.system) / 1e6;
    const result: LoadResult = {
      server: label,
      startupMs: servers[0]!.startupMs,
      rooms,
      clients,
      durationS,
      window: { fromMs: measureFrom, untilMs: measureUntil },
      loadAverageAtStart,
      connect,
      // Every delivery; with several instances both the same-instance and the cross-instance ones.
      latencyMs: percentiles(concatSamples([same, cross])),
      sameInstanceLatencyMs: cross.length > 0 ? percentiles(same) : null,
      crossLatencyMs: cross.length > 0 ? percentiles(cross) : null,
      editsPerSecond: sum((s) => s.editsSent) / durationS,
      serverFramesOutPerSecond: sum((s) => s.framesIn.sync + s.framesIn.awareness + s.framesIn.other) / durationS,
      serverFramesInPerSecond: sum((s) => s.framesOut) / durationS,
      deliveryRatio: expected > 0 ? delivered / expected : 0,
      lostDeliveries: Math.max(0, expected - delivered),
      errors: sum((s) => s.sendErrors) + connect.failed,
      disconnects,
      serverCpuPercent: ((cpuUntil - cpuFrom) / durationS) * 100,
      auxCpuPercent: ((auxUntil - auxFrom) / durationS) * 100,
      otherCpuPercent: Math.max(
        0,
        ((machineUntil.busy - machineFrom.busy - (cpuUntil - cpuFrom) - (auxUntil - auxFrom) - genCpu) / durationS) * 100,
      ),
      quietWait,
      generatorCpuPercent: (genCpu / durationS) * 100,
      maxGeneratorLoopLagMs: Math.max(...statsList.map((s) => s.maxLoopLagMs)),
      maxGeneratorGcPauseMs: Math.max(...statsList.map((s) => s.maxGcPauseMs)),
      generatorGcMsPerSecond: sum((s) => s.gcMs) / durationS,
      memory: {
        baselineRssBytes: baselineRss,
        loadedRssBytes: loadedRss,
        afterEditsRssBytes: afterEditsRss,
        peakRssBytes: peakRss,
        halfLoadedRssBytes: halfRss,
        perRoomBytes: rooms - roomsInFirstHalf > 0 ? (loadedRss - halfRss) / (rooms - roomsInFirstHalf) : 0,
        perRoomFromBaselineBytes: (loadedRss - baselineRss) / rooms,
        heapPerRoomBytes: rooms - roomsInFirstHalf > 0 ? (loaded.heap - half.heap) / (rooms - roomsInFirstHalf) : 0,
        heapPerRoomAfterEditsBytes: (afterEdits.heap - baseline.heap) / rooms,
        perRoomAfterEditsBytes: (afterEditsRss - baselineRss) / rooms,
      },
    };
    return result;
  } finally {
    for (const inspector of inspectors) inspector?.close();
    for (const s of samplers) s.stop();
    await Promise.all(handles.map((h) => h.request({ type: 'close' }, 'closed', 20_000).catch(() => undefined)));
    await Promise.all(handles.map((h) => h.worker.terminate()));
  }
}
