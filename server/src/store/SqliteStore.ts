import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '@casusbord/shared';
import type { ControlRecord, ParticipantRecord, SessionRecord, Store, StoredDoc, TokenRecord } from './Store';
import * as records from './records';
import { SqliteArchive } from './sqliteArchive';
import { SqlitePhotos } from './sqlitePhotos';
import { SqliteNotes } from './sqliteNotes';
import { SqliteDilemmas } from './sqliteDilemmas';
import { SqliteBuddies } from './sqliteBuddies';
import { DelegatesStoreParts } from './BuddyStore';
import { uniqueOrConflict } from './sqliteUnique';
import { WalCheckpointer } from './walCheckpointer';
import { GroupCommit } from './groupCommit';
import { AppendLog, type LoggedAppend } from './appendLog';

/** Ordered migrations; PRAGMA user_version records how many have run. */
const MIGRATIONS: string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     join_code TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     data TEXT NOT NULL
   );
   CREATE TABLE participants (
     id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX participants_session ON participants(session_id, created_at);
   CREATE TABLE tokens (
     hash TEXT PRIMARY KEY,
     session_id TEXT NOT NULL,
     role TEXT NOT NULL,
     participant_id TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX tokens_session ON tokens(session_id);
   CREATE TABLE doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_doc ON doc_updates(doc, seq);
   CREATE TABLE doc_snapshots (
     doc TEXT PRIMARY KEY,
     through_seq INTEGER NOT NULL,
     data BLOB NOT NULL
   );
   CREATE TABLE control_state (
     session_id TEXT PRIMARY KEY,
     data TEXT NOT NULL
   );`,
  // Issue 18: the audit log (deleted with its session) and what is kept of a deleted session.
  `CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     session_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX audit_log_session ON audit_log(session_id, id);
   CREATE TABLE audit_deletions (
     session_id TEXT PRIMARY KEY,
     at INTEGER NOT NULL,
     data TEXT NOT NULL
   );`,
  // The journal took every append (no index, one page per commit) before the append log did; a
  // store that opens a file whose journal still has rows moves them into doc_updates.
  `CREATE TABLE doc_journal (
     seq INTEGER PRIMARY KEY,
     doc TEXT NOT NULL,
     data BLOB NOT NULL
   );`,
  // A drain of the append log writes one row per document: `packed` rows hold several updates,
  // each with its own seq (packUpdates); the row's seq is the last of them.
  `ALTER TABLE doc_updates ADD COLUMN packed INTEGER NOT NULL DEFAULT 0;`,
];

/** Bytes before each update in a packed row: its seq (float64) and its length (uint32). */
const PACKED_HEADER = 12;

/** Several updates of one document, in seq order, as the data of one `packed` doc_updates row. */
function packUpdates(records: readonly LoggedAppend[]): Buffer {
  let total = 0;
  for (const r of records) total += PACKED_HEADER + r.update.byteLength;
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const r of records) {
    out.writeDoubleLE(r.seq, at);
    out.writeUInt32LE(r.update.byteLength, at + 8);
    out.set(r.update, at + PACKED_HEADER);
    at += PACKED_HEADER + r.update.byteLength;
  }
  return out;
}

/** The updates of a packed row with a seq above `after`, in order. */
function unpackUpdates(data: Buffer, after: number, out: { seq: number; update: Uint8Array }[]): void {
  for (let at = 0; at + PACKED_HEADER <= data.length; ) {
    const seq = data.readDoubleLE(at);
    const length = data.readUInt32LE(at + 8);
    const start = at + PACKED_HEADER;
    if (seq > after) out.push({ seq, update: new Uint8Array(data.subarray(start, start + length)) });
    at = start + length;
  }
}

/** Appends in the append log that make the next group commit move them into doc_updates. */
const DRAIN_ROWS = 1000;

interface SqliteRow {
  data: string;
}

/**
 * The embedded store: one SQLite file in WAL mode, with document updates written first to an
 * append log beside it (appendLog.ts). Writes are synchronous, so what a promise resolves for has
 * reached the file (the log or the WAL); synchronous=NORMAL keeps committed transactions, and the
 * log its written records, through a process crash (kill -9); only an OS crash may lose the last.
 */
export class SqliteStore extends DelegatesStoreParts implements Store {
  readonly kind = 'sqlite';
  /** Issue 16: the dilemma line (tables and queries in sqliteDilemmas.ts). */
  readonly dilemmas: SqliteDilemmas;
  private readonly db: Database.Database;
  private readonly stmt;
  protected readonly archive: SqliteArchive;
  private readonly checkpointer: WalCheckpointer;
  /** Where the appends go first (appendLog.ts); null once the store is closed. */
  private appendLog: AppendLog | null;

  /** `log` hears of stored records that fail their schema (records.ts). */
  constructor(
    file: string,
    private readonly log: records.StoreLog = records.consoleLog,
  ) {
    super();
    // A file: the append log and the checkpointer's connection live beside it (no ':memory:').
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Checkpoints happen in a worker thread instead of inside a write (see WalCheckpointer).
    this.db.pragma('wal_autocheckpoint = 0');
    // When the log restarts after a checkpoint, it is cut back to this size (bytes).
    this.db.pragma('journal_size_limit = 33554432');
    this.checkpointer = new WalCheckpointer(file);
    this.migrate();
    this.archive = new SqliteArchive(this.db, log);
    this.photos = new SqlitePhotos(this.db, log);
    this.notes = new SqliteNotes(this.db, log);
    this.dilemmas = new SqliteDilemmas(this.db, log);
    this.buddies = new SqliteBuddies(this.db, log);
    const db = this.db;
    this.stmt = {
      insertSession: db.prepare('INSERT INTO sessions (id, join_code, created_at, data) VALUES (?, ?, ?, ?)'),
      updateSession: db.prepare('UPDATE sessions SET join_code = ?, data = ? WHERE id = ?'),
      getSession: db.prepare<[string], SqliteRow>('SELECT data FROM sessions WHERE id = ?'),
      getSessionByCode: db.prepare<[string], SqliteRow>('SELECT data FROM sessions WHERE join_code = ?'),
      insertParticipant: db.prepare('INSERT INTO participants (id, session_id, created_at, data) VALUES (?, ?, ?, ?)'),
      countParticipants: db.prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM participants WHERE session_id = ?',
      ),
      getParticipant: db.prepare<[string], SqliteRow>('SELECT data FROM participants WHERE id = ?'),
      updateParticipant: db.prepare('UPDATE participants SET data = ? WHERE id = ? AND session_id = ?'),
      listParticipants: db.prepare<[string], SqliteRow>(
        'SELECT data FROM participants WHERE session_id = ? ORDER BY created_at, id',
      ),
      insertToken: db.prepare(
        'INSERT INTO tokens (hash, session_id, role, participant_id, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      getToken: db.prepare<
        [string],
        { hash: string; session_id: string; role: string; participant_id: string | null; created_at: number }
      >('SELECT * FROM tokens WHERE hash = ?'),
      drainJournal: db.prepare('INSERT INTO doc_updates (seq, doc, data) SELECT seq, doc, data FROM doc_journal'),
      clearJournal: db.prepare('DELETE FROM doc_journal'),
      // Read once the append log and the journal are in doc_updates: sqlite_sequence keeps the
      // largest seq doc_updates ever held, also after compaction deleted it.
      lastSeq: db.prepare<[], { seq: number | null }>("SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'"),
      // OR IGNORE: the append log may still hold records of a drain that committed just before a crash.
      insertLogged: db.prepare('INSERT OR IGNORE INTO doc_updates (seq, doc, data, packed) VALUES (?, ?, ?, 1)'),
      getSnapshot: db.prepare<[string], { data: Buffer; through_seq: number }>(
        'SELECT data, through_seq FROM doc_snapshots WHERE doc = ?',
      ),
      getUpdates: db.prepare<[{ doc: string; after: number }], { seq: number; data: Buffer; packed: number }>(
        'SELECT seq, data, packed FROM doc_updates WHERE doc = @doc AND seq > @after ORDER BY seq',
      ),
      putSnapshot: db.prepare(
        `INSERT INTO doc_snapshots (doc, through_seq, data) VALUES (?, ?, ?)
         ON CONFLICT(doc) DO UPDATE SET through_seq = excluded.through_seq, data = excluded.data
         WHERE excluded.through_seq > doc_snapshots.through_seq`,
      ),
      dropUpdates: db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?'),
      getControl: db.prepare<[string], SqliteRow>('SELECT data FROM control_state WHERE session_id = ?'),
      putControl: db.prepare(
        'INSERT INTO control_state (session_id, data) VALUES (?, ?) ON CONFLICT(session_id) DO UPDATE SET data = excluded.data',
      ),
      // Only while the session exists, so an entry racing its deletion leaves nothing behind.
      appendAudit: db.prepare(
        'INSERT INTO audit_log (session_id, at, data) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?)',
      ),
      listAudit: db.prepare<[string], SqliteRow>('SELECT data FROM audit_log WHERE session_id = ? ORDER BY id'),
      putDeletion: db.prepare('INSERT OR REPLACE INTO audit_deletions (session_id, at, data) VALUES (?, ?, ?)'),
      getDeletion: db.prepare<[string], SqliteRow>('SELECT data FROM audit_deletions WHERE session_id = ?'),
    };
    this.appendLog = AppendLog.acquire(`${file}-appends`);
    // What a process killed before its drain left behind goes in first, then a journal of an older version.
    this.drainLog();
    this.db.transaction(() => {
      this.stmt.drainJournal.run();
      this.stmt.clearJournal.run();
    })();
    this.appendLog.seq = Math.max(this.appendLog.seq, this.stmt.lastSeq.get()?.seq ?? 0);
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let i = version; i < MIGRATIONS.length; i++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[i]!);
        this.db.pragma(`user_version = ${i + 1}`);
      })();
    }
  }

  /** A stored JSON column read through its schema; `what` names the record in the log and the error. */
  private read<S extends z.ZodType>(schema: S, row: SqliteRow | undefined, what: string): z.output<S> | null {
    return row ? records.parseStored(schema, row.data, what, this.log) : null;
  }

  private insertToken(token: TokenRecord): void {
    this.stmt.insertToken.run(token.tokenHash, token.sessionId, token.role, token.participantId, token.createdAt);
  }

  async createSession(session: SessionRecord, hostToken: TokenRecord): Promise<void> {
    // A taken session id (primary key) is a conflict just like a taken join code (unique index).
    uniqueOrConflict(
      this.db.transaction(() => {
        this.stmt.insertSession.run(session.id, session.joinCode, session.createdAt, JSON.stringify(session));
        this.insertToken(hostToken);
      }),
      'Session id or join code already in use',
    );
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    return this.read(records.sessionRecordSchema, this.stmt.getSession.get(id), `session ${id}`);
  }

  async getSessionByCode(joinCode: string): Promise<SessionRecord | null> {
    return this.read(
      records.sessionRecordSchema,
      this.stmt.getSessionByCode.get(joinCode),
      `session of code ${joinCode}`,
    );
  }

  async updateSession(session: SessionRecord): Promise<void> {
    uniqueOrConflict(
      () => this.stmt.updateSession.run(session.joinCode, JSON.stringify(session), session.id),
      'Join code already in use',
    );
  }

  async addParticipant(participant: ParticipantRecord, token: TokenRecord, maxParticipants: number): Promise<void> {
    this.db.transaction(() => {
      const { n } = this.stmt.countParticipants.get(participant.sessionId)!;
      if (n >= maxParticipants) {
        throw new AppError('session_full', `This session already has ${maxParticipants} participants`);
      }
      this.stmt.insertParticipant.run(
        participant.id,
        participant.sessionId,
        participant.createdAt,
        JSON.stringify(participant),
      );
      this.insertToken(token);
    })();
  }

  async getParticipant(id: string): Promise<ParticipantRecord | null> {
    return this.read(records.participantRecordSchema, this.stmt.getParticipant.get(id), `participant ${id}`);
  }

  async updateParticipant(participant: ParticipantRecord): Promise<void> {
    this.stmt.updateParticipant.run(JSON.stringify(participant), participant.id, participant.sessionId);
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    return this.stmt.listParticipants
      .all(sessionId)
      .map((r) => this.read(records.participantRecordSchema, r, `participant of session ${sessionId}`)!);
  }

  async getToken(tokenHash: string): Promise<TokenRecord | null> {
    const row = this.stmt.getToken.get(tokenHash);
    if (!row) return null;
    const token = {
      tokenHash: row.hash,
      sessionId: row.session_id,
      role: row.role,
      participantId: row.participant_id,
      createdAt: row.created_at,
    };
    return records.checkStored(records.tokenRecordSchema, token, `token of session ${row.session_id}`, this.log);
  }

  async addToken(token: TokenRecord): Promise<void> {
    this.insertToken(token);
  }

  /** The appends of one event-loop turn share one write (group commit, see groupCommit.ts). */
  private readonly appends = new GroupCommit<[docName: string, update: Uint8Array], number>((items) =>
    this.appendToLog(items),
  );

  /** A group: one write to the append log, whose seq counter is this process's (appendLog.ts). */
  private appendToLog(items: [string, Uint8Array][]): number[] {
    const log = this.appendLog;
    if (!log) throw new Error('the store is closed');
    const records: LoggedAppend[] = items.map(([doc, update]) => ({ seq: ++log.seq, doc, update }));
    try {
      log.append(records);
    } catch (err) {
      // Not written, so not handed out: the next group takes these seqs.
      log.seq -= records.length;
      throw err;
    }
    for (const record of records) log.logged.push(record);
    if (log.logged.length >= DRAIN_ROWS) {
      // The group is stored already (in the log); a failed move is tried again by the next group.
      try {
        this.drainLog();
      } catch (err) {
        this.log.error({ err, logged: log.logged.length }, 'could not move the append log into SQLite');
      }
    }
    return records.map((r) => r.seq);
  }

  /**
   * Moves the append log into doc_updates in one transaction, then empties it. Always its own
   * transaction, committed before the log is emptied, and run before any read, compaction or
   * deletion: a record the log still holds after a crash is then either already in doc_updates
   * (OR IGNORE) or was never moved, never one a deletion has removed since.
   */
  private drainLog(): void {
    const log = this.appendLog;
    if (!log || log.logged.length === 0) return;
    // One row per document (packed), not one per update: a drain's cost follows the documents.
    const byDoc = new Map<string, LoggedAppend[]>();
    for (const r of log.logged) {
      const list = byDoc.get(r.doc);
      if (list) list.push(r);
      else byDoc.set(r.doc, [r]);
    }
    this.db.transaction(() => {
      for (const [doc, records] of byDoc) this.stmt.insertLogged.run(records.at(-1)!.seq, doc, packUpdates(records));
    })();
    log.logged = [];
    log.clear();
    this.checkpointer.wrote();
  }

  /** Resolves with the update's seq once its group is committed. */
  appendUpdate(docName: string, update: Uint8Array): Promise<number> {
    return this.appends.add([docName, update]);
  }

  async loadDoc(docName: string): Promise<StoredDoc> {
    await this.appends.flush();
    this.drainLog();
    return this.db.transaction(() => {
      const snap = this.stmt.getSnapshot.get(docName);
      const after = snap?.through_seq ?? 0;
      const updates: { seq: number; update: Uint8Array }[] = [];
      for (const row of this.stmt.getUpdates.all({ doc: docName, after })) {
        // A packed row past the snapshot may still begin with updates the snapshot holds.
        if (row.packed) unpackUpdates(row.data, after, updates);
        else updates.push({ seq: row.seq, update: new Uint8Array(row.data) });
      }
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: updates.map((u) => u.update),
        lastSeq: updates.at(-1)?.seq ?? after,
      };
    })();
  }

  async compactDoc(docName: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await this.appends.flush();
    this.drainLog();
    this.db.transaction(() => {
      this.stmt.putSnapshot.run(docName, throughSeq, snapshot);
      this.stmt.dropUpdates.run(docName, throughSeq);
    })();
  }

  async getControlState(sessionId: string): Promise<ControlRecord | null> {
    return this.read(
      records.controlRecordSchema,
      this.stmt.getControl.get(sessionId),
      `control state of session ${sessionId}`,
    );
  }

  async setControlState(sessionId: string, record: ControlRecord): Promise<void> {
    this.stmt.putControl.run(sessionId, JSON.stringify(record));
  }

  async listSessionsCreatedBefore(createdBefore: number): Promise<string[]> {
    return this.db
      .prepare<[number], { id: string }>('SELECT id FROM sessions WHERE created_at < ? ORDER BY created_at')
      .all(createdBefore)
      .map((r) => r.id);
  }

  async appendAudit(entry: records.AuditEntry): Promise<void> {
    this.stmt.appendAudit.run(entry.sessionId, entry.at, JSON.stringify(entry), entry.sessionId);
  }

  async listAudit(sessionId: string): Promise<records.AuditEntry[]> {
    return this.stmt.listAudit
      .all(sessionId)
      .map((r) => this.read(records.auditEntrySchema, r, `audit entry of session ${sessionId}`)!);
  }

  async getDeletion(sessionId: string): Promise<records.DeletionRecord | null> {
    return this.read(records.deletionRecordSchema, this.stmt.getDeletion.get(sessionId), `deletion of ${sessionId}`);
  }

  async deleteSession(sessionId: string, deletion?: Omit<records.DeletionRecord, 'sessionId'>): Promise<void> {
    const prefix = `${sessionId}.`;
    await this.appends.flush();
    this.drainLog();
    this.db.transaction(() => {
      const existed = this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId).changes > 0;
      this.db.prepare('DELETE FROM audit_log WHERE session_id = ?').run(sessionId);
      if (existed && deletion) {
        const record: records.DeletionRecord = { sessionId, at: deletion.at, by: deletion.by };
        this.stmt.putDeletion.run(sessionId, record.at, JSON.stringify(record));
      }
      this.db.prepare('DELETE FROM participants WHERE session_id = ?').run(sessionId);
      this.db.prepare('DELETE FROM tokens WHERE session_id = ?').run(sessionId);
      this.db.prepare('DELETE FROM control_state WHERE session_id = ?').run(sessionId);
      this.db.prepare('DELETE FROM doc_updates WHERE substr(doc, 1, ?) = ?').run(prefix.length, prefix);
      this.db.prepare('DELETE FROM doc_snapshots WHERE substr(doc, 1, ?) = ?').run(prefix.length, prefix);
      this.archive.deleteSessionRows(sessionId);
      this.photos.deleteSessionRows(sessionId);
      this.notes.deleteSessionRows(sessionId);
      this.dilemmas.deleteSessionRows(sessionId);
    })();
  }

  /** Issue 16: site-visit photos (table and queries in sqlitePhotos.ts; methods in DelegatesArchiveAndPhotos). */
  protected readonly photos: SqlitePhotos;

  /** Issue 15: the case holder's private notes (table and queries in sqliteNotes.ts; methods in DelegatesArchivePhotosAndNotes). */
  protected readonly notes: SqliteNotes;

  /** Issue 16: community members, buddies and pins (tables and queries in sqliteBuddies.ts; methods in DelegatesStoreParts). */
  protected readonly buddies: SqliteBuddies;

  async close(): Promise<void> {
    if (this.db.open) {
      await this.appends.flush();
      this.drainLog();
    }
    this.appendLog?.release();
    this.appendLog = null;
    await this.checkpointer.close();
    if (!this.db.open) return;
    // Leave a small file behind: the whole log copied into the database, the log emptied.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
