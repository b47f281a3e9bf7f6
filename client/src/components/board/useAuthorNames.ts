import type { PresenceEntry, SessionView } from '@casusbord/shared';
import { useCallback, useMemo } from 'react';
import { useT } from '../../i18n';
import type { StoredCredentials } from '../../net/credentials';

/**
 * Author names come from the server's records: the presence list, and for the host the
 * participant list of the session (which also knows people who left).
 */
export function useAuthorNames(
  view: SessionView | null,
  presence: PresenceEntry[],
  credentials: StoredCredentials,
): { names: Map<string, string>; authorName: (authorId: string) => string } {
  const t = useT();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of view?.participants ?? []) map.set(p.id, p.name);
    for (const entry of presence) if (entry.participantId) map.set(entry.participantId, entry.name);
    if (credentials.participantId && credentials.name && !map.has(credentials.participantId)) {
      map.set(credentials.participantId, credentials.name);
    }
    return map;
  }, [view, presence, credentials]);
  const authorName = useCallback(
    (authorId: string) => (authorId === 'host' ? t.authorHost : (names.get(authorId) ?? t.authorUnknown)),
    [names, t],
  );
  return { names, authorName };
}
