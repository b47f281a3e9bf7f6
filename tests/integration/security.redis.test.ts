import { describeWithRedis, redisServers } from '../helpers/redis';
import { registerSecuritySuite } from './securitySuite';

await describeWithRedis('hardening on the Redis store', () => {
  registerSecuritySuite('redis', redisServers('security'));
});
