import { useEffect } from 'react';
import { messagesFor, useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { fetchSession } from '../../net/api';
import type { StoredCredentials } from '../../net/credentials';
import { boardPath } from '../../router';
import { sessionStore } from '../../stores/sessionStore';
import { uiStore } from '../../stores/uiStore';
import { Link } from '../Link';

/** Shown instead of a host or beamer view when this browser holds no host token for the session. */
export function NotHost({ sessionId, credentials }: { sessionId: string; credentials: StoredCredentials | null }) {
  const t = useT();
  const joined = credentials !== null && credentials.role !== 'host';
  return (
    <main className="centered not-host" data-testid="not-host">
      <h1>{t.host.notHostHeading}</h1>
      <p>{t.host.notHost}</p>
      <Link href={joined ? boardPath(sessionId) : '/'} className="button primary">
        {joined ? t.host.toBoard : t.backHome}
      </Link>
    </main>
  );
}

/** Loads the session's description (title, case, join code) into the session store for this page. */
export function useSessionView(sessionId: string, credentials: StoredCredentials): void {
  useEffect(() => {
    sessionStore.getState().open(sessionId, credentials);
    let cancelled = false;
    fetchSession(sessionId, credentials.token).then(
      (view) => {
        if (!cancelled) sessionStore.getState().setView(view);
      },
      (err: unknown) => {
        if (!cancelled)
          sessionStore.getState().setLoadError(describeError(messagesFor(uiStore.getState().locale), err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, credentials]);
}
