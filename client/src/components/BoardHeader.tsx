import type { SessionView } from '@casusbord/shared';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { forgetCredentials } from '../net/credentials';
import { hostPath, navigate } from '../router';
import { CaseSummary } from './CaseSummary';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './Link';
import { SessionTopbar } from './SessionTopbar';
import { useDocumentTitle } from './useDocumentTitle';

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
  useDocumentTitle(view?.title, t.appName);
  const leave = () => {
    forgetCredentials(sessionId);
    navigate('/');
  };
  return (
    <header className="board-header">
      <SessionTopbar view={view}>
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
      </SessionTopbar>
      {view && <CaseSummary view={view} showJoinCode={isHost} caseSlot={caseSlot} />}
    </header>
  );
}
