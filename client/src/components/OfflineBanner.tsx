import { useT } from '../i18n';
import { useConnectionStore } from '../stores/connectionStore';

/**
 * Shown while the page runs on what this browser saved (net/offlineCache.ts) because the server
 * did not answer: the board may be behind the others', and edits wait to be sent.
 */
export function OfflineBanner() {
  const t = useT();
  const show = useConnectionStore((s) => s.offlineCopy && !s.synced && !s.fatal);
  if (!show) return null;
  return (
    <div className="notice" role="status" data-testid="offline-banner">
      <p>{t.offlineCopy}</p>
    </div>
  );
}
