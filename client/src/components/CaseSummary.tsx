import type { SessionView } from '@casusbord/shared';
import type { ReactNode } from 'react';
import { joinLinkFor } from '../config';
import { useT } from '../i18n';
import { JoinCodePanel } from './JoinCodePanel';

/**
 * Under the header of the board and the host view: the core question and the case holder
 * (or `caseSlot`, e.g. the co-edited core question), with the join code for the host.
 */
export function CaseSummary({
  view,
  showJoinCode,
  caseSlot,
}: {
  view: SessionView;
  showJoinCode: boolean;
  caseSlot?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="case-summary">
      {caseSlot ?? (
        <div className="case-question">
          <div className="label">{t.kernvraag}</div>
          <p>{view.question}</p>
          {view.caseHolderName && (
            <div className="muted small">
              {t.caseHolder}: {view.caseHolderName}
            </div>
          )}
        </div>
      )}
      {showJoinCode && view.joinCode && (
        <JoinCodePanel code={view.joinCode} link={joinLinkFor(view.joinCode, view.joinUrl)} />
      )}
    </div>
  );
}
