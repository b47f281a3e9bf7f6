import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, it } from 'vitest';
import type { Config } from '../../server/src/config';
import { startServer, type TestServer } from './server';
import { waitFor } from './wait';

/** The shared Redis of the machine (CI starts it in .ci/run); override with TEST_REDIS_URL. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface RedisCheck {
  available: boolean;
  /** Why the Redis suites cannot run (empty when available). */
  reason: string;
}

/** Pings Redis once with a short timeout; never throws. */
export async function checkRedis(url = REDIS_URL): Promise<RedisCheck> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return { available: true, reason: '' };
  } catch (err) {
    return { available: false, reason: `Redis at ${url} is unreachable (${(err as Error).message})` };
  } finally {
    client.disconnect();
  }
}

/**
 * The skip rule of every Redis suite: `describe` when Redis answers; otherwise, in CI (CI=true)
 * a suite whose only test fails with the reason, and elsewhere a skipped suite with the reason
 * printed. Use with top-level await in the test file.
 */
export async function describeWithRedis(name: string, body: () => void): Promise<void> {
  const check = await checkRedis();
  if (check.available) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has a reachable Redis (CI runs every suite)', () => {
        throw new Error(check.reason);
      });
    });
  } else {
    console.warn(
      `\n[${name}] SKIPPED: ${check.reason}. Start one with: redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save '' --appendonly no\n`,
    );
    describe.skip(name, body);
  }
}

/** A key prefix no other run uses. */
export function uniquePrefix(label: string): string {
  return `casusbord-test:${label}:${Date.now().toString(36)}${randomBytes(3).toString('hex')}:`;
}

/** Deletes every key under `prefix` (SCAN, never KEYS); returns how many were deleted. */
export async function deleteKeys(prefix: string, url = REDIS_URL): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}

/** Every key under `prefix`. */
export async function listKeys(prefix: string, url = REDIS_URL): Promise<string[]> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    return keys;
  } finally {
    client.disconnect();
  }
}

export interface OwnRedis {
  url: string;
  port: number;
  /** Stops it (SIGKILL by default: with appendfsync always nothing acknowledged is lost). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
}

/**
 * A redis-server of the test's own (AOF on, fsync per write) on `port`, with its data in `dir`,
 * so a test may kill and restart it without touching the shared one.
 */
export async function startOwnRedis(port: number, dir: string): Promise<OwnRedis> {
  let child: ChildProcess | null = null;
  let output = '';
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    output = '';
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proc.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child = proc;
    try {
      await waitFor(`redis-server on ${port}`, async () => (await checkRedis(url)).available, 10000);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${output.slice(-1000)}`);
    }
  };
  const stop = (signal: NodeJS.Signals = 'SIGKILL') =>
    new Promise<void>((resolve) => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  await start();
  return { url, port, stop, start };
}

/**
 * A start function for the suites that run on both engines: each server it starts uses the shared
 * Redis under a key prefix of its own (or one prefix for all, `samePrefix`, so that a restarted
 * server finds the same store); every prefix is deleted after the file. Call it inside the
 * describeWithRedis body.
 */
export function redisServers(
  label: string,
  { samePrefix = false } = {},
): (overrides?: Partial<Config>) => Promise<TestServer> {
  const prefixes: string[] = [];
  afterAll(async () => {
    for (const prefix of prefixes) await deleteKeys(prefix);
  });
  return (overrides = {}) => {
    const redisPrefix = samePrefix && prefixes[0] ? prefixes[0] : uniquePrefix(label);
    if (!prefixes.includes(redisPrefix)) prefixes.push(redisPrefix);
    return startServer({ redisUrl: REDIS_URL, redisPrefix, ...overrides });
  };
}
