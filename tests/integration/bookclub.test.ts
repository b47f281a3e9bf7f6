import { startServer } from '../helpers/server';
import { describeWithRedis, redisServers } from '../helpers/redis';
import { registerBookClubSuite } from './bookclubSuite';

registerBookClubSuite('sqlite', startServer);

await describeWithRedis('the book club on the Redis store', () => {
  registerBookClubSuite('redis', redisServers('bookclub'));
});
