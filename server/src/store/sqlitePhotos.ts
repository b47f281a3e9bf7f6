import type Database from 'better-sqlite3';
import { AppError, type PhotoSize } from '@casusbord/shared';
import { photoLimitMessage, photoMetaSchema, type PhotoBytes, type PhotoRecord, type PhotoStore } from './PhotoStore';
import * as records from './records';
import { sessionRowCheck } from './sqliteUnique';

/**
 * Photos in the SQLite file (issue 16): one row per photo with both sizes as BLOBs. Like the
 * archive's tables, created with IF NOT EXISTS rather than as a numbered migration, so this part
 * stays independent of the session schema's version. Rows are keyed by (session, photo id).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS photos (
  session_id TEXT NOT NULL,
  id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  meta TEXT NOT NULL,
  full BLOB NOT NULL,
  preview BLOB NOT NULL,
  PRIMARY KEY (session_id, id)
);
`;

interface PhotoRow {
  meta: string;
  full: Buffer;
  preview: Buffer;
}

export class SqlitePhotos implements PhotoStore {
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly log: records.StoreLog,
  ) {
    db.exec(SCHEMA);
    this.stmt = {
      requireSession: sessionRowCheck(db),
      count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM photos WHERE session_id = ?'),
      insert: db.prepare(
        'INSERT INTO photos (session_id, id, created_at, meta, full, preview) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getFull: db.prepare<[string, string], { meta: string; bytes: Buffer }>(
        'SELECT meta, full AS bytes FROM photos WHERE session_id = ? AND id = ?',
      ),
      getPreview: db.prepare<[string, string], { meta: string; bytes: Buffer }>(
        'SELECT meta, preview AS bytes FROM photos WHERE session_id = ? AND id = ?',
      ),
      list: db.prepare<[string], PhotoRow>(
        'SELECT meta, full, preview FROM photos WHERE session_id = ? ORDER BY created_at, id',
      ),
      listIds: db.prepare<[string], { id: string }>(
        'SELECT id FROM photos WHERE session_id = ? ORDER BY created_at, id',
      ),
      delete: db.prepare('DELETE FROM photos WHERE session_id = ? AND id = ?'),
      deleteSession: db.prepare('DELETE FROM photos WHERE session_id = ?'),
    };
  }

  async addPhoto(photo: PhotoRecord, maxPerSession: number): Promise<void> {
    const { full, preview, ...meta } = photo;
    this.db.transaction(() => {
      this.stmt.requireSession(photo.sessionId);
      if (this.stmt.count.get(photo.sessionId)!.n >= maxPerSession) {
        throw new AppError('photo_limit', photoLimitMessage(maxPerSession));
      }
      this.stmt.insert.run(photo.sessionId, photo.id, photo.createdAt, JSON.stringify(meta), full, preview);
    })();
  }

  async getPhoto(sessionId: string, photoId: string, size: PhotoSize): Promise<PhotoBytes | null> {
    const row = (size === 'full' ? this.stmt.getFull : this.stmt.getPreview).get(sessionId, photoId);
    if (!row) return null;
    const meta = records.parseStored(photoMetaSchema, row.meta, `photo ${photoId}`, this.log);
    return { type: meta.type, bytes: new Uint8Array(row.bytes) };
  }

  async listPhotos(sessionId: string): Promise<PhotoRecord[]> {
    return this.stmt.list.all(sessionId).map((row) => ({
      ...records.parseStored(photoMetaSchema, row.meta, `photo of session ${sessionId}`, this.log),
      full: new Uint8Array(row.full),
      preview: new Uint8Array(row.preview),
    }));
  }

  async listPhotoIds(sessionId: string): Promise<string[]> {
    return this.stmt.listIds.all(sessionId).map((row) => row.id);
  }

  async deletePhoto(sessionId: string, photoId: string): Promise<void> {
    this.stmt.delete.run(sessionId, photoId);
  }

  /** Inside SqliteStore.deleteSession's transaction. */
  deleteSessionRows(sessionId: string): void {
    this.stmt.deleteSession.run(sessionId);
  }
}
