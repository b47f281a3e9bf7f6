import { useEffect } from 'react';

/** The browser tab's title: "<what> — Casusbord", or the app's name alone while `what` is unknown. */
export function useDocumentTitle(what: string | null | undefined, appName: string): void {
  useEffect(() => {
    document.title = what ? `${what} — ${appName}` : appName;
  }, [what, appName]);
}
