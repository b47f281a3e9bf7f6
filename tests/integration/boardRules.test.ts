import { startServer } from '../helpers/server';
import { describeWithRedis, redisServers } from '../helpers/redis';
import { registerBoardRulesSuite } from './boardRulesSuite';

registerBoardRulesSuite('sqlite', startServer);

await describeWithRedis('board rules on the Redis store', () => {
  // One prefix for the suite, so that the restart finds the same store.
  registerBoardRulesSuite('redis', redisServers('rules', { samePrefix: true }));
});
