import type { Redis } from 'ioredis';
import { AppError, tokenize, type ParsedQuery, type SearchCandidate } from '@casusbord/shared';
import { LuaScript } from './redisClient';
import { setAllIfNew } from './redisScripts';
import { byNewest, candidatesOf, type ArchiveStore } from './ArchiveStore';
import type { ArchiveRecord, CommunityRecord, CommunityToken } from './ArchiveStore';
import * as records from './records';

/**
 * Communities, the archive and its search index in Redis. Key layout under the prefix:
 *   community:<cid>                 JSON CommunityRecord
 *   communitytoken:<hash>           JSON { communityId, role } (member token or facilitator key)
 *   community:<cid>:sessions        SET of session ids created in the community
 *   community:<cid>:entries         SET of session ids with an archive entry
 *   community:<cid>:terms           ZSET (score 0) of every indexed term, for prefix lookups by lex range
 *   community:<cid>:term:<term>     SET of documents `<sessionId>:<index>` containing the term
 *   archive:<sid>                   JSON ArchiveRecord
 *   archive:<sid>:index             JSON [[term, document], …]: what to remove when the entry goes
 * The terms are the shared tokenizer's, exactly as the SQLite FTS5 table stores them.
 */

/**
 * KEYS: entry, entry index. ARGV: community key prefix (`<prefix>community:`), session id,
 * new entry JSON ('' = only remove), new community id, new index JSON.
 * Removes the old entry's index rows (and terms nobody uses any more), then writes the new one.
 */
const REPLACE_ENTRY = `
local old = redis.call('GET', KEYS[1])
if old then
  local base = ARGV[1] .. cjson.decode(old).communityId
  local index = redis.call('GET', KEYS[2])
  if index then
    for _, p in ipairs(cjson.decode(index)) do
      local key = base .. ':term:' .. p[1]
      redis.call('SREM', key, p[2])
      if redis.call('SCARD', key) == 0 then redis.call('ZREM', base .. ':terms', p[1]) end
    end
  end
  redis.call('SREM', base .. ':entries', ARGV[2])
  redis.call('DEL', KEYS[1], KEYS[2])
end
if ARGV[3] ~= '' then
  local base = ARGV[1] .. ARGV[4]
  redis.call('SET', KEYS[1], ARGV[3])
  redis.call('SET', KEYS[2], ARGV[5])
  for _, p in ipairs(cjson.decode(ARGV[5])) do
    redis.call('SADD', base .. ':term:' .. p[1], p[2])
    redis.call('ZADD', base .. ':terms', 0, p[1])
  end
  redis.call('SADD', base .. ':entries', ARGV[2])
end
return 1
`;

/** KEYS: community, member token, facilitator key. ARGV: community JSON, member JSON, facilitator JSON. */
const CREATE_COMMUNITY = `${setAllIfNew(3)}
return 1
`;

/** KEYS: community. ARGV: key prefix. Drops the community with its tokens, entries, index and session list. */
const DELETE_COMMUNITY = `
local c = redis.call('GET', KEYS[1])
if not c then return 0 end
local rec = cjson.decode(c)
local base = KEYS[1]
for _, t in ipairs(redis.call('ZRANGE', base .. ':terms', 0, -1)) do redis.call('DEL', base .. ':term:' .. t) end
for _, sid in ipairs(redis.call('SMEMBERS', base .. ':entries')) do
  redis.call('DEL', ARGV[1] .. 'archive:' .. sid, ARGV[1] .. 'archive:' .. sid .. ':index')
end
redis.call('DEL', base .. ':terms', base .. ':entries', base .. ':sessions', base)
redis.call('DEL', ARGV[1] .. 'communitytoken:' .. rec.memberTokenHash, ARGV[1] .. 'communitytoken:' .. rec.facilitatorKeyHash)
return 1
`;

const scripts = {
  replaceEntry: new LuaScript(REPLACE_ENTRY, 2),
  createCommunity: new LuaScript(CREATE_COMMUNITY, 3),
  deleteCommunity: new LuaScript(DELETE_COMMUNITY, 1),
};

/** SUNION/SINTER take this many keys per call at most. */
const KEYS_PER_CALL = 500;

