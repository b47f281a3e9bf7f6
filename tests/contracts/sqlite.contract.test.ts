import fs from 'node:fs';
import path from 'node:path';
import { SqliteStore } from '../../server/src/store/SqliteStore';
import { tempDataDir } from '../helpers/server';
import { registerStoreContract } from './storeContract';

const dir = tempDataDir();
const file = path.join(dir, 'contract.sqlite');

registerStoreContract('sqlite', {
  open: async () => new SqliteStore(file),
  cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
});
