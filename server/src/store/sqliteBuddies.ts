import type Database from 'better-sqlite3';
import { memberRecordSchema, type BuddyStore, type MemberRecord } from './BuddyStore';
import * as records from './records';
import { uniqueOrConflict } from './sqliteUnique';

/**
 * Community members with their buddy and pins in the SQLite file (issue 16). Created with IF NOT
 * EXISTS like the archive's tables; buddy and pins are columns of their own, so pairing and
 * pinning never overwrite each other.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS community_members (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  name TEXT NOT NULL,
  buddy_id TEXT,
  pins TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS community_members_community ON community_members(community_id, created_at);
`;

interface Row {
  id: string;
  community_id: string;
  key_hash: string;
  created_at: number;
  name: string;
  buddy_id: string | null;
  pins: string;
}

export class SqliteBuddies implements BuddyStore {
  private readonly stmt;

  constructor(
    db: Database.Database,
    private readonly log: records.StoreLog,
  ) {
    db.exec(SCHEMA);
    const cols = 'id, community_id, key_hash, created_at, name, buddy_id, pins';
    this.stmt = {
      insert: db.prepare(`INSERT INTO community_members (${cols}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      byId: db.prepare<[string], Row>(`SELECT ${cols} FROM community_members WHERE id = ?`),
      byKey: db.prepare<[string], Row>(`SELECT ${cols} FROM community_members WHERE key_hash = ?`),
      list: db.prepare<[string], Row>(
        `SELECT ${cols} FROM community_members WHERE community_id = ? ORDER BY created_at, id`,
      ),
      setBuddy: db.prepare('UPDATE community_members SET buddy_id = ? WHERE id = ?'),
      setPins: db.prepare('UPDATE community_members SET pins = ? WHERE id = ?'),
      deleteCommunity: db.prepare('DELETE FROM community_members WHERE community_id = ?'),
    };
  }

  private read(row: Row | undefined): MemberRecord | null {
    if (!row) return null;
    let pins: unknown = null;
    try {
      pins = JSON.parse(row.pins);
    } catch {
      pins = null;
    }
    const value = {
      id: row.id,
      communityId: row.community_id,
      name: row.name,
      keyHash: row.key_hash,
      createdAt: row.created_at,
      buddyId: row.buddy_id,
      pins,
    };
    return records.checkStored(memberRecordSchema, value, `community member ${row.id}`, this.log);
  }

  async addMember(m: MemberRecord): Promise<void> {
    uniqueOrConflict(
      () =>
        this.stmt.insert.run(m.id, m.communityId, m.keyHash, m.createdAt, m.name, m.buddyId, JSON.stringify(m.pins)),
      'Member id or key already in use',
    );
  }
  async getMember(memberId: string) {
    return this.read(this.stmt.byId.get(memberId));
  }
  async findMemberByKey(keyHash: string) {
    return this.read(this.stmt.byKey.get(keyHash));
  }
  async listMembers(communityId: string) {
    return this.stmt.list.all(communityId).map((r) => this.read(r)!);
  }
  async setBuddy(memberId: string, buddyId: string | null) {
    this.stmt.setBuddy.run(buddyId, memberId);
  }
  async setPins(memberId: string, pins: MemberRecord['pins']) {
    this.stmt.setPins.run(JSON.stringify(pins), memberId);
  }
  async deleteMembers(communityId: string) {
    this.stmt.deleteCommunity.run(communityId);
  }
}
