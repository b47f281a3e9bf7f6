import type Database from 'better-sqlite3';
import { DILEMMA_REVEALED, NO_DILEMMA, dilemmaLimit, type DilemmaMarker } from '@casusbord/shared';
import { dilemmaRecordSchema, refusalError, type DilemmaRecord, type DilemmaStore } from './DilemmaStore';
import * as records from './records';
import { sessionRowCheck } from './sqliteUnique';

/**
 * The dilemma line in the SQLite file (issue 16): one row per dilemma, one per marker. Like the
 * other parts' tables, created with IF NOT EXISTS rather than as a numbered migration. Each write
 * is one transaction, and better-sqlite3 runs them one at a time, so the checks hold.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS dilemmas (
  session_id TEXT NOT NULL,
  id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revealed_at INTEGER,
  data TEXT NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE IF NOT EXISTS dilemma_markers (
  session_id TEXT NOT NULL,
  dilemma_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (session_id, dilemma_id, participant_id)
);
`;

export class SqliteDilemmas implements DilemmaStore {
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly log: records.StoreLog,
  ) {
    db.exec(SCHEMA);
    this.stmt = {
      requireSession: sessionRowCheck(db),
      count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM dilemmas WHERE session_id = ?'),
      insert: db.prepare(
        'INSERT INTO dilemmas (session_id, id, created_at, revealed_at, data) VALUES (?, ?, ?, NULL, ?)',
      ),
      list: db.prepare<[string], { data: string; revealed_at: number | null }>(
        'SELECT data, revealed_at FROM dilemmas WHERE session_id = ? ORDER BY created_at, id',
      ),
      get: db.prepare<[string, string], { data: string; revealed_at: number | null }>(
        'SELECT data, revealed_at FROM dilemmas WHERE session_id = ? AND id = ?',
      ),
      reveal: db.prepare('UPDATE dilemmas SET revealed_at = ? WHERE session_id = ? AND id = ? AND revealed_at IS NULL'),
      place: db.prepare(
        `INSERT INTO dilemma_markers (session_id, dilemma_id, participant_id, position) VALUES (?, ?, ?, ?)
         ON CONFLICT(session_id, dilemma_id, participant_id) DO UPDATE SET position = excluded.position`,
      ),
      markers: db.prepare<[string, string], { participant_id: string; position: number }>(
        'SELECT participant_id, position FROM dilemma_markers WHERE session_id = ? AND dilemma_id = ?',
      ),
      deleteDilemmas: db.prepare('DELETE FROM dilemmas WHERE session_id = ?'),
      deleteMarkers: db.prepare('DELETE FROM dilemma_markers WHERE session_id = ?'),
    };
  }

  /** A stored row as its record: the JSON holds what never changes, the column when it was revealed. */
  private record(sessionId: string, row: { data: string; revealed_at: number | null }): DilemmaRecord {
    const stored = records.parseStored(dilemmaRecordSchema, row.data, `dilemma in ${sessionId}`, this.log);
    return { ...stored, revealedAt: row.revealed_at };
  }

  async add(record: DilemmaRecord, max: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.requireSession(record.sessionId);
      if (this.stmt.count.get(record.sessionId)!.n >= max) throw refusalError(dilemmaLimit(max));
      const data = JSON.stringify({ ...record, revealedAt: null });
      this.stmt.insert.run(record.sessionId, record.id, record.createdAt, data);
    })();
  }

  async list(sessionId: string): Promise<DilemmaRecord[]> {
    return this.stmt.list.all(sessionId).map((row) => this.record(sessionId, row));
  }

  async place(sessionId: string, dilemmaId: string, participantId: string, position: number): Promise<void> {
    this.db.transaction(() => {
      const row = this.stmt.get.get(sessionId, dilemmaId);
      if (!row) throw refusalError(NO_DILEMMA);
      if (row.revealed_at !== null) throw refusalError(DILEMMA_REVEALED);
      this.stmt.place.run(sessionId, dilemmaId, participantId, position);
    })();
  }

  async reveal(sessionId: string, dilemmaId: string, at: number): Promise<DilemmaRecord> {
    return this.db.transaction(() => {
      this.stmt.reveal.run(at, sessionId, dilemmaId);
      const row = this.stmt.get.get(sessionId, dilemmaId);
      if (!row) throw refusalError(NO_DILEMMA);
      return this.record(sessionId, row);
    })();
  }

  async markers(sessionId: string, dilemmaId: string): Promise<DilemmaMarker[]> {
    return this.stmt.markers
      .all(sessionId, dilemmaId)
      .map((r) => ({ participantId: r.participant_id, position: r.position }));
  }

  /** Inside SqliteStore.deleteSession's transaction. */
  deleteSessionRows(sessionId: string): void {
    this.stmt.deleteMarkers.run(sessionId);
    this.stmt.deleteDilemmas.run(sessionId);
  }
}
