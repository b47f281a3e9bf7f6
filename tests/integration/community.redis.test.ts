import { afterAll } from 'vitest';
import { startServer } from '../helpers/server';
import { REDIS_URL, deleteKeys, describeWithRedis, uniquePrefix } from '../helpers/redis';
import { registerCommunitySuite } from './communitySuite';

const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(prefix);
});

await describeWithRedis('communities on the Redis store', () => {
  registerCommunitySuite('redis', (overrides = {}) => {
    const redisPrefix = uniquePrefix('community');
    prefixes.push(redisPrefix);
    return startServer({ redisUrl: REDIS_URL, redisPrefix, ...overrides });
  });
});
