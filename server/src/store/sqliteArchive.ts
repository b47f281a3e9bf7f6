import type Database from 'better-sqlite3';
import { tokenize, type ParsedQuery, type SearchCandidate } from '@casusbord/shared';
import { byNewest, candidatesOf, type ArchiveStore } from './ArchiveStore';
import type { ArchiveRecord, CommunityRecord, CommunityToken } from './ArchiveStore';
import * as records from './records';
import { uniqueOrConflict } from './sqliteUnique';

/**
 * Communities, the archive and its full-text index in the SQLite file. The tables are created
 * with IF NOT EXISTS here rather than as a numbered migration, so this part stays independent
 * of the session schema's version. The FTS5 table holds each document's normalised terms (the
 * shared tokenizer's output), so FTS5 and the Redis index see exactly the same words.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS communities (
  id TEXT PRIMARY KEY,
  member_hash TEXT NOT NULL UNIQUE,
  facilitator_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS community_sessions (
  session_id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS community_sessions_community ON community_sessions(community_id);
CREATE TABLE IF NOT EXISTS archive_entries (
  session_id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  handed_over_at INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS archive_entries_community ON archive_entries(community_id, handed_over_at);
CREATE VIRTUAL TABLE IF NOT EXISTS archive_fts USING fts5(
  body,
  community_id UNINDEXED,
  session_id UNINDEXED,
  doc UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;

/** FTS5 query: every term as a quoted string (terms hold only letters and digits), the last as a prefix. */
export function ftsQuery(query: ParsedQuery): string {
  return query.terms
    .map((t, i) => `"${t.replace(/"/g, '')}"${query.prefixLast && i === query.terms.length - 1 ? '*' : ''}`)
    .join(' ');
}

