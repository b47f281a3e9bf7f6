import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../tests/helpers/ports';
import { startEnv } from '../../tests/helpers/startEnv';
import { INSPECTOR_LINE } from './inspector';

/** Starts the servers under test as their own processes, so each one's CPU and memory can be read from /proc. */

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const REFERENCE_DIR = path.join(ROOT, 'bench', 'reference');

export type ServerKind = 'ours' | 'reference';

/** Every process the bench started; killed when the bench exits, however it exits. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export interface RunningServer {
  kind: ServerKind;
  label: string;
  pid: number;
  port: number;
  url: string;
  wsUrl: string;
  /** Our server's fresh data directory (null for the reference, which keeps documents in memory). */
  dataDir: string | null;
  /** DevTools endpoint (both servers run with --inspect=127.0.0.1:0) to force a GC before memory is read. */
  inspectorUrl: string | null;
  child: ChildProcess;
  /** Spawn to the first HTTP answer (ours: `GET /healthz` 200; the reference: any answer), ms. */
  startupMs: number;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

function startProcess(
  kind: ServerKind,
  label: string,
  command: string,
  args: string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    ready: RegExp;
    port?: number;
    dataDir: string | null;
    timeoutMs: number;
    /** Asked until it answers, to time the start-up. */
    probePath: string;
  },
): Promise<RunningServer> {
  const spawnedAt = performance.now();
  const child = track(spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] }));
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000); // bounded: a chatty server cannot eat our memory
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<RunningServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} did not start within ${options.timeoutMs} ms:\n${output}`));
    }, options.timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before listening:\n${output}`));
    };
    child.once('exit', onExit);
    const check = async () => {
      const match = options.ready.exec(output);
      if (!match) return;
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      const port = options.port ?? Number(match[1]);
      const startupMs = await firstAnswer(`http://127.0.0.1:${port}${options.probePath}`, spawnedAt);
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({
        kind,
        label,
        pid: child.pid!,
        port,
        url: `http://127.0.0.1:${port}`,
        wsUrl: `ws://127.0.0.1:${port}`,
        dataDir: options.dataDir,
        inspectorUrl: INSPECTOR_LINE.exec(output)?.[1] ?? null,
        child,
        startupMs,
        output: () => output,
        stop: async (graceMs = 15000) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(kill);
        },
      });
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
  });
}

/** Polls `url` every 5 ms until it answers (ours: with 200); ms since `since`. */
async function firstAnswer(url: string, since: number): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok || !url.endsWith('/healthz')) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Both servers alike: the inspector is idle unless the bench asks it for a GC between load phases. */
const INSPECT = '--inspect=127.0.0.1:0';

export interface OursOptions {
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  label?: string;
  /** Working tree to build and run the server from; default this repository. */
  root?: string | null;
}

/** Working trees whose server was compiled by this bench run (once each). */
const built = new Set<string>();

/**
 * Our server exactly as `npm start` runs it (without the client build check): compiled by
 * scripts/build-server.mjs, then `node server/dist/main.js` with npm start's variables (startEnv),
 * with a fresh DATA_DIR.
 */
export async function startOurs(options: OursOptions = {}): Promise<RunningServer> {
  const root = options.root ?? ROOT;
  if (!built.has(root)) {
    const result = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`could not compile the server in ${root}:\n${result.stderr}`);
    built.add(root);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-bench-'));
  return startProcess(
    'ours',
    options.label ?? 'ours',
    process.execPath,
    [...(options.nodeArgs ?? []), INSPECT, 'server/dist/main.js'],
    {
      cwd: root,
      env: {
        ...process.env,
        ...startEnv(root),
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        // Request logs would cost CPU the reference does not spend; warnings and errors still show.
        LOG_LEVEL: 'warn',
        // Rooms are released soon after their last client leaves so the bench can time a cold join.
        DOC_IDLE_MS: '1000',
        // Every bench client comes from 127.0.0.1: one session per room, rooms × clients connections.
        SESSIONS_PER_ADDRESS: '100000',
        YJS_CONNECTIONS_PER_ADDRESS: '100000',
        REDIS_URL: '',
        ...options.env,
      },
      ready: /casusbord:listening port=(\d+)/,
      dataDir,
      timeoutMs: 30000,
      probePath: '/healthz',
    },
  );
}

/** Installs the reference server into bench/reference (its own package.json and lock) once. */
export function ensureReferenceInstalled(log: (line: string) => void): void {
  const bin = path.join(REFERENCE_DIR, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');
  if (fs.existsSync(bin)) return;
  log('installing the reference server into bench/reference (first run only)…');
  const hasLock = fs.existsSync(path.join(REFERENCE_DIR, 'package-lock.json'));
  // Optional dependencies stay on: its utils.js imports y-leveldb at load time even without persistence.
  const result = spawnSync('npm', [hasLock ? 'ci' : 'install', '--prefix', REFERENCE_DIR, '--no-audit', '--no-fund'], {
    cwd: REFERENCE_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 300_000,
  });
  if (result.status !== 0 || !fs.existsSync(bin)) {
    throw new Error('could not install the reference server (npm ci --prefix bench/reference)');
  }
}

export function referenceVersions(): { server: string; yjs: string; ws: string } {
  const version = (pkg: string) => {
    try {
      const file = path.join(REFERENCE_DIR, 'node_modules', pkg, 'package.json');
      return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      return 'missing';
    }
  };
  return { server: version('@y/websocket-server'), yjs: version('yjs'), ws: version('ws') };
}

/** `@y/websocket-server` through its `y-websocket-server` bin; it reads HOST and PORT and keeps documents in memory. */
export async function startReference(): Promise<RunningServer> {
  const port = await freePort();
  const bin = path.join(REFERENCE_DIR, 'node_modules', '.bin', 'y-websocket-server');
  // It persists (LevelDB) when YPERSISTENCE is set at all, even empty, and posts to CALLBACK_URL: unset both.
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  return startProcess('reference', 'reference', process.execPath, [INSPECT, bin], {
    cwd: REFERENCE_DIR,
    env,
    ready: /running at/,
    port,
    dataDir: null,
    timeoutMs: 30000,
    probePath: '/',
  });
}

export interface RunningRedis {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A private redis-server on 127.0.0.1 without persistence, for --scale. Null when redis-server is not installed. */
export async function startRedis(): Promise<RunningRedis | null> {
  const which = spawnSync('sh', ['-c', 'command -v redis-server']);
  if (which.status !== 0) return null;
  const port = await freePort();
  const child = track(
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(kill);
    },
  };
}
