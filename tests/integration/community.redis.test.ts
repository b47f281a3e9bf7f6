import { describeWithRedis, redisServers } from '../helpers/redis';
import { registerCommunitySuite } from './communitySuite';

await describeWithRedis('communities on the Redis store', () => {
  registerCommunitySuite('redis', redisServers('community'));
});
