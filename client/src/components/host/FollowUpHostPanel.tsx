import { currentRound, type SessionState } from '@casusbord/shared';
import { useState } from 'react';
import { useT } from '../../i18n';
import { sendHost } from '../../net/activeHost';
import { LookBackPanel } from '../board/LookBackPanel';
import { useHostAction } from './useHostAction';
import '../../styles/followUp.css';

/** True while some table is in a running or paused analysis round. */
function inAnalysis(state: SessionState): boolean {
  return state.tables.some(
    (table) =>
      currentRound(table.round)?.kind === 'analysis' &&
      (table.round.status === 'running' || table.round.status === 'paused'),
  );
}

/**
 * Issue 9 on the host view: the open/close control of the lens deck (in analysis rounds, or
 * whenever it is open so it can be closed) and the look-back overview of a follow-up session,
 * which the host may fill in for the case holder.
 */
export function FollowUpHostPanel({ state }: { state: SessionState }) {
  const t = useT();
  const run = useHostAction();
  const [busy, setBusy] = useState(false);
  const showLenses = state.lensesOpen || inAnalysis(state);
  if (!showLenses && !state.followUp) return null;

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    const open = !state.lensesOpen;
    await run('host:lenses', { open }, open ? t.lenses.opened : t.lenses.closed);
    setBusy(false);
  };

  return (
    <>
      {state.followUp && (
        <LookBackPanel
          followUp={state.followUp}
          canEdit={!state.locked}
          send={(payload) => sendHost('followup:mark', payload)}
          describe={(error) => (error.code === 'unavailable' ? t.host.disconnected : error.message)}
          testId="host-lookback"
        />
      )}
      {showLenses && (
        <section className="host-section panel" aria-labelledby="host-lenses-heading" data-testid="host-lenses">
          <h2 id="host-lenses-heading">{t.lenses.hostHeading}</h2>
          <p className="muted">{t.lenses.hostIntro}</p>
          <div className="host-lenses">
            <button
              type="button"
              className={`button small${state.lensesOpen ? '' : ' primary'}`}
              aria-pressed={state.lensesOpen}
              aria-disabled={busy || undefined}
              data-testid="host-lenses-toggle"
              onClick={() => void toggle()}
            >
              {state.lensesOpen ? t.lenses.close : t.lenses.open}
            </button>
            <span className="hint" role="status">
              {state.lensesOpen ? t.lenses.isOpen : t.lenses.isClosed}
            </span>
          </div>
        </section>
      )}
    </>
  );
}
