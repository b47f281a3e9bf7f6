import type Database from 'better-sqlite3';
import { AppError } from '@casusbord/shared';
import { privateNoteRecordSchema, type PrivateNoteRecord, type PrivateNoteStore } from './PrivateNoteStore';
import * as records from './records';

/**
 * Private notes in the SQLite file (issue 15), one row per (session, participant). Like the
 * archive's and the photos' tables, created with IF NOT EXISTS rather than as a numbered
 * migration, so this part stays independent of the session schema's version.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS private_notes (
  session_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (session_id, participant_id)
);
`;

export class SqliteNotes implements PrivateNoteStore {
  private readonly stmt;

  constructor(
    db: Database.Database,
    private readonly log: records.StoreLog,
  ) {
    db.exec(SCHEMA);
    this.stmt = {
      // Only while the session exists, so a save racing its deletion leaves nothing behind.
      put: db.prepare(
        `INSERT INTO private_notes (session_id, participant_id, data)
         SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?)
         ON CONFLICT(session_id, participant_id) DO UPDATE SET data = excluded.data`,
      ),
      get: db.prepare<[string, string], { data: string }>(
        'SELECT data FROM private_notes WHERE session_id = ? AND participant_id = ?',
      ),
      deleteSession: db.prepare('DELETE FROM private_notes WHERE session_id = ?'),
    };
  }

  async putPrivateNote(note: PrivateNoteRecord): Promise<void> {
    const { changes } = this.stmt.put.run(note.sessionId, note.participantId, JSON.stringify(note), note.sessionId);
    if (changes === 0) throw new AppError('session_not_found');
  }

  async getPrivateNote(sessionId: string, participantId: string): Promise<PrivateNoteRecord | null> {
    const row = this.stmt.get.get(sessionId, participantId);
    return row
      ? records.parseStored(privateNoteRecordSchema, row.data, `private note in ${sessionId}`, this.log)
      : null;
  }

  /** Inside SqliteStore.deleteSession's transaction. */
  deleteSessionRows(sessionId: string): void {
    this.stmt.deleteSession.run(sessionId);
  }
}
