import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '@casusbord/shared';
import { LuaScript } from '../store/redisClient';

/** Deletes the lock only while it still holds our token (it may have expired and been taken). */
const RELEASE = new LuaScript(
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
  1,
);

/** Takes `key` for `holdMs` (SET NX PX); the token to release it with, or null when it is taken. */
export async function tryLock(client: Redis, key: string, holdMs: number): Promise<string | null> {
  const token = randomUUID();
  return (await client.set(key, token, 'PX', holdMs, 'NX')) === 'OK' ? token : null;
}

export async function releaseLock(client: Redis, key: string, token: string): Promise<void> {
  await RELEASE.run(client, [key], [token]).catch(() => undefined);
}

/**
 * Runs `fn` while holding `key`, waiting up to `waitMs` for it (short random pauses, so waiting
 * instances do not retry in step). The lock expires after `holdMs` should the holder die.
 */
export async function withLock<T>(
  client: Redis,
  key: string,
  { holdMs, waitMs }: { holdMs: number; waitMs: number },
  fn: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  let token = await tryLock(client, key, holdMs);
  while (!token) {
    if (Date.now() > deadline) throw new AppError('unavailable', 'The session is busy; try again');
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    token = await tryLock(client, key, holdMs);
  }
  try {
    return await fn();
  } finally {
    await releaseLock(client, key, token);
  }
}
