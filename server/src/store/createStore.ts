import path from 'node:path';
import type { Config } from '../config';
import type { RedisStoreLog } from './RedisStore';
import { SqliteStore } from './SqliteStore';
import type { Store } from './Store';

/**
 * Picks the engine from the config: Redis when REDIS_URL is set, else SQLite in DATA_DIR. The Redis
 * client is loaded only when it is used (about 20 MB that a server on SQLite does not carry).
 */
export async function createStore(config: Config, log?: RedisStoreLog): Promise<Store> {
  if (config.redisUrl) {
    const { RedisStore } = await import('./RedisStore');
    return RedisStore.connect(config.redisUrl, config.redisPrefix, log);
  }
  return new SqliteStore(path.join(config.dataDir, 'casusbord.sqlite'), log);
}
