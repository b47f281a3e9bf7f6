import type { SessionView } from '@casusbord/shared';
import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n';
import { forgetCredentials } from '../net/credentials';
import { hostPath, navigate } from '../router';
import { CaseSummary } from './CaseSummary';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './Link';

export function BoardHeader({
  sessionId,
  view,
  isHost,
  caseSlot,
}: {
  sessionId: string;
  view: SessionView | null;
  isHost: boolean;
  /** Replaces the static core question, e.g. with the co-edited one of the board. */
  caseSlot?: ReactNode;
}) {
  const t = useT();
  const title = view?.title;
  useEffect(() => {
    document.title = title ? `${title} — ${t.appName}` : t.appName;
  }, [title, t]);
  const leave = () => {
    forgetCredentials(sessionId);
    navigate('/');
  };
  return (
    <header className="board-header">
      <div className="board-topbar">
        <Link href="/" className="brand small">
          {t.appName}
        </Link>
        <div className="board-title">
          <h1>{view ? view.title : t.loading}</h1>
          {view && <span className="city">{view.city}</span>}
        </div>
        <div className="topbar-actions">
          {isHost && (
            <Link href={hostPath(sessionId)} className="button small" data-testid="to-host-view">
              {t.host.pageTitle}
            </Link>
          )}
          <ConnectionStatus />
          <LanguageSwitch />
          <button type="button" className="button ghost small" onClick={leave} aria-label={t.leaveLabel}>
            {t.leave}
          </button>
        </div>
      </div>
      {view && <CaseSummary view={view} showJoinCode={isHost} caseSlot={caseSlot} />}
    </header>
  );
}
