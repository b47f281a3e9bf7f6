import { useT } from '../i18n';
import { useConnectionStore } from '../stores/connectionStore';
import { Notice } from './Notice';

/**
 * Shown while the page runs on what this browser saved (net/offlineCache.ts) because the server
 * did not answer: the board may be behind the others', and edits wait to be sent.
 */
export function OfflineBanner() {
  const t = useT();
  const show = useConnectionStore((s) => s.offlineCopy && !s.synced && !s.fatal);
  if (!show) return null;
  return (
    <Notice role="status" testId="offline-banner">
      {t.offlineCopy}
    </Notice>
  );
}
