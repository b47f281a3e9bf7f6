import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../server/src/store/SqliteStore';
import { tempDataDir } from '../helpers/server';
import type { StoredKind } from './damagedContract';
import { registerStoreContract } from './storeContract';

const dir = tempDataDir();
const file = path.join(dir, 'contract.sqlite');

/** Where each record's stored value is (tables: SqliteStore.ts, sqliteArchive.ts); a token's role is a column. */
const UPDATE: Record<StoredKind, string> = {
  session: 'UPDATE sessions SET data = ? WHERE id = ?',
  participant: 'UPDATE participants SET data = ? WHERE id = ?',
  token: 'UPDATE tokens SET role = ? WHERE hash = ?',
  control: 'UPDATE control_state SET data = ? WHERE session_id = ?',
  community: 'UPDATE communities SET data = ? WHERE id = ?',
  archive: 'UPDATE archive_entries SET data = ? WHERE session_id = ?',
};

registerStoreContract('sqlite', {
  open: async (log) => new SqliteStore(file, log),
  corrupt: async (kind, id, raw) => {
    const db = new Database(file);
    try {
      if (db.prepare(UPDATE[kind]).run(raw, id).changes !== 1) throw new Error(`no ${kind} ${id} to damage`);
    } finally {
      db.close();
    }
  },
  cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
});
