import type { Locale, MethodId, Role } from '@casusbord/shared';
import type { ArchiveStore } from './ArchiveStore';

/**
 * Persistence behind one small interface with two engines (SQLite embedded, Redis for scale-out).
 * Every engine runs the same contract suite in tests/contracts. Methods are async so that both
 * engines fit; the SQLite engine completes synchronously inside them.
 */

export interface GroupRecord {
  id: string;
  name: string;
}

export interface SessionRecord {
  id: string;
  /** Normalised (upper-case, no separators); unique among live sessions. */
  joinCode: string;
  title: string;
  city: string;
  question: string;
  caseHolderName: string | null;
  context: string | null;
  method: MethodId;
  locale: Locale;
  /** ms since epoch */
  createdAt: number;
  groups: GroupRecord[];
  /** Handover: every board is read-only while true. Absent in records from before the handover existed. */
  locked?: boolean;
  /** ms since epoch of the last handover; null/absent before the first. */
  handedOverAt?: number | null;
  /** SHA-256 of the latest report (recipient) token; the token itself is never stored. */
  reportTokenHash?: string | null;
  /** Issue 9: the community the session belongs to (absent/null: none). */
  communityId?: string | null;
  /** Issue 9: host-set tag for the archive filters. */
  theme?: string | null;
  /** Issue 9: the archived session of the same community this one follows up. */
  followUpOf?: string | null;
}

export interface ParticipantRecord {
  id: string;
  sessionId: string;
  name: string;
  groupId: string;
  createdAt: number;
  /** Consent to be named in the report, asked at join. Older records lack it: read it as `=== true`. */
  consentToBeNamed: boolean;
}

/** What a token grants. Only the SHA-256 of a token is stored, never the token itself. */
export interface TokenRecord {
  tokenHash: string;
  role: Role;
  sessionId: string;
  participantId: string | null;
  createdAt: number;
}

export interface StoredDoc {
  /** Compacted state, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update returned (0 when none). */
  lastSeq: number;
}

export interface Store extends ArchiveStore {
  readonly kind: 'sqlite' | 'redis';
  /** Throws AppError('conflict') when the join code is taken. */
  createSession(session: SessionRecord, hostToken: TokenRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  getSessionByCode(joinCode: string): Promise<SessionRecord | null>;
  /** Replaces the record (same id); throws AppError('conflict') when a changed join code is taken. */
  updateSession(session: SessionRecord): Promise<void>;
  /** Atomically checks the session's participant count; throws AppError('session_full') at the limit. */
  addParticipant(participant: ParticipantRecord, token: TokenRecord, maxParticipants: number): Promise<void>;
  getParticipant(id: string): Promise<ParticipantRecord | null>;
  /** Replaces a participant record (same id and session), e.g. after a move to another table. */
  updateParticipant(participant: ParticipantRecord): Promise<void>;
  listParticipants(sessionId: string): Promise<ParticipantRecord[]>;
  getToken(tokenHash: string): Promise<TokenRecord | null>;
  /** Stores one more token of an existing session (the recipient's, at the handover). */
  addToken(token: TokenRecord): Promise<void>;
  /** Appends one Yjs update durably before it resolves; returns its sequence number. */
  appendUpdate(docName: string, update: Uint8Array): Promise<number>;
  loadDoc(docName: string): Promise<StoredDoc>;
  /** Stores `snapshot` (which contains every update up to `throughSeq`) and drops those updates. */
  compactDoc(docName: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  getControlState(sessionId: string): Promise<string | null>;
  setControlState(sessionId: string, json: string): Promise<void>;
  /** Ids of sessions created before `createdBefore` (ms), for retention. */
  listSessionsCreatedBefore(createdBefore: number): Promise<string[]>;
  /** Removes the session, its participants, tokens, documents and control state. */
  deleteSession(sessionId: string): Promise<void>;
  close(): Promise<void>;
}

