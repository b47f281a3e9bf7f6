import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { selectIndicator, useConnectionStore } from '../stores/connectionStore';

/** How long "all changes sent" stays visible after the last unsent change went out, ms. */
const ALL_SENT_VISIBLE_MS = 4_000;

/**
 * Always visible: whether edits reach the others right now, and how many of this person's
 * changes have not reached the server yet (net/docLink.ts counts them). Both parts are live
 * regions, so a screen reader hears "3 changes not sent yet" and later "all changes sent".
 */
export function ConnectionStatus() {
  const t = useT();
  const state = useConnectionStore(selectIndicator);
  const pending = useConnectionStore((s) => s.pendingChanges);
  const everSynced = useConnectionStore((s) => s.everSynced);
  const [justSent, setJustSent] = useState(false);
  const [hadPending, setHadPending] = useState(false);

  // Render-time state update (React's "adjust state on prop change"): remember that changes
  // were waiting, and when they are all out, say so for a few seconds.
  if (pending > 0 && !hadPending) setHadPending(true);
  if (pending === 0 && hadPending) {
    setHadPending(false);
    setJustSent(true);
  }
  useEffect(() => {
    if (!justSent) return;
    const timer = setTimeout(() => setJustSent(false), ALL_SENT_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [justSent]);

  let label: string;
  if (state === 'online') label = t.statusOnline;
  else if (state === 'offline') label = t.statusOffline;
  else label = everSynced ? t.statusReconnecting : t.statusConnecting;
  const unsentLabel = pending > 0 ? t.statusUnsent(pending) : justSent ? t.statusAllSent : '';
  return (
    <div className="connection-group">
      <div className={`connection connection-${state}`} data-testid="connection-status" data-state={state}>
        <span className="dot" aria-hidden="true" />
        <span role="status">{label}</span>
      </div>
      {/* The live region stays in the page while empty, so its first message is announced too. */}
      <span role="status" data-testid="unsent-changes" data-count={pending}>
        {unsentLabel && (
          <span className={pending > 0 ? 'connection-unsent' : 'connection-unsent sent'}>{unsentLabel}</span>
        )}
      </span>
    </div>
  );
}
