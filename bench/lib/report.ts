import type { BenchOptions } from './args';
import type { ClientJsResult } from './clientJs';
import type { ExportResult } from './exports';
import type { JoinResult } from './join';
import type { LoadResult } from './load';
import type { machineInfo } from './procStats';
import type { ProfileSummary } from './profile';
import type { StoreProbe } from './storeProbe';
import { ratio, round } from './stats';

/** The results file: every figure of one run, the comparison rows and the targets with pass/miss. */

export interface TraceInfo {
  cards: number;
  historySeconds: number;
  authors: number;
  transactions: number;
  keystrokes: number;
  updatesWritten: number;
  stateBytes: number;
  generateMs: number;
}

export interface ComparisonRow {
  metric: string;
  unit: string;
  ours: number | null;
  reference: number | null;
  /** ours / reference; null when either side is missing or zero. */
  ratio: number | null;
  better: 'lower' | 'higher';
}

export interface TargetResult {
  id: string;
  target: string;
  value: string;
  status: 'pass' | 'miss' | 'not measured';
  /** For a miss: what limits it, from this run's measurements. */
  limitedBy?: string;
}

export interface BenchResults {
  schema: 1;
  date: string;
  startedAt: string;
  finishedAt: string;
  wallSeconds: number;
  command: string;
  machine: ReturnType<typeof machineInfo> & { loadAverageAtEnd: number[]; note: string };
  options: Pick<
    BenchOptions,
    'rooms' | 'clients' | 'durationS' | 'warmupS' | 'workers' | 'repeat' | 'awareness' | 'joins' | 'coldJoins'
  >;
  servers: Record<string, Record<string, string>>;
  load: { runs: LoadResult[]; ours: LoadResult | null; reference: LoadResult | null };
  /** Ours: the SqliteStore's cost on the event loop under the load's write pattern (in-process). */
  storeProbe: StoreProbe | null;
  join: { trace: TraceInfo | null; ours: JoinResult | null; reference: JoinResult | null };
  exports: ExportResult | null;
  clientJs: ClientJsResult | null;
  profile: ProfileSummary | null;
  comparison: ComparisonRow[];
  targets: TargetResult[];
}

/** Element-wise median of results of the same shape (repeated runs of one server). */
export function medianOf<T>(items: T[]): T {
  const first = items[0] as unknown;
  if (items.length === 1) return items[0]!;
  if (typeof first === 'number') {
    const sorted = (items as number[]).slice().sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] as T;
  }
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(first)) {
      out[key] = medianOf(items.map((i) => (i as Record<string, unknown>)[key]));
    }
    return out as T;
  }
  return items[0]!;
}

const KB = 1024;
const MB = 1024 * 1024;

