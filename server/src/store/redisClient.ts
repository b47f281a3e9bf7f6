import { createHash } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';

type Log = { warn(obj: object, msg: string): void };

/**
 * One ioredis connection with the settings every part of the app shares. A command issued while
 * Redis is away waits in ioredis' offline queue and is sent once it is back; it fails only after
 * MAX_RETRIES reconnect attempts (about 10 s with the backoff below), so a short Redis restart
 * costs latency, not edits. Errors are logged at most once per outage instead of once per retry.
 */
export const MAX_RETRIES = 20;

export function createRedisClient(url: string, name: string, log?: Log, extra: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: MAX_RETRIES,
    // 50 ms, 100 ms, … capped at 1 s: reconnects within a second of Redis coming back.
    retryStrategy: (times) => Math.min(times * 50, 1000),
    ...extra,
  });
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log?.warn({ redis: name, err: err.message }, 'redis connection problem; retrying');
  });
  client.on('ready', () => {
    down = false;
  });
  return client;
}

/**
 * A Lua script run with EVALSHA, falling back to EVAL when Redis does not know it (first use,
 * or after a Redis restart emptied the script cache). A script runs atomically in Redis.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(
    private readonly source: string,
    private readonly numberOfKeys: number,
  ) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: Redis, keys: string[], args: (string | Buffer | number)[] = []): Promise<unknown> {
    if (keys.length !== this.numberOfKeys) throw new Error(`script expects ${this.numberOfKeys} keys`);
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }

  /**
   * Runs the script once per call in one pipeline (one round trip, one write). Answers per call:
   * its result or its Error. A call the server did not know the script for is run again alone.
   */
  async runMany(client: Redis, calls: { keys: string[]; args: (string | Buffer | number)[] }[]): Promise<unknown[]> {
    const pipeline = client.pipeline();
    for (const { keys, args } of calls) {
      if (keys.length !== this.numberOfKeys) throw new Error(`script expects ${this.numberOfKeys} keys`);
      pipeline.evalsha(this.sha, keys.length, ...keys, ...args);
    }
    const answers = (await pipeline.exec()) ?? [];
    return Promise.all(
      calls.map(async (call, i) => {
        const [err, result] = answers[i] ?? [new Error('no answer in the pipeline'), null];
        if (!err) return result;
        if (!err.message.startsWith('NOSCRIPT')) return err;
        return this.run(client, call.keys, call.args).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      }),
    );
  }
}
