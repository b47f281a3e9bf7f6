import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app';
import { testConfig, type Config } from '../../server/src/config';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-test-'));
}

export interface TestServer {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The real app in this process on an ephemeral port, with a fresh SQLite file (unless dataDir is given). */
export async function startServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const app = await buildApp(testConfig({ docIdleMs: 200, ...overrides, dataDir }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    app,
    close: () => app.close(),
  };
}

export interface ServerProcess {
  url: string;
  wsUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The server as its own process (`node --import tsx server/src/main.ts`), for crash tests.
 * Resolves once it prints its listening line; fails with its output after `timeoutMs`.
 */
/** How a spawned server runs: from the TypeScript sources through tsx, or the build `npm start` runs. */
const ENTRIES = {
  source: ['--import', 'tsx', 'server/src/main.ts'],
  compiled: ['server/dist/main.js'],
} as const;

export async function spawnServer(
  env: Record<string, string>,
  timeoutMs = 20000,
  entry: keyof typeof ENTRIES = 'source',
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...ENTRIES[entry]], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /casusbord:listening port=(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    kill: (signal = 'SIGKILL') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