export function comparisonRows(
  ours: LoadResult | null,
  ref: LoadResult | null,
  joinOurs: JoinResult | null,
  joinRef: JoinResult | null,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const add = (
    metric: string,
    unit: string,
    o: number | null | undefined,
    r: number | null | undefined,
    better: 'lower' | 'higher' = 'lower',
  ) => {
    const ov = o === undefined || o === null ? null : round(o);
    const rv = r === undefined || r === null ? null : round(r);
    rows.push({
      metric,
      unit,
      ours: ov,
      reference: rv,
      ratio: ov !== null && rv !== null ? ratio(o!, r!) : null,
      better,
    });
  };
  const cpuPerEdit = (l: LoadResult | null) =>
    l && l.editsPerSecond > 0 ? (l.serverCpuPercent / 100 / l.editsPerSecond) * 1e6 : null;
  add('edit→peer latency p50', 'ms', ours?.latencyMs.p50, ref?.latencyMs.p50);
  add('edit→peer latency p95', 'ms', ours?.latencyMs.p95, ref?.latencyMs.p95);
  add('edit→peer latency p99', 'ms', ours?.latencyMs.p99, ref?.latencyMs.p99);
  add('edit→peer latency max', 'ms', ours?.latencyMs.max, ref?.latencyMs.max);
  add('edits per second', '/s', ours?.editsPerSecond, ref?.editsPerSecond, 'higher');
  add('frames sent by the server', '/s', ours?.serverFramesOutPerSecond, ref?.serverFramesOutPerSecond, 'higher');
  add(
    'deliveries arrived',
    '%',
    ours ? ours.deliveryRatio * 100 : null,
    ref ? ref.deliveryRatio * 100 : null,
    'higher',
  );
  add('server CPU', '% of a core', ours?.serverCpuPercent, ref?.serverCpuPercent);
  add('server CPU per edit (incl. relay)', 'µs', cpuPerEdit(ours), cpuPerEdit(ref));
  /** A memory row: the same field of both servers' memory readings, in `unit` (bytes / `per`). */
  const memory = (metric: string, unit: string, per: number, field: keyof LoadResult['memory']) =>
    add(metric, unit, ours ? ours.memory[field] / per : null, ref ? ref.memory[field] / per : null);
  memory('peak RSS', 'MB', MB, 'peakRssBytes');
  memory('RSS before load', 'MB', MB, 'baselineRssBytes');
  memory('memory per loaded room: RSS, half → all rooms', 'KB', KB, 'perRoomBytes');
  memory('memory per loaded room: JS heap after GC', 'KB', KB, 'heapPerRoomBytes');
  memory('memory per loaded room: RSS, from the empty server', 'KB', KB, 'perRoomFromBaselineBytes');
  memory('memory per room after the edits: RSS', 'KB', KB, 'perRoomAfterEditsBytes');
  memory('memory per room after the edits: JS heap after GC', 'KB', KB, 'heapPerRoomAfterEditsBytes');
  add('start-up to first HTTP answer (ours: /healthz)', 'ms', ours?.startupMs, ref?.startupMs);
  add('errors', '', ours?.errors, ref?.errors);
  add('disconnects', '', ours ? sumValues(ours.disconnects) : null, ref ? sumValues(ref.disconnects) : null);
  add('connect + sync all clients', 's', ours ? ours.connect.ms / 1000 : null, ref ? ref.connect.ms / 1000 : null);
  add('500-card join, warm: client total p50', 'ms', joinOurs?.warm.totalMs.p50, joinRef?.warm.totalMs.p50);
  add('500-card join, warm: server reply p50', 'ms', joinOurs?.warm.serverReplyMs.p50, joinRef?.warm.serverReplyMs.p50);
  add('500-card join, cold: client total p50', 'ms', joinOurs?.cold?.totalMs.p50, null);
  add('500-card join, server time (load + step 2)', 'ms', joinOurs?.serverSide?.coldServerMs, null);
  return rows;
}

function sumValues(r: Record<string, number>): number {
  return Object.values(r).reduce((n, v) => n + v, 0);
}

