import type { ArchiveStore } from './ArchiveStore';
import type { PhotoStore } from './PhotoStore';
import type { PrivateNoteStore } from './PrivateNoteStore';
import type { DilemmaStore } from './DilemmaStore';
import type { BuddyStore } from './BuddyStore';
import type { AuditEntry, ControlRecord, DeletionRecord, ParticipantRecord, SessionRecord, TokenRecord } from './records';

export type {
  AuditAction,
  AuditEntry,
  ControlRecord,
  DeletionRecord,
  GroupRecord,
  ParticipantRecord,
  SessionRecord,
  TokenRecord,
} from './records';

/**
 * Persistence behind one small interface with two engines (SQLite embedded, Redis for scale-out).
 * Every engine runs the same contract suite in tests/contracts. Methods are async so that both
 * engines fit; the SQLite engine completes synchronously inside them.
 */

export interface StoredDoc {
  /** Compacted state, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update returned (0 when none). */
  lastSeq: number;
}

export interface Store extends ArchiveStore, PhotoStore, PrivateNoteStore, BuddyStore {
  readonly kind: 'sqlite' | 'redis';
  /** Issue 16: the session's dilemma lines and their markers (DilemmaStore.ts). */
  readonly dilemmas: DilemmaStore;
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
  getControlState(sessionId: string): Promise<ControlRecord | null>;
  setControlState(sessionId: string, record: ControlRecord): Promise<void>;
  /** Ids of sessions created before `createdBefore` (ms), for retention. */
  listSessionsCreatedBefore(createdBefore: number): Promise<string[]>;
  /**
   * Removes the session, its participants, tokens, documents, control state, photos, private notes and audit log. With
   * `deletion`, and only when the session existed, its deletion record is stored in the same
   * transaction: the one thing of the session that is kept.
   */
  deleteSession(sessionId: string, deletion?: Omit<DeletionRecord, 'sessionId'>): Promise<void>;
  /** Appends one entry to its session's audit log; an entry for a session that is gone is dropped. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** The session's audit log, oldest first. */
  listAudit(sessionId: string): Promise<AuditEntry[]>;
  /** The record left by deleteSession with a deletion; null when there is none. */
  getDeletion(sessionId: string): Promise<DeletionRecord | null>;
  close(): Promise<void>;
}
