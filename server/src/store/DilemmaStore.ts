import { z } from 'zod';
import { AppError, type DilemmaMarker, type DilemmaRefusal } from '@casusbord/shared';

/**
 * Issue 16, the dilemma line: dilemmas and their markers kept with their session, in both engines
 * (sqliteDilemmas.ts, redisDilemmas.ts) and through the same contract
 * (tests/contracts/dilemmaContract.ts). Never part of a Yjs document, so no connection receives a
 * position the control plane does not send it (rules: shared/src/domain/dilemma.ts). The Store
 * offers it as `store.dilemmas`; deleteSession removes them with the session (and so retention).
 */

export const dilemmaRecordSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  text: z.string(),
  left: z.string(),
  right: z.string(),
  /** ms since epoch */
  createdAt: z.number(),
  /** When the host revealed the markers; null before. */
  revealedAt: z.number().nullable(),
});
export type DilemmaRecord = z.infer<typeof dilemmaRecordSchema>;

export interface DilemmaStore {
  /**
   * Adds a dilemma to an existing session. AppError('session_not_found') when the session is gone,
   * AppError('invalid_command') when it holds `max` dilemmas already (checked atomically).
   */
  add(record: DilemmaRecord, max: number): Promise<void>;
  /** The session's dilemmas, oldest first. */
  list(sessionId: string): Promise<DilemmaRecord[]>;
  /**
   * Places or moves one participant's marker (one per participant per dilemma).
   * AppError('not_found') without such a dilemma, AppError('invalid_command') once it is revealed:
   * checked atomically with the write, so no marker moves after the reveal.
   */
  place(sessionId: string, dilemmaId: string, participantId: string, position: number): Promise<void>;
  /** Reveals the markers at `at` (a second reveal keeps the first time); the record after. AppError('not_found'). */
  reveal(sessionId: string, dilemmaId: string, at: number): Promise<DilemmaRecord>;
  /** One dilemma's markers, in no particular order. */
  markers(sessionId: string, dilemmaId: string): Promise<DilemmaMarker[]>;
}

/** The refusal as the error both engines throw. */
export const refusalError = (r: DilemmaRefusal) => new AppError(r.code, r.message);
