import { startServer } from '../helpers/server';
import { describeWithRedis, redisServers } from '../helpers/redis';
import { registerBuddiesSuite } from './buddiesSuite';

registerBuddiesSuite('sqlite', startServer);

await describeWithRedis('buddies on the Redis store', () => {
  registerBuddiesSuite('redis', redisServers('buddies'));
});
