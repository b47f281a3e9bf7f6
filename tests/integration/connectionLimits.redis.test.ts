import { afterAll } from 'vitest';
import { startServer } from '../helpers/server';
import { REDIS_URL, deleteKeys, describeWithRedis, uniquePrefix } from '../helpers/redis';
import { registerConnectionLimitsSuite } from './connectionLimitsSuite';

const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(prefix);
});

await describeWithRedis('connection limits on the Redis store', () => {
  registerConnectionLimitsSuite('redis', (overrides = {}) => {
    const redisPrefix = uniquePrefix('limits');
    prefixes.push(redisPrefix);
    return startServer({ redisUrl: REDIS_URL, redisPrefix, ...overrides });
  });
});
