import { parseQuery, rankSearch, type ParsedQuery, type SearchCandidate, type SearchHit } from '@casusbord/shared';
import type { ArchiveRecord, CommunityRecord, CommunityToken } from './records';

export type { ArchiveRecord, CommunityRecord, CommunityRole, CommunityToken } from './records';

/**
 * The part of the Store that keeps communities, their archive and its search index (issue 9).
 * Both engines implement it (sqliteArchive.ts, redisArchive.ts) and run the same contract suite
 * (tests/contracts/archiveContract.ts).
 */

export interface ArchiveStore {
  /** Throws AppError('conflict') when the id or a token hash is taken. */
  createCommunity(community: CommunityRecord): Promise<void>;
  getCommunity(id: string): Promise<CommunityRecord | null>;
  /** The community and role a member token or facilitator key (by its hash) belongs to. */
  findCommunityToken(tokenHash: string): Promise<CommunityToken | null>;
  /** Remembers that a session was created in a community (so deleting the community finds it). */
  addCommunitySession(communityId: string, sessionId: string): Promise<void>;
  listCommunitySessions(communityId: string): Promise<string[]>;
  /** Writes (or replaces) a session's archive entry and its search index rows, atomically. */
  putArchiveEntry(record: ArchiveRecord): Promise<void>;
  getArchiveEntry(sessionId: string): Promise<ArchiveRecord | null>;
  /** Every entry of a community, newest handover first (ties by session id). */
  listArchive(communityId: string): Promise<ArchiveRecord[]>;
  /**
   * Documents of the community that contain every query term (the last also as a prefix when
   * `prefixLast`): candidates for rankSearch, which checks and orders them. Order is unspecified.
   */
  searchCandidates(communityId: string, query: ParsedQuery): Promise<SearchCandidate[]>;
  /**
   * Removes the community, its tokens, remaining archive entries and index. Its sessions are
   * deleted by the caller first (deleteSession also drops a session's archive entry).
   */
  deleteCommunity(communityId: string): Promise<void>;
}

/**
 * Base of both Store engines: the archive part of the Store is answered by the engine's archive
 * object (sqliteArchive.ts, redisArchive.ts), which the engine creates in its constructor.
 */
export abstract class DelegatesArchive implements ArchiveStore {
  protected abstract readonly archive: ArchiveStore;

  createCommunity(c: CommunityRecord) {
    return this.archive.createCommunity(c);
  }
  getCommunity(id: string) {
    return this.archive.getCommunity(id);
  }
  findCommunityToken(hash: string) {
    return this.archive.findCommunityToken(hash);
  }
  addCommunitySession(communityId: string, sessionId: string) {
    return this.archive.addCommunitySession(communityId, sessionId);
  }
  listCommunitySessions(communityId: string) {
    return this.archive.listCommunitySessions(communityId);
  }
  putArchiveEntry(record: ArchiveRecord) {
    return this.archive.putArchiveEntry(record);
  }
  getArchiveEntry(sessionId: string) {
    return this.archive.getArchiveEntry(sessionId);
  }
  listArchive(communityId: string) {
    return this.archive.listArchive(communityId);
  }
  searchCandidates(communityId: string, query: ParsedQuery) {
    return this.archive.searchCandidates(communityId, query);
  }
  deleteCommunity(communityId: string) {
    return this.archive.deleteCommunity(communityId);
  }
}

/** Candidates from the stored records of the sessions the index named, in (sessionId, index) order. */
export function candidatesOf(records: (ArchiveRecord | null)[], hits: Map<string, Set<number>>): SearchCandidate[] {
  const out: SearchCandidate[] = [];
  for (const record of records) {
    if (!record) continue;
    const indexes = hits.get(record.entry.sessionId);
    if (!indexes) continue;
    for (const doc of record.documents) {
      if (!indexes.has(doc.index)) continue;
      const e = record.entry;
      out.push({ sessionId: e.sessionId, title: e.title, city: e.city, handedOverAt: e.handedOverAt, doc });
    }
  }
  return out;
}

/** Newest handover first, then session id: the archive order of both engines. */
export function byNewest(a: ArchiveRecord, b: ArchiveRecord): number {
  return (
    b.entry.handedOverAt - a.entry.handedOverAt ||
    (a.entry.sessionId < b.entry.sessionId ? -1 : a.entry.sessionId > b.entry.sessionId ? 1 : 0)
  );
}

/** Search as every engine answers it: the engine's candidates, checked and ranked by the shared function. */
export async function searchArchive(
  store: ArchiveStore,
  communityId: string,
  query: string,
  limit: number,
): Promise<SearchHit[]> {
  const parsed = parseQuery(query);
  if (parsed.terms.length === 0) return [];
  return rankSearch(query, await store.searchCandidates(communityId, parsed), limit);
}
