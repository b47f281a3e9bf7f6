import { describeWithRedis, redisServers } from '../helpers/redis';
import { registerConnectionLimitsSuite } from './connectionLimitsSuite';

await describeWithRedis('connection limits on the Redis store', () => {
  registerConnectionLimitsSuite('redis', redisServers('limits'));
});
