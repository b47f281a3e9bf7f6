import { afterAll } from 'vitest';
import { startServer } from '../helpers/server';
import { REDIS_URL, deleteKeys, describeWithRedis, uniquePrefix } from '../helpers/redis';
import { registerBoardRulesSuite } from './boardRulesSuite';

registerBoardRulesSuite('sqlite', startServer);

const redisPrefix = uniquePrefix('rules');
afterAll(async () => {
  await deleteKeys(redisPrefix);
});
await describeWithRedis('board rules on the Redis store', () => {
  // One prefix for the suite, so that the restart finds the same store.
  registerBoardRulesSuite('redis', (overrides = {}) => startServer({ redisUrl: REDIS_URL, redisPrefix, ...overrides }));
});
