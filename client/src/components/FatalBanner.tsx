import { useT } from '../i18n';
import { useConnectionStore, type FatalReason } from '../stores/connectionStore';
import type { Messages } from '../i18n';
import { Link } from './Link';

function messageFor(t: Messages, reason: FatalReason): string {
  switch (reason) {
    case 'unauthorized':
      return t.fatalUnauthorized;
    case 'forbidden':
      return t.fatalForbidden;
    case 'notFound':
      return t.fatalNotFound;
    case 'badOrigin':
      return t.fatalBadOrigin;
  }
}

/** Shown when the server closed the board for good; reconnecting has already stopped. */
export function FatalBanner() {
  const t = useT();
  const fatal = useConnectionStore((s) => s.fatal);
  if (!fatal) return null;
  return (
    <div className="notice error" role="alert" data-testid="connection-error">
      <p>{messageFor(t, fatal)}</p>
      <Link href="/" className="button small">
        {t.backHome}
      </Link>
    </div>
  );
}
