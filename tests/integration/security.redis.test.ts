import { afterAll } from 'vitest';
import { startServer } from '../helpers/server';
import { REDIS_URL, deleteKeys, describeWithRedis, uniquePrefix } from '../helpers/redis';
import { registerSecuritySuite } from './securitySuite';

const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(prefix);
});

await describeWithRedis('hardening on the Redis store', () => {
  registerSecuritySuite('redis', (overrides = {}) => {
    const redisPrefix = uniquePrefix('security');
    prefixes.push(redisPrefix);
    return startServer({ redisUrl: REDIS_URL, redisPrefix, ...overrides });
  });
});
