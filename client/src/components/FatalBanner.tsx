import { useT } from '../i18n';
import { useConnectionStore, type FatalReason } from '../stores/connectionStore';
import type { Messages } from '../i18n';
import { BackHome, Notice } from './Notice';

export function fatalMessage(t: Messages, reason: FatalReason): string {
  switch (reason) {
    case 'unauthorized':
      return t.fatalUnauthorized;
    case 'forbidden':
      return t.fatalForbidden;
    case 'notFound':
      return t.fatalNotFound;
    case 'badOrigin':
      return t.fatalBadOrigin;
    case 'revoked':
      return t.cockpit.revoked;
  }
}

/** Shown when the server closed the board for good; reconnecting has already stopped. */
export function FatalBanner() {
  const t = useT();
  const fatal = useConnectionStore((s) => s.fatal);
  if (!fatal) return null;
  return (
    <Notice tone="error" testId="connection-error" action={<BackHome />}>
      {fatalMessage(t, fatal)}
    </Notice>
  );
}
