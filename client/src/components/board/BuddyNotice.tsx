import type { SessionBuddyResponse } from '@casusbord/shared';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { fetchSessionBuddies } from '../../net/buddyApi';
import { usePresenceStore } from '../../stores/presenceStore';

/**
 * Issue 16: "your buddy is here too" on a participant's screen of a community session, when both
 * joined it as members (the server decides; GET /api/sessions/:id/buddy). Asked again whenever
 * someone joins or leaves.
 */
export function BuddyNotice({ sessionId, token }: { sessionId: string; token: string }) {
  const t = useT();
  const count = usePresenceStore((s) => s.entries.length);
  const [buddies, setBuddies] = useState<SessionBuddyResponse['buddies']>([]);
  useEffect(() => {
    let cancelled = false;
    fetchSessionBuddies(sessionId, token).then(
      (res) => !cancelled && setBuddies(res.buddies),
      () => undefined, // Only a courtesy: without an answer the page shows nothing.
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, token, count]);
  if (buddies.length === 0) return null;
  return (
    <p className="notice" role="status" data-testid="buddy-notice">
      {buddies
        .map((b) => (b.relation === 'buddy' ? t.buddies.inSessionBuddy(b.name) : t.buddies.inSessionNewcomer(b.name)))
        .join(' ')}
    </p>
  );
}
