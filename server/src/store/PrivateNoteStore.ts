import { z } from 'zod';
import { DelegatesArchiveAndPhotos } from './PhotoStore';

/**
 * Issue 15: the case holder's private notes (Roddelmethode), one per (session, participant), in
 * both engines (sqliteNotes.ts, redisNotes.ts) and through the same contract
 * (tests/contracts/privateNoteContract.ts). Never part of a Yjs document, so no other connection
 * ever receives them; deleteSession removes them with the session (and so retention).
 */

export const privateNoteRecordSchema = z.object({
  sessionId: z.string(),
  participantId: z.string(),
  text: z.string(),
  /** The note goes into the case holder's own copy of the report. */
  inReport: z.boolean(),
  /** ms since epoch of the last save */
  updatedAt: z.number(),
});
export type PrivateNoteRecord = z.infer<typeof privateNoteRecordSchema>;

export interface PrivateNoteStore {
  /**
   * Stores (replaces) a participant's note in an existing session; throws
   * AppError('session_not_found') when the session is gone, so a note never outlives its session.
   */
  putPrivateNote(note: PrivateNoteRecord): Promise<void>;
  /** The participant's note in this session; null when they have none. */
  getPrivateNote(sessionId: string, participantId: string): Promise<PrivateNoteRecord | null>;
}

/** The base of both engines: archive, photos and private notes, each handed to its own part. */
export abstract class DelegatesArchivePhotosAndNotes extends DelegatesArchiveAndPhotos implements PrivateNoteStore {
  protected abstract readonly notes: PrivateNoteStore;

  putPrivateNote(note: PrivateNoteRecord): Promise<void> {
    return this.notes.putPrivateNote(note);
  }
  getPrivateNote(sessionId: string, participantId: string): Promise<PrivateNoteRecord | null> {
    return this.notes.getPrivateNote(sessionId, participantId);
  }
}