export function evaluateTargets(r: Omit<BenchResults, 'targets' | 'comparison'>): TargetResult[] {
  const out: TargetResult[] = [];
  const ours = r.load.ours;
  const ref = r.load.reference;
  const clients = r.options.rooms * r.options.clients;
  const at = clients === 1000 ? 'at 1,000 clients' : `at ${clients} clients (target is stated at 1,000)`;
  const cpu = (l: LoadResult) =>
    `${round(l.serverCpuPercent)}% of a core (${round((l.serverCpuPercent / 100 / Math.max(1, l.editsPerSecond)) * 1e6)} µs per edit)`;
  const top = r.profile
    ? ` Latest \`--profile\` run of ours in this folder (node --cpu-prof; busy time; it may predate this code): ${r.profile.topSelf
        .slice(0, 6)
        .map((e) => `${e.name} ${e.where} ${e.selfPercent}%`)
        .join(', ')}; GC ${r.profile.gcPercent}%.`
    : '';

  if (ours && ref) {
    const pass = ours.latencyMs.p99 <= ref.latencyMs.p99;
    out.push({
      id: 'latency-p99',
      target: `p99 edit→peer latency ours ≤ 1.0 × reference ${at}, ours persisting every update`,
      value: `${round(ours.latencyMs.p99)} ms vs ${round(ref.latencyMs.p99)} ms (×${ratio(ours.latencyMs.p99, ref.latencyMs.p99)})`,
      status: pass ? 'pass' : 'miss',
      ...(pass
        ? {}
        : {
            limitedBy:
              `Server CPU during the window: ours ${cpu(ours)}, reference ${cpu(ref)}. ` +
              `Ours applies, appends to SQLite and only then relays each update, one message at a time per document; ` +
              (r.storeProbe
                ? `the store probe (same write pattern, in-process) costs ${r.storeProbe.busyMicrosPerAppend} µs of event loop per append, ` +
                  `and ${r.storeProbe.stallsOver5ms} of ${r.storeProbe.turnMs.count} event-loop turns of ten appends took over 5 ms ` +
                  `(p99 ${round(r.storeProbe.turnMs.p99)} ms, max ${round(r.storeProbe.turnMs.max)} ms; WAL checkpoints run in a worker thread); `
                : '') +
              `p50 ours ${round(ours.latencyMs.p50)} ms vs ${round(ref.latencyMs.p50)} ms, p95 ${round(ours.latencyMs.p95)} vs ${round(ref.latencyMs.p95)} ms. ` +
              `Other processes on the machine used ${round(ours.otherCpuPercent)}% (ours run) / ${round(ref.otherCpuPercent)}% (reference run) of a core; ` +
              `generator loop lag max ${round(ours.maxGeneratorLoopLagMs)} / ${round(ref.maxGeneratorLoopLagMs)} ms; ` +
              `load average at the start of the runs ${ours.loadAverageAtStart.join(' ')} / ${ref.loadAverageAtStart.join(' ')}.` +
              top,
          }),
    });
    const memPass = ours.memory.perRoomBytes <= ref.memory.perRoomBytes;
    out.push({
      id: 'memory-per-room',
      target: 'memory per loaded room ours ≤ reference (RSS after a full GC, half → all rooms)',
      value: `${round(ours.memory.perRoomBytes / KB)} KB vs ${round(ref.memory.perRoomBytes / KB)} KB (×${ratio(ours.memory.perRoomBytes, ref.memory.perRoomBytes)})`,
      status: memPass ? 'pass' : 'miss',
      ...(memPass
        ? {}
        : {
            limitedBy:
              `RSS before the clients connected: ours ${round(ours.memory.baselineRssBytes / MB)} MB, reference ${round(ref.memory.baselineRssBytes / MB)} MB; ` +
              `with half of the rooms loaded: ${round(ours.memory.halfLoadedRssBytes / MB)} MB vs ${round(ref.memory.halfLoadedRssBytes / MB)} MB; ` +
              `with ${r.options.rooms} rooms loaded: ${round(ours.memory.loadedRssBytes / MB)} MB vs ${round(ref.memory.loadedRssBytes / MB)} MB; ` +
              `after the edits: ${round(ours.memory.afterEditsRssBytes / MB)} MB vs ${round(ref.memory.afterEditsRssBytes / MB)} MB ` +
              `(${round(ours.memory.perRoomAfterEditsBytes / KB)} KB vs ${round(ref.memory.perRoomAfterEditsBytes / KB)} KB per room). ` +
              `JS heap after a full GC: ${round(ours.memory.heapPerRoomBytes / KB)} KB vs ${round(ref.memory.heapPerRoomBytes / KB)} KB per room loaded, ` +
              `so outside the JS heap (native: sockets, buffers, SQLite) ${round((ours.memory.perRoomBytes - ours.memory.heapPerRoomBytes) / KB)} KB vs ` +
              `${round((ref.memory.perRoomBytes - ref.memory.heapPerRoomBytes) / KB)} KB per room; ` +
              `${round(ours.memory.heapPerRoomAfterEditsBytes / KB)} KB vs ${round(ref.memory.heapPerRoomAfterEditsBytes / KB)} KB per room after the edits.`,
          }),
    });
  } else {
    out.push({ id: 'latency-p99', target: 'p99 latency ours ≤ reference', value: '—', status: 'not measured' });
    out.push({ id: 'memory-per-room', target: 'memory per room ours ≤ reference', value: '—', status: 'not measured' });
  }

  const side = r.join.ours?.serverSide;
  if (side) {
    const pass = side.coldServerMs < 100;
    out.push({
      id: 'join-500',
      target: '500-card join < 100 ms of server time',
      value: `${round(side.coldServerMs)} ms (load from store ${round(side.loadMs.p50)} ms + sync step 2 ${round(side.encodeStep2Ms.p50)} ms, median of ${side.loadMs.count}); warm ${round(side.warmServerMs)} ms`,
      status: pass ? 'pass' : 'miss',
      ...(pass
        ? {}
        : {
            limitedBy: `Loading applies a ${round(side.storedSnapshotBytes / KB)} KB snapshot and ${side.storedUpdates} updates (p95 ${round(side.loadMs.p95)} ms); encoding step 2 takes ${round(side.encodeStep2Ms.p50)} ms.`,
          }),
    });
  } else {
    out.push({ id: 'join-500', target: '500-card join < 100 ms of server time', value: '—', status: 'not measured' });
  }

  const ex = r.exports;
  if (ex && ex.measured) {
    const worst = ex.formats.reduce((a, b) => (b.ms.max > a.ms.max ? b : a));
    const pass = ex.formats.every((f) => f.ms.max < 500);
    out.push({
      id: 'exports',
      target: `each export of a ${ex.cards}-card report < 500 ms`,
      value:
        ex.formats.map((f) => `${f.format} ${round(f.ms.max)} ms`).join(', ') +
        ' (slowest of the runs, first call included)',
      status: pass ? 'pass' : 'miss',
      ...(pass
        ? {}
        : {
            limitedBy:
              ex.formats
                .filter((f) => f.ms.max >= 500)
                .map(
                  (f) =>
                    `${f.format}: first call ${round(f.firstMs)} ms, median ${round(f.ms.p50)} ms, ${round(f.bytes / KB)} KB`,
                )
                .join('; ') + ` (worst: ${worst.format}).`,
          }),
    });
  } else {
    out.push({
      id: 'exports',
      target: 'each export < 500 ms',
      value: ex && !ex.measured ? ex.reason : '—',
      status: 'not measured',
    });
  }

  const js = r.clientJs;
  if (js && js.measured) {
    const pass = js.totalGzipBytes <= 250_000;
    out.push({
      id: 'client-js',
      target: 'initial client JavaScript ≤ 250 kB gzip',
      value: `${round(js.totalGzipBytes / 1000)} kB gzip (${round(js.totalBytes / 1000)} kB raw)`,
      status: pass ? 'pass' : 'miss',
      ...(pass ? {} : { limitedBy: js.files.map((f) => `${f.file} ${round(f.gzipBytes / 1000)} kB gzip`).join(', ') }),
    });
  } else {
    out.push({
      id: 'client-js',
      target: 'initial client JavaScript ≤ 250 kB gzip',
      value: js?.reason ?? '—',
      status: 'not measured',
    });
  }
  return out;
}

