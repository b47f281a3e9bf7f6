import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseOptions, USAGE, type BenchOptions } from './lib/args';
import { measureClientJs } from './lib/clientJs';
import { measureExports } from './lib/exports';
import { measureJoin, type JoinResult } from './lib/join';
import { runLoad, type LoadResult } from './lib/load';
import { runProfile, runScale } from './lib/modes';
import { machineInfo } from './lib/procStats';
import { comparisonRows, evaluateTargets, markdown, medianOf, stdoutTable, type BenchResults, type TraceInfo } from './lib/report';
import { ensureReferenceInstalled, referenceVersions, ROOT, startOurs, startReference, type RunningServer, type ServerKind } from './lib/servers';
import { probeStore } from './lib/storeProbe';
import { latencyChartSvg } from './lib/svg';
import { generateTrace, type Trace } from './lib/trace';

/**
 * `npm run bench`: our server and the reference y-websocket server under the same load, in one run,
 * on this machine; then ours alone for exports and the client bundle. Writes bench/results/<date>.*.
 */

const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

async function withServer<T>(kind: ServerKind, oursDir: string | null, fn: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = kind === 'ours' ? await startOurs({ root: oursDir }) : await startReference();
  try {
    return await fn(server);
  } catch (err) {
    console.error(`--- last output of ${server.label} ---\n${server.output().slice(-3000)}`);
    throw err;
  } finally {
    await server.stop();
    if (server.dataDir) fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function commandLine(): string {
  const args = process.argv.slice(2);
  return `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

async function main(options: BenchOptions): Promise<void> {
  const machine = machineInfo();
  const outDir = path.resolve(ROOT, options.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  log(`machine: ${machine.cpus} cores, load average ${machine.loadAverage.join(' ')}`);

  if (options.scale) return runScale(options, outDir, log);
  if (options.profile) return runProfile(options, outDir, log);

  const kinds: ServerKind[] = options.only ? [options.only] : ['ours', 'reference'];
  if (kinds.includes('reference')) ensureReferenceInstalled(log);

  // The load: ours then the reference, and the other way round on the next repeat.
  const runs: LoadResult[] = [];
  const loadOptions = { ...options, log };
  for (let i = 0; i < options.repeat; i++) {
    const order = i % 2 === 0 ? kinds : [...kinds].reverse();
    for (const kind of order) {
      runs.push(await withServer(kind, options.oursDir, (server) => runLoad([server], loadOptions, server.label)));
      const r = runs[runs.length - 1]!;
      log(`${r.server}: p50 ${r.latencyMs.p50.toFixed(1)} / p99 ${r.latencyMs.p99.toFixed(1)} ms, CPU ${r.serverCpuPercent.toFixed(0)}%, ` +
        `deliveries ${(r.deliveryRatio * 100).toFixed(2)}%`);
    }
  }
  const pick = (kind: ServerKind) => {
    const mine = runs.filter((r) => r.server === kind);
    return mine.length ? medianOf(mine) : null;
  };

  // What persisting costs ours on the event loop, in-process on the real SqliteStore.
  const storeProbe = kinds.includes('ours') ? await probeStore(options.oursDir ?? ROOT) : null;
  if (storeProbe) {
    log(`store probe: ${storeProbe.busyMicrosPerAppend} µs per append, turn p99 ${storeProbe.turnMs.p99.toFixed(1)} ms, ${storeProbe.stallsOver5ms} stalls > 5 ms`);
  }

  // Joining a board with a long history, on a fresh process of each server.
  let trace: Trace | null = null;
  let traceInfo: TraceInfo | null = null;
  const joins: Partial<Record<ServerKind, JoinResult>> = {};
  if (!options.skipJoin) {
    const t0 = performance.now();
    trace = generateTrace();
    const generateMs = performance.now() - t0;
    traceInfo = {
      cards: trace.options.cards,
      historySeconds: trace.options.seconds,
      authors: trace.options.authors,
      transactions: trace.transactions,
      keystrokes: trace.keystrokes,
      updatesWritten: trace.updates.length,
      stateBytes: trace.stateBytes,
      generateMs: Math.round(generateMs),
    };
    log(`trace: ${trace.options.cards} cards, ${trace.transactions} transactions, ${trace.updates.length} updates in ${Math.round(generateMs)} ms`);
    for (const kind of kinds) {
      joins[kind] = await withServer(kind, options.oursDir, (server) =>
        measureJoin(server, trace!, { joins: options.joins, coldJoins: options.coldJoins, root: options.oursDir ?? ROOT, log }),
      );
    }
    trace.doc.destroy();
  }

  const exportsResult = options.skipExports || options.only === 'reference' ? null : await measureExports({ cards: 200, repeats: options.exportRepeats, log });
  const clientJs = options.skipClient || options.only === 'reference' ? null : measureClientJs({ build: options.build, log });

  const ref = referenceVersions();
  const partial: Omit<BenchResults, 'targets' | 'comparison'> = {
    schema: 1,
    date: today(),
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    wallSeconds: Math.round((Date.now() - started) / 1000),
    command: commandLine(),
    machine: {
      ...machine,
      loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
      note: 'Shared machine: other engineers were running their test suites during the run, which shows in the load average; both servers faced the same conditions in alternating order.',
    },
    options: {
      rooms: options.rooms,
      clients: options.clients,
      durationS: options.durationS,
      warmupS: options.warmupS,
      workers: options.workers,
      repeat: options.repeat,
      awareness: options.awareness,
      joins: options.joins,
      coldJoins: options.coldJoins,
    },
    servers: {
      ours: {
        run: `node server/dist/main.js (compiled by scripts/build-server.mjs, as npm start runs it)${options.oursDir ? ` in ${options.oursDir}` : ''}, LOG_LEVEL=warn, fresh DATA_DIR, DOC_IDLE_MS=1000`,
        persistence: 'SQLite (WAL, synchronous=NORMAL) behind an append log: every update written before it is relayed (group commit: the appends of one event-loop turn in one write to the log, moved into SQLite every 1,000); compaction every 500 updates',
        auth: "one session per room, in a round the host started first with every column open (the server refuses participants' writes outside a round); the host token for client 0, a joined participant token for each other client",
      },
      reference: {
        package: `@y/websocket-server@${ref.server} (bin y-websocket-server, HOST/PORT), in bench/reference with its own lock file`,
        yjs: `${ref.yjs} (its own copy; the same 13.x update encoding as our clients), ws ${ref.ws}`,
        persistence: 'none: documents in memory only (YPERSISTENCE unset)',
        relay: 'each update to every connection of the document, the sender included (ours skips the sender)',
      },
      clients: {
        protocol: 'lean y-websocket client (sync step 1/2, updates, awareness renewed every 15 s) on yjs 13 and ws 8 with permessage-deflate offered, as browsers do',
        edit: "one character appended to the client's own card text, one transaction; the send time stays in the load worker (keyed by room, sender and text length), as our server removes card fields outside the board schema",
      },
    },
    load: { runs, ours: pick('ours'), reference: pick('reference') },
    storeProbe,
    join: { trace: traceInfo, ours: joins.ours ?? null, reference: joins.reference ?? null },
    exports: exportsResult,
    clientJs,
    profile: latestProfileSummary(outDir),
  };
  const results: BenchResults = {
    ...partial,
    comparison: comparisonRows(partial.load.ours, partial.load.reference, partial.join.ours, partial.join.reference),
    targets: evaluateTargets(partial),
  };

  const name = options.tag ? `${results.date}-${options.tag}` : results.date;
  const base = path.join(outDir, name);
  const series = [
    results.load.ours && { label: 'ours (SQLite, persists every update)', colour: '#1f5fa8', latency: results.load.ours.latencyMs },
    results.load.reference && { label: `reference @y/websocket-server ${ref.server}`, colour: '#9a9a9a', latency: results.load.reference.latencyMs },
  ].filter((s) => s !== null);
  let svgName: string | null = null;
  if (series.length) {
    svgName = `${name}.svg`;
    fs.writeFileSync(
      `${base}.svg`,
      latencyChartSvg(
        'Edit → peer latency',
        `${options.rooms} rooms × ${options.clients} clients, 1 keystroke/s each, ${options.durationS} s measured · ${results.date}`,
        series,
      ),
    );
  }
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown(results, svgName, name));
  console.log('');
  console.log(stdoutTable(results));
  console.log('');
  log(`wrote ${path.relative(ROOT, base)}.json, .md${svgName ? ', .svg' : ''}`);
}

/** The summary of the latest `--profile` run in the output folder, to show what limits latency. */
function latestProfileSummary(outDir: string): BenchResults['profile'] {
  const files = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => f.endsWith('-profile.json')).sort() : [];
  const last = files[files.length - 1];
  if (!last) return null;
  try {
    return (JSON.parse(fs.readFileSync(path.join(outDir, last), 'utf8')) as { summary: BenchResults['profile'] }).summary;
  } catch {
    return null;
  }
}

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
// A hard stop so the bench always ends by itself, whatever hangs.
const limitS = 60 + (options.durationS + options.warmupS + 90) * options.repeat * 2 + 300;
setTimeout(() => {
  console.error(`bench: still running after ${limitS} s; stopping`);
  process.exit(1);
}, limitS * 1000).unref();

main(options).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
