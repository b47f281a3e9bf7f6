import type { Locale, PrivateNoteBody, PrivateNoteResponse } from '@casusbord/shared';
import { request } from './api';
import { fetchFile, type FetchedFile, type ReportFormat } from './communityApi';

/*
 * Issue 15: the case holder's private notes (docs/API.md, "Private notes"), over HTTP with the
 * participant's token in a header. Never through the board's Yjs document: every participant
 * syncs that, and these notes are for the case holder alone.
 */

const notesPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/notes`;

export function fetchPrivateNote(sessionId: string, token: string): Promise<PrivateNoteResponse> {
  return request('GET', notesPath(sessionId), { token });
}

export function savePrivateNote(sessionId: string, token: string, body: PrivateNoteBody): Promise<PrivateNoteResponse> {
  return request('PUT', notesPath(sessionId), { token, body });
}

/** The case holder's own copy of the report (with the notes when they chose so). */
export function fetchOwnCopy(
  sessionId: string,
  token: string,
  format: ReportFormat,
  lang: Locale,
): Promise<FetchedFile> {
  const query = new URLSearchParams({ format, lang });
  return fetchFile(`${notesPath(sessionId)}/report?${query.toString()}`, token, `adviesrapport.${format}`);
}
