/**
 * The names of a session's Yjs documents, built and read in this one place (the /yjs route, the
 * token rules, the write policy, both stores and the browser's offline cache use it):
 *
 *   `<sessionId>.<groupId>`          a table's board
 *   `<sessionId>.plenary`            the plenary board of a case day
 *   `<sessionId>.d-<participantId>`  a participant's private draft
 */

export const PLENARY_GROUP_ID = 'plenary';
const DRAFT_PREFIX = 'd-';

/** Session ids are 8–64 letters and digits; the part after the dot at most 32 characters. */
const DOC_NAME = /^([A-Za-z0-9]{8,64})\.([A-Za-z0-9-]{1,32})$/;

export type DocRef =
  | { kind: 'board'; sessionId: string; groupId: string }
  | { kind: 'plenary'; sessionId: string }
  | { kind: 'draft'; sessionId: string; participantId: string };

export function boardDocName(sessionId: string, groupId: string): string {
  return `${sessionId}.${groupId}`;
}

export function plenaryDocName(sessionId: string): string {
  return boardDocName(sessionId, PLENARY_GROUP_ID);
}

/** Name of a participant's private draft document. */
export function draftDocName(sessionId: string, participantId: string): string {
  return `${sessionId}.${DRAFT_PREFIX}${participantId}`;
}

/** What a document name refers to, or null when it is no name of this scheme. */
export function parseDocName(name: string): DocRef | null {
  const match = DOC_NAME.exec(name);
  if (!match) return null;
  const sessionId = match[1]!;
  const rest = match[2]!;
  if (rest === PLENARY_GROUP_ID) return { kind: 'plenary', sessionId };
  if (rest.startsWith(DRAFT_PREFIX)) {
    const participantId = rest.slice(DRAFT_PREFIX.length);
    return participantId ? { kind: 'draft', sessionId, participantId } : null;
  }
  return { kind: 'board', sessionId, groupId: rest };
}

/**
 * The session a stored document belongs to: the part before the first dot (what the stores key
 * and delete documents by), also for names written before the scheme was checked.
 */
export function sessionOfDoc(name: string): string | null {
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : null;
}
