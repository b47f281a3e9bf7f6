import type { SessionView } from '@casusbord/shared';
import type { MouseEvent } from 'react';
import { useT } from '../../i18n';
import { beamerPath, boardPath } from '../../router';
import { CaseSummary } from '../CaseSummary';
import { LanguageSwitch } from '../LanguageSwitch';
import { Link } from '../Link';
import { SessionTopbar } from '../SessionTopbar';
import { HOST_SECTION_IDS } from './hostFormat';
import { HostStatus } from './HostStatus';

/** A window of its own (to drag onto the projector); a second click brings back the same one. */
function openBeamerWindow(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const opened = window.open(event.currentTarget.href, 'casusbord-beamer', 'popup=yes,width=1280,height=720');
  // A blocked pop-up falls back to the link's own new tab.
  if (opened) event.preventDefault();
}

/** Title, case, join code and the ways out of the host view (board, beamer), plus in-page navigation. */
export function HostHeader({
  sessionId,
  view,
  caseDay,
}: {
  sessionId: string;
  view: SessionView | null;
  caseDay: boolean;
}) {
  const t = useT();
  const sections = [
    ['tables', t.host.sections.tables],
    ['rounds', t.host.sections.rounds],
    ['settings', t.host.sections.settings],
    ...(caseDay ? [['caseDay', t.host.sections.caseDay]] : []),
    ['handover', t.host.sections.handover],
  ] as [keyof typeof HOST_SECTION_IDS, string][];

  return (
    <header className="host-header">
      <SessionTopbar
        view={view}
        badge={<span className="host-badge">{t.host.pageTitle}</span>}
        titleTestId="host-title"
      >
        <Link href={boardPath(sessionId)} className="button small" data-testid="open-board">
          {t.host.openBoard}
        </Link>
        <a
          href={beamerPath(sessionId)}
          target="_blank"
          rel="noopener"
          className="button small"
          aria-label={t.host.openBeamerLabel}
          data-testid="open-beamer"
          onClick={openBeamerWindow}
        >
          {t.host.openBeamer}
        </a>
        <HostStatus />
        <LanguageSwitch />
      </SessionTopbar>
      {view && <CaseSummary view={view} showJoinCode />}
      <nav className="host-nav" aria-label={t.host.navLabel}>
        {sections.map(([key, label]) => (
          <a key={key} href={`#${HOST_SECTION_IDS[key]}`}>
            {label}
          </a>
        ))}
      </nav>
    </header>
  );
}
