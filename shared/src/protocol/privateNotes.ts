import { z } from 'zod';
import { LIMITS } from './limits';

/*
 * Issue 15: the case holder's private notes (Roddelmethode), kept by the server per session and
 * participant, outside every Yjs document (docs/API.md, "Private notes"). Who may read and write
 * them is decided by shared/src/domain/privateNotes.ts.
 */

/** `PUT /api/sessions/:id/notes`: the whole note, replacing the stored one. */
export const privateNoteBody = z.strictObject({
  /** Kept as typed (not trimmed): it is the person's own scratch pad. */
  text: z.string().max(LIMITS.privateNoteChars),
  /** The note goes into the case holder's own copy of the report. */
  inReport: z.boolean(),
});
export type PrivateNoteBody = z.infer<typeof privateNoteBody>;

/** `GET` and `PUT /api/sessions/:id/notes`: the stored note (an empty one before the first save). */
export interface PrivateNoteResponse extends PrivateNoteBody {
  /** ISO time of the last save; null before the first. */
  updatedAt: string | null;
}
