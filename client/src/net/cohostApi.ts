import { boardDocName, type CohostEntry, type CohostLinkResponse, type CohostListResponse } from '@casusbord/shared';
import { request } from './api';
import { loadCredentials, saveCredentials } from './credentials';

const path = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/cohosts`;

/** Host: a new co-host link (its token is in the answer only). */
export function createCohostLink(sessionId: string, token: string): Promise<CohostLinkResponse> {
  return request('POST', path(sessionId), { body: {}, token });
}

export function listCohosts(sessionId: string, token: string): Promise<CohostListResponse> {
  return request('GET', path(sessionId), { token });
}

export function revokeCohost(sessionId: string, token: string, cohostId: string): Promise<{ cohost: CohostEntry }> {
  return request('DELETE', `${path(sessionId)}/${encodeURIComponent(cohostId)}`, { token });
}

/** The fragment of a co-host link: `#cohost=<token>` (a fragment never reaches the server's logs). */
const COHOST_FRAGMENT = /^#cohost=([A-Za-z0-9_-]{16,128})$/;

/**
 * Opening a co-host link (`/s/<id>/host#cohost=<token>`): keeps the token as this browser's host
 * credentials for the session and takes it out of the address bar. A browser that is already the
 * host of this session keeps its own token ('kept'), so the facilitator who tries their own link
 * does not lose theirs. 'none': the address holds no co-host link.
 */
export function claimCohostLink(
  sessionId: string,
  loc: Pick<Location, 'hash' | 'pathname' | 'search'> = location,
): 'claimed' | 'kept' | 'none' {
  const match = COHOST_FRAGMENT.exec(loc.hash);
  if (!match) return 'none';
  history.replaceState(null, '', `${loc.pathname}${loc.search}`);
  const token = match[1]!;
  const stored = loadCredentials(sessionId);
  if (stored?.role === 'host' && stored.token !== token) return 'kept';
  // Every session has its first table; the host view finds the others in the session state.
  saveCredentials(sessionId, {
    token,
    role: 'host',
    docName: boardDocName(sessionId, 't1'),
    name: null,
    participantId: null,
  });
  return 'claimed';
}