export class RedisArchive implements ArchiveStore {
  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly log: records.StoreLog,
  ) {}

  private community = (id: string) => `${this.prefix}community:${id}`;
  private tokenKey = (hash: string) => `${this.prefix}communitytoken:${hash}`;
  private entryKey = (sessionId: string) => `${this.prefix}archive:${sessionId}`;
  private termKey = (communityId: string, term: string) => `${this.community(communityId)}:term:${term}`;

  async createCommunity(c: CommunityRecord): Promise<void> {
    const created = await scripts.createCommunity.run(
      this.client,
      [this.community(c.id), this.tokenKey(c.memberTokenHash), this.tokenKey(c.facilitatorKeyHash)],
      [
        JSON.stringify(c),
        JSON.stringify({ communityId: c.id, role: 'member' } satisfies CommunityToken),
        JSON.stringify({ communityId: c.id, role: 'facilitator' } satisfies CommunityToken),
      ],
    );
    if (created !== 1) throw new AppError('conflict', 'Community id or token already in use');
  }

  async getCommunity(id: string): Promise<CommunityRecord | null> {
    const json = await this.client.get(this.community(id));
    return json ? records.parseStored(records.communityRecordSchema, json, `community ${id}`, this.log) : null;
  }

  async findCommunityToken(tokenHash: string): Promise<CommunityToken | null> {
    const json = await this.client.get(this.tokenKey(tokenHash));
    return json ? records.parseStored(records.communityTokenSchema, json, 'community token', this.log) : null;
  }

  async addCommunitySession(communityId: string, sessionId: string): Promise<void> {
    await this.client.sadd(`${this.community(communityId)}:sessions`, sessionId);
  }

  async listCommunitySessions(communityId: string): Promise<string[]> {
    return (await this.client.smembers(`${this.community(communityId)}:sessions`)).sort();
  }

  async putArchiveEntry(record: ArchiveRecord): Promise<void> {
    const sessionId = record.entry.sessionId;
    const pairs: [string, string][] = [];
    for (const doc of record.documents) {
      for (const term of new Set(tokenize(doc.text))) pairs.push([term, `${sessionId}:${doc.index}`]);
    }
    await scripts.replaceEntry.run(
      this.client,
      [this.entryKey(sessionId), `${this.entryKey(sessionId)}:index`],
      [`${this.prefix}community:`, sessionId, JSON.stringify(record), record.communityId, JSON.stringify(pairs)],
    );
  }

  async getArchiveEntry(sessionId: string): Promise<ArchiveRecord | null> {
    return (await this.records([sessionId]))[0] ?? null;
  }

  private async records(sessionIds: string[]): Promise<(ArchiveRecord | null)[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.client.mget(sessionIds.map((id) => this.entryKey(id)));
    return rows.map((r, i) =>
      r
        ? records.parseStored(records.archiveRecordSchema, r, `archive entry of session ${sessionIds[i]}`, this.log)
        : null,
    );
  }

  async listArchive(communityId: string): Promise<ArchiveRecord[]> {
    const ids = await this.client.smembers(`${this.community(communityId)}:entries`);
    return (await this.records(ids)).filter((r): r is ArchiveRecord => r !== null).sort(byNewest);
  }

  private async union(keys: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += KEYS_PER_CALL) {
      for (const m of await this.client.sunion(...keys.slice(i, i + KEYS_PER_CALL))) out.add(m);
    }
    return out;
  }

  async searchCandidates(communityId: string, query: ParsedQuery): Promise<SearchCandidate[]> {
    const { terms, prefixLast } = query;
    if (terms.length === 0) return [];
    const exact = prefixLast ? terms.slice(0, -1) : terms;
    let docs: Set<string> | null = null;
    if (exact.length > 0) {
      docs = new Set(await this.client.sinter(...exact.map((t) => this.termKey(communityId, t))));
      if (docs.size === 0) return [];
    }
    if (prefixLast) {
      const last = terms[terms.length - 1]!;
      // Every indexed term from "last" up to "last" followed by byte 0xFF (which no UTF-8 text contains).
      const words = await this.client.zrangebylex(
        `${this.community(communityId)}:terms`,
        Buffer.from(`[${last}`),
        Buffer.concat([Buffer.from(`[${last}`), Buffer.from([0xff])]),
      );
      const withPrefix = await this.union(words.map((w) => this.termKey(communityId, w)));
      docs = docs ? new Set([...docs].filter((d) => withPrefix.has(d))) : withPrefix;
    }
    const hits = new Map<string, Set<number>>();
    for (const d of docs ?? []) {
      const colon = d.lastIndexOf(':');
      const sessionId = d.slice(0, colon);
      const set = hits.get(sessionId) ?? new Set<number>();
      set.add(Number(d.slice(colon + 1)));
      hits.set(sessionId, set);
    }
    const ids = [...hits.keys()].sort();
    return candidatesOf(await this.records(ids), hits);
  }

  /** After RedisStore.deleteSession: the session's archive entry, index rows and community membership go. */
  async deleteSessionRows(sessionId: string, communityId: string | null): Promise<void> {
    communityId ??= (await this.getArchiveEntry(sessionId))?.communityId ?? null;
    await scripts.replaceEntry.run(
      this.client,
      [this.entryKey(sessionId), `${this.entryKey(sessionId)}:index`],
      [`${this.prefix}community:`, sessionId, '', '', '[]'],
    );
    if (communityId) await this.client.srem(`${this.community(communityId)}:sessions`, sessionId);
  }

  async deleteCommunity(communityId: string): Promise<void> {
    await scripts.deleteCommunity.run(this.client, [this.community(communityId)], [this.prefix]);
  }
}