const fmt = (v: number | null) => (v === null ? '—' : String(v));

/** The table printed at the end of a run. */
export function stdoutTable(r: BenchResults): string {
  const lines: string[] = [];
  const w = [44, 14, 14, 10];
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  lines.push(row(['metric', 'ours', 'reference', 'ours/ref']));
  lines.push('-'.repeat(w.reduce((a, b) => a + b + 2, 0)));
  for (const c of r.comparison) {
    lines.push(
      row([
        `${c.metric}${c.unit ? ` (${c.unit})` : ''}`,
        fmt(c.ours),
        fmt(c.reference),
        c.ratio === null ? '' : `×${c.ratio}`,
      ]),
    );
  }
  lines.push('');
  lines.push('targets');
  for (const t of r.targets) {
    const mark = t.status === 'pass' ? 'PASS' : t.status === 'miss' ? 'MISS' : 'n/m ';
    lines.push(`  ${mark}  ${t.target}: ${t.value}`);
  }
  return lines.join('\n');
}

export function markdown(r: BenchResults, svgName: string | null, name: string = r.date): string {
  const o: string[] = [];
  o.push(`# Casusbord benchmark — ${r.date}`, '');
  o.push(
    `Command: \`${r.command}\` · ${r.options.rooms} rooms × ${r.options.clients} clients, one keystroke per client per second, ` +
      `${r.options.warmupS} s warm-up + ${r.options.durationS} s measured per server${r.options.repeat > 1 ? `, ${r.options.repeat} runs each in alternating order (medians)` : ''}.`,
    '',
  );
  o.push(
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.platform}. ` +
      `Load average at start ${r.machine.loadAverage.join(' / ')}, at end ${r.machine.loadAverageAtEnd.join(' / ')}. ${r.machine.note}`,
    '',
  );
  o.push('Servers:', '');
  for (const [name, info] of Object.entries(r.servers)) {
    o.push(
      `- **${name}**: ${Object.entries(info)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')}`,
    );
  }
  o.push('', '## Side by side', '', '| metric | ours | reference | ours / reference |', '| --- | ---: | ---: | ---: |');
  for (const c of r.comparison) {
    o.push(
      `| ${c.metric}${c.unit ? ` (${c.unit})` : ''} | ${fmt(c.ours)} | ${fmt(c.reference)} | ${c.ratio === null ? '' : `×${c.ratio}`} |`,
    );
  }
  if (svgName) o.push('', `![edit→peer latency percentiles](${svgName})`);
  o.push('', '## Targets', '', '| target | measured | result |', '| --- | --- | --- |');
  for (const t of r.targets)
    o.push(
      `| ${t.target} | ${t.value} | ${t.status === 'pass' ? '**pass**' : t.status === 'miss' ? '**miss**' : 'not measured'} |`,
    );
  const misses = r.targets.filter((t) => t.limitedBy);
  if (misses.length) {
    o.push('', '### What limits the missed targets (measured)', '');
    for (const t of misses) o.push(`- **${t.id}**: ${t.limitedBy}`);
  }
  if (r.storeProbe) {
    const p = r.storeProbe;
    o.push(
      '',
      '## What persisting costs ours (store probe)',
      '',
      `${p.appends} keystroke-sized appends on the real SqliteStore in-process, ten documents per event-loop turn, compaction every 500 updates of a document: ` +
        `${p.busyMicrosPerAppend} µs of event loop per append; one turn p50 ${round(p.turnMs.p50)} ms, p99 ${round(p.turnMs.p99)} ms, max ${round(p.turnMs.max)} ms; ` +
        `${p.stallsOver5ms} of ${p.turnMs.count} turns over 5 ms; WAL ${round(p.walBytesAtEnd / MB)} MB at the end.`,
    );
  }
  if (r.join.trace) {
    const t = r.join.trace;
    o.push(
      '',
      '## 500-card join',
      '',
      `Trace: ${t.cards} cards by ${t.authors} people over ${t.historySeconds / 3600} h of session time — ${t.keystrokes} keystrokes in ${t.transactions} transactions ` +
        `(typos fixed, revisions, moves, clusters, dots, reactions, deleted cards), written through a client as ${t.updatesWritten} updates; state ${round(t.stateBytes / KB)} KB.`,
      '',
      '| | ours | reference |',
      '| --- | ---: | ---: |',
    );
    const j = (x: JoinResult | null, f: (x: JoinResult) => number | undefined) =>
      x && f(x) !== undefined ? String(round(f(x)!)) : '—';
    const jo = r.join.ours;
    const jr = r.join.reference;
    o.push(
      `| warm join, client: new socket → synced, p50 / p95 (ms) | ${j(jo, (x) => x.warm.totalMs.p50)} / ${j(jo, (x) => x.warm.totalMs.p95)} | ${j(jr, (x) => x.warm.totalMs.p50)} / ${j(jr, (x) => x.warm.totalMs.p95)} |`,
    );
    o.push(
      `| warm join: socket open → step 2 received, p50 (ms) | ${j(jo, (x) => x.warm.serverReplyMs.p50)} | ${j(jr, (x) => x.warm.serverReplyMs.p50)} |`,
    );
    o.push(
      `| warm join: client applies the state, p50 (ms) | ${j(jo, (x) => x.warm.applyMs.p50)} | ${j(jr, (x) => x.warm.applyMs.p50)} |`,
    );
    o.push(
      `| cold join (room released, loaded from the store), client total p50 (ms) | ${j(jo, (x) => x.cold?.totalMs.p50)} | n/a: keeps every document in memory |`,
    );
    o.push(`| cold join: socket open → step 2 received, p50 (ms) | ${j(jo, (x) => x.cold?.serverReplyMs.p50)} | n/a |`);
    o.push(
      `| server time, in-process: DocRoom.load p50 / p95 (ms) | ${j(jo, (x) => x.serverSide?.loadMs.p50)} / ${j(jo, (x) => x.serverSide?.loadMs.p95)} | n/a |`,
    );
    o.push(
      `| server time, in-process: sync step 2 encoding p50 (ms) | ${j(jo, (x) => x.serverSide?.encodeStep2Ms.p50)} | n/a |`,
    );
    o.push(
      `| store as the server left it: snapshot KB + updates | ${jo?.serverSide ? `${round(jo.serverSide.storedSnapshotBytes / KB)} + ${jo.serverSide.storedUpdates}` : '—'} | n/a |`,
    );
    o.push(`| step 2 size (KB) | ${j(jo, (x) => x.warm.step2Bytes / KB)} | ${j(jr, (x) => x.warm.step2Bytes / KB)} |`);
  }
  if (r.exports) {
    o.push('', '## Export of a report (ours)', '');
    if (r.exports.measured) {
      o.push(
        `${r.exports.cards}-card board, in-process (buildReport p50 ${round(r.exports.buildReportMs.p50)} ms, then each format).`,
        '',
      );
      o.push(
        '| format | first call (ms) | median (ms) | slowest (ms) | size (KB) |',
        '| --- | ---: | ---: | ---: | ---: |',
      );
      for (const f of r.exports.formats)
        o.push(
          `| ${f.format} | ${round(f.firstMs)} | ${round(f.ms.p50)} | ${round(f.ms.max)} | ${round(f.bytes / KB)} |`,
        );
    } else {
      o.push(r.exports.reason);
    }
  }
  if (r.clientJs) {
    o.push('', '## Initial client JavaScript', '');
    if (r.clientJs.measured) {
      o.push(
        `From ${r.clientJs.source}; gzip level 6.`,
        '',
        '| file | raw (kB) | gzip (kB) |',
        '| --- | ---: | ---: |',
      );
      for (const f of r.clientJs.files)
        o.push(`| ${f.file} | ${round(f.bytes / 1000)} | ${round(f.gzipBytes / 1000)} |`);
    } else {
      o.push(r.clientJs.reason ?? 'not measured');
    }
  }
  if (r.load.runs.length) {
    o.push(
      '',
      '## Runs',
      '',
      'CPU columns are % of one core during the measured window; "others" is what the rest of this shared machine used then (2 cores = 200%).',
      '',
      '| # | server | p50 | p95 | p99 | max (ms) | server CPU | bench CPU | others CPU | bench loop lag / GC pause max (ms) | peak RSS (MB) | per room (KB) | deliveries | disconnects | load avg at start |',
      '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    r.load.runs.forEach((l, i) =>
      o.push(
        `| ${i + 1} | ${l.server} | ${round(l.latencyMs.p50)} | ${round(l.latencyMs.p95)} | ${round(l.latencyMs.p99)} | ${round(l.latencyMs.max)} | ${round(l.serverCpuPercent)} | ${round(l.generatorCpuPercent)} | ${round(l.otherCpuPercent)} | ${round(l.maxGeneratorLoopLagMs)} / ${round(l.maxGeneratorGcPauseMs ?? 0)} | ${round(l.memory.peakRssBytes / MB)} | ${round(l.memory.perRoomBytes / KB)} | ${round(l.deliveryRatio * 100)}% | ${sumValues(l.disconnects)} | ${l.loadAverageAtStart.join(' ')} |`,
      ),
    );
  }
  if (r.profile) {
    const p = r.profile;
    o.push(
      '',
      '## Profile of ours under load',
      '',
      `node --cpu-prof, ${round(p.wallMs / 1000)} s; idle ${p.idlePercent}% of samples; GC ${p.gcPercent}% of busy time.`,
      '',
      '| function | where | self % | total % |',
      '| --- | --- | ---: | ---: |',
    );
    for (const e of p.topSelf.slice(0, 15)) o.push(`| ${e.name} | ${e.where} | ${e.selfPercent} | ${e.totalPercent} |`);
  }
  o.push('', `Raw figures: \`${name}.json\`. Reproduce with \`${r.command}\`.`, '');
  return o.join('\n');
}