export class SqliteArchive implements ArchiveStore {
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly log: records.StoreLog,
  ) {
    db.exec(SCHEMA);
    this.stmt = {
      insertCommunity: db.prepare(
        'INSERT INTO communities (id, member_hash, facilitator_hash, created_at, data) VALUES (?, ?, ?, ?, ?)',
      ),
      getCommunity: db.prepare<[string], { data: string }>('SELECT data FROM communities WHERE id = ?'),
      findToken: db.prepare<[string, string], { id: string; member_hash: string }>(
        'SELECT id, member_hash FROM communities WHERE member_hash = ? OR facilitator_hash = ?',
      ),
      addSession: db.prepare(
        'INSERT INTO community_sessions (session_id, community_id) VALUES (?, ?) ON CONFLICT(session_id) DO UPDATE SET community_id = excluded.community_id',
      ),
      listSessions: db.prepare<[string], { session_id: string }>(
        'SELECT session_id FROM community_sessions WHERE community_id = ? ORDER BY session_id',
      ),
      putEntry: db.prepare(
        `INSERT INTO archive_entries (session_id, community_id, handed_over_at, data) VALUES (?, ?, ?, ?)
         ON CONFLICT(session_id) DO UPDATE SET community_id = excluded.community_id,
           handed_over_at = excluded.handed_over_at, data = excluded.data`,
      ),
      getEntry: db.prepare<[string], { data: string }>('SELECT data FROM archive_entries WHERE session_id = ?'),
      listEntries: db.prepare<[string], { session_id: string; data: string }>(
        'SELECT session_id, data FROM archive_entries WHERE community_id = ? ORDER BY handed_over_at DESC, session_id',
      ),
      insertFts: db.prepare('INSERT INTO archive_fts (body, community_id, session_id, doc) VALUES (?, ?, ?, ?)'),
      deleteFtsOfSession: db.prepare('DELETE FROM archive_fts WHERE session_id = ?'),
      searchFts: db.prepare<[string, string], { session_id: string; doc: number }>(
        'SELECT session_id, doc FROM archive_fts WHERE archive_fts MATCH ? AND community_id = ?',
      ),
      deleteEntry: db.prepare('DELETE FROM archive_entries WHERE session_id = ?'),
      deleteCommunitySession: db.prepare('DELETE FROM community_sessions WHERE session_id = ?'),
    };
  }

  async createCommunity(c: CommunityRecord): Promise<void> {
    uniqueOrConflict(
      () =>
        this.stmt.insertCommunity.run(c.id, c.memberTokenHash, c.facilitatorKeyHash, c.createdAt, JSON.stringify(c)),
      'Community id or token already in use',
    );
  }

  async getCommunity(id: string): Promise<CommunityRecord | null> {
    const row = this.stmt.getCommunity.get(id);
    return row ? records.parseStored(records.communityRecordSchema, row.data, `community ${id}`, this.log) : null;
  }

  async findCommunityToken(tokenHash: string): Promise<CommunityToken | null> {
    const row = this.stmt.findToken.get(tokenHash, tokenHash);
    if (!row) return null;
    return { communityId: row.id, role: row.member_hash === tokenHash ? 'member' : 'facilitator' };
  }

  async addCommunitySession(communityId: string, sessionId: string): Promise<void> {
    this.stmt.addSession.run(sessionId, communityId);
  }

  async listCommunitySessions(communityId: string): Promise<string[]> {
    return this.stmt.listSessions.all(communityId).map((r) => r.session_id);
  }

  async putArchiveEntry(record: ArchiveRecord): Promise<void> {
    const { sessionId, handedOverAt } = record.entry;
    this.db.transaction(() => {
      this.stmt.putEntry.run(sessionId, record.communityId, handedOverAt, JSON.stringify(record));
      this.stmt.deleteFtsOfSession.run(sessionId);
      for (const doc of record.documents) {
        const body = [...new Set(tokenize(doc.text))].join(' ');
        if (body) this.stmt.insertFts.run(body, record.communityId, sessionId, doc.index);
      }
    })();
  }

  async getArchiveEntry(sessionId: string): Promise<ArchiveRecord | null> {
    return this.entry(sessionId);
  }

  private entry(sessionId: string): ArchiveRecord | null {
    const row = this.stmt.getEntry.get(sessionId);
    return row ? this.parseEntry(row.data, sessionId) : null;
  }

  private parseEntry(json: string, sessionId: string): ArchiveRecord {
    return records.parseStored(records.archiveRecordSchema, json, `archive entry of session ${sessionId}`, this.log);
  }

  async listArchive(communityId: string): Promise<ArchiveRecord[]> {
    return this.stmt.listEntries
      .all(communityId)
      .map((r) => this.parseEntry(r.data, r.session_id))
      .sort(byNewest);
  }

  async searchCandidates(communityId: string, query: ParsedQuery): Promise<SearchCandidate[]> {
    if (query.terms.length === 0) return [];
    const hits = new Map<string, Set<number>>();
    for (const row of this.stmt.searchFts.all(ftsQuery(query), communityId)) {
      const set = hits.get(row.session_id) ?? new Set<number>();
      set.add(Number(row.doc));
      hits.set(row.session_id, set);
    }
    return candidatesOf(
      [...hits.keys()].sort().map((id) => this.entry(id)),
      hits,
    );
  }

  /** Runs inside SqliteStore.deleteSession's transaction: the session's archive rows go with it. */
  deleteSessionRows(sessionId: string): void {
    this.stmt.deleteEntry.run(sessionId);
    this.stmt.deleteFtsOfSession.run(sessionId);
    this.stmt.deleteCommunitySession.run(sessionId);
  }

  async deleteCommunity(communityId: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM archive_fts WHERE community_id = ?').run(communityId);
      this.db.prepare('DELETE FROM archive_entries WHERE community_id = ?').run(communityId);
      this.db.prepare('DELETE FROM community_sessions WHERE community_id = ?').run(communityId);
      this.db.prepare('DELETE FROM communities WHERE id = ?').run(communityId);
    })();
  }
}
