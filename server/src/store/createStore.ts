import path from 'node:path';
import type { Config } from '../config';
import { RedisStore, type RedisStoreLog } from './RedisStore';
import { SqliteStore } from './SqliteStore';
import type { Store } from './Store';

/** Picks the engine from the config: Redis when REDIS_URL is set, else SQLite in DATA_DIR. */
export function createStore(config: Config, log?: RedisStoreLog): Store {
  if (config.redisUrl) return RedisStore.connect(config.redisUrl, config.redisPrefix, log);
  return new SqliteStore(path.join(config.dataDir, 'casusbord.sqlite'), log);
}
