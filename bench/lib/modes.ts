import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './args';
import { runLoad, type LoadResult } from './load';
import { machineInfo } from './procStats';
import { mainThreadProfile, summarizeProfile } from './profile';
import { ROOT, startOurs, startRedis, type RunningServer } from './servers';
import { round } from './stats';
import { latencyChartSvg, type Series } from './svg';

/** The two other modes of `npm run bench`: --profile (ours under node --cpu-prof) and --scale (Redis). */

const today = () => new Date().toISOString().slice(0, 10);
const command = () => `npm run bench -- ${process.argv.slice(2).join(' ')}`;

export async function runProfile(options: BenchOptions, outDir: string, log: (line: string) => void): Promise<void> {
  const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-bench-prof-'));
  const server = await startOurs({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`], label: 'ours', root: options.oursDir });
  let load: LoadResult;
  let endWallMs: number;
  try {
    load = await runLoad([server], { ...options, log }, 'ours');
  } finally {
    // A graceful stop (SIGTERM → app.close → exit) lets V8 write the profile.
    await server.stop(30000);
    endWallMs = Date.now();
    if (server.dataDir) fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  const file = mainThreadProfile(profDir);
  if (!file) throw new Error(`no .cpuprofile written to ${profDir}`);
  // Only the measured window: start-up, connecting and shutdown are left out.
  const summary = summarizeProfile(file, { fromMs: load.window.fromMs, untilMs: load.window.untilMs, endWallMs });
  const base = path.join(outDir, `${today()}-profile`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ date: today(), command: command(), machine: machineInfo(), load, summary }, null, 2)}\n`);
  const md = [
    `# Profile of ours under load — ${today()}`,
    '',
    `\`${command()}\`: ${options.rooms} rooms × ${options.clients} clients, ${options.durationS} s measured; server under node --cpu-prof ` +
      `(p99 ${round(load.latencyMs.p99)} ms, CPU ${round(load.serverCpuPercent)}% of a core). Idle ${summary.idlePercent}% of samples, GC ${summary.gcPercent}% of busy time.`,
    '',
    '## Self time',
    '',
    '| function | where | self ms | self % of busy | total % |',
    '| --- | --- | ---: | ---: | ---: |',
    ...summary.topSelf.map((e) => `| ${e.name} | ${e.where} | ${e.selfMs} | ${e.selfPercent} | ${e.totalPercent} |`),
    '',
    '## Total (inclusive) time',
    '',
    '| function | where | total % of busy |',
    '| --- | --- | ---: |',
    ...summary.topTotal.map((e) => `| ${e.name} | ${e.where} | ${e.totalPercent} |`),
    '',
    '## Self time by module',
    '',
    '| module | self % of busy |',
    '| --- | ---: |',
    ...summary.byModule.map((m) => `| ${m.module} | ${m.selfPercent} |`),
    '',
  ].join('\n');
  fs.writeFileSync(`${base}.md`, md);
  console.log('');
  console.log(`busy ${round(100 - summary.idlePercent)}% of ${round(summary.sampledMs / 1000)} s sampled; GC ${summary.gcPercent}% of busy`);
  for (const e of summary.topSelf.slice(0, 20)) {
    console.log(`${String(e.selfPercent).padStart(6)}%  ${String(e.totalPercent).padStart(6)}%  ${e.name}  ${e.where}`);
  }
  log(`wrote ${path.relative(ROOT, base)}.json and .md; raw profile: ${file}`);
}

/** Scale-out is there when the config reads REDIS_URL and the store factory can pick Redis. */
function scaleOutAvailable(): boolean {
  const read = (p: string) => (fs.existsSync(path.join(ROOT, p)) ? fs.readFileSync(path.join(ROOT, p), 'utf8') : '');
  return read('server/src/config.ts').includes('REDIS_URL') && /redis/i.test(read('server/src/store/createStore.ts'));
}

export async function runScale(options: BenchOptions, outDir: string, log: (line: string) => void): Promise<void> {
  if (!scaleOutAvailable()) {
    console.log('scale-out not available yet');
    return;
  }
  const redis = await startRedis();
  if (!redis) {
    console.log('scale-out: redis-server is not installed (apt-get install redis-server); nothing measured');
    return;
  }
  const loadOptions = { ...options, log, auxPids: [redis.pid] };
  const results: { single: LoadResult | null; double: LoadResult | null } = { single: null, double: null };
  const stopAll = async (servers: RunningServer[]) => {
    await Promise.all(servers.map((s) => s.stop()));
    for (const s of servers) if (s.dataDir) fs.rmSync(s.dataDir, { recursive: true, force: true });
  };
  try {
    // One instance on Redis: the baseline for cross-instance latency.
    const one = await startOurs({ env: { REDIS_URL: redis.url, REDIS_PREFIX: 'bench1:', INSTANCE_ID: 'bench-a' }, label: 'ours ×1 on Redis', root: options.oursDir });
    try {
      results.single = await runLoad([one], loadOptions, one.label);
    } finally {
      await stopAll([one]);
    }
    // Two instances on one Redis; the clients of every room alternate between them.
    const a = await startOurs({ env: { REDIS_URL: redis.url, REDIS_PREFIX: 'bench2:', INSTANCE_ID: 'bench-a' }, label: 'ours ×2 on Redis', root: options.oursDir });
    const b = await startOurs({ env: { REDIS_URL: redis.url, REDIS_PREFIX: 'bench2:', INSTANCE_ID: 'bench-b' }, label: 'ours ×2 on Redis (b)', root: options.oursDir });
    try {
      results.double = await runLoad([a, b], loadOptions, a.label);
    } finally {
      await stopAll([a, b]);
    }
  } finally {
    await redis.stop();
  }
  const s = results.single!;
  const d = results.double!;
  const series: Series[] = [
    { label: 'one instance', colour: '#1f5fa8', latency: s.latencyMs },
    { label: 'two: peer on the same instance', colour: '#6fa0d8', latency: d.sameInstanceLatencyMs ?? d.latencyMs },
    { label: 'two: peer on the other instance', colour: '#c2703d', latency: d.crossLatencyMs ?? d.latencyMs },
  ];
  const base = path.join(outDir, `${today()}-scale`);
  fs.writeFileSync(
    `${base}.svg`,
    latencyChartSvg('Scale-out: edit → peer latency on Redis', `${options.rooms} rooms × ${options.clients} clients, ${options.durationS} s measured`, series),
  );
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ date: today(), command: command(), machine: machineInfo(), ...results }, null, 2)}\n`);
  const row = (label: string, l: LoadResult['latencyMs'] | null, cpu: number, rss: number) =>
    l ? `| ${label} | ${round(l.p50)} | ${round(l.p95)} | ${round(l.p99)} | ${round(l.max)} | ${round(cpu)} | ${round(rss / 1024 / 1024)} |` : `| ${label} | — | — | — | — | — | — |`;
  const md = [
    `# Scale-out on Redis — ${today()}`,
    '',
    `\`${command()}\`: ${options.rooms} rooms × ${options.clients} clients; with two instances the clients of each room alternate between them.`,
    '',
    '| | p50 | p95 | p99 | max (ms) | CPU % (all instances) | peak RSS MB (all) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('one instance', s.latencyMs, s.serverCpuPercent, s.memory.peakRssBytes),
    row('two instances, all deliveries', d.latencyMs, d.serverCpuPercent, d.memory.peakRssBytes),
    row('two instances, peer on the same instance', d.sameInstanceLatencyMs, d.serverCpuPercent, d.memory.peakRssBytes),
    row('two instances, peer on the other instance', d.crossLatencyMs, d.serverCpuPercent, d.memory.peakRssBytes),
    '',
    `Redis CPU: ${round(s.auxCpuPercent)}% of a core with one instance, ${round(d.auxCpuPercent)}% with two. ` +
      `Deliveries: one instance ${round(s.deliveryRatio * 100)}%, two ${round(d.deliveryRatio * 100)}%; disconnects ${JSON.stringify(s.disconnects)} / ${JSON.stringify(d.disconnects)}.`,
    '',
    `![scale-out latency](${path.basename(base)}.svg)`,
    '',
  ].join('\n');
  fs.writeFileSync(`${base}.md`, md);
  console.log(md);
  log(`wrote ${path.relative(ROOT, base)}.json, .md, .svg`);
}
