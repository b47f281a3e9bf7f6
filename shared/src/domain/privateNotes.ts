import type { Role } from '../protocol/types';

/*
 * Issue 15: who may read and write private notes, pure. In the gossip round the case holder only
 * listens and keeps notes that nobody else sees: not the other participants, not the facilitator,
 * not the recipient. The server checks this on every notes request (server/src/http/
 * privateNoteRoutes.ts); the client uses it to decide whether to offer the notes field.
 */

export const PRIVATE_NOTES_REFUSAL =
  "Private notes are the case holder's own: only the case holder reads and writes them, the facilitator neither";

export interface NotesReader {
  role: Role;
  participantId: string | null;
}

/**
 * True when `who` keeps private notes in a session whose case holder is `caseHolderId`: the
 * case holder's own participant token, and nothing else. A participant who stops being the case
 * holder keeps their stored note but cannot open it until they are named again.
 */
export function keepsPrivateNotes(caseHolderId: string | null, who: NotesReader): boolean {
  return who.role === 'participant' && who.participantId !== null && who.participantId === caseHolderId;
}

/**
 * The board offers the notes field to the case holder in a session with a round in which they
 * only listen (`Round.caseHolderListens`: the gossip round, Balint, the incident method's analysis).
 */
export function offersPrivateNotes(
  caseHolderId: string | null,
  who: NotesReader,
  rounds: readonly { caseHolderListens?: boolean }[],
): boolean {
  return keepsPrivateNotes(caseHolderId, who) && rounds.some((r) => r.caseHolderListens === true);
}
