import { PLENARY_GROUP_ID, waitsForClock, type SessionState, type SessionView } from '@casusbord/shared';
import { useMemo } from 'react';
import { useT } from '../../i18n';
import { SoundToggle } from '../board/SoundToggle';
import { useHostAction } from './useHostAction';

/**
 * "Deze ronde loopt zonder klok": the tables whose round was opened (go to, next) while the clock
 * stood still, with one button that starts their clocks. A notice, not a dialog: the host may
 * also mean the pause.
 */
function ClockPrompt({ state }: { state: SessionState }) {
  const t = useT();
  const run = useHostAction();
  const waiting = state.tables.filter((table) => waitsForClock(table.round));
  if (waiting.length === 0) return null;
  const start = () =>
    void Promise.all(
      waiting.map((table) => run('host:command', { type: 'resume', groupId: table.id }, t.cockpit.clockStarted)),
    );
  return (
    <div className="notice cockpit-prompt" role="status" data-testid="clock-prompt">
      <p>
        {t.cockpit.noClock}
        {state.tables.length > 1 && <> · {t.cockpit.noClockAt(waiting.map((table) => table.name).join(', '))}</>}
      </p>
      <button type="button" className="button small primary" data-testid="clock-prompt-start" onClick={start}>
        {t.cockpit.startClock}
      </button>
    </div>
  );
}

/** Where the host brought everyone (case day), with the way to let them go. */
function FocusStatus({ state }: { state: SessionState }) {
  const t = useT();
  const run = useHostAction();
  const { focus } = state;
  if (!focus) return null;
  const board =
    focus.groupId === PLENARY_GROUP_ID
      ? t.cockpit.plenaryBoard
      : (state.tables.find((table) => table.id === focus.groupId)?.name ?? focus.groupId);
  return (
    <div className="notice cockpit-focus" role="status" data-testid="focus-status">
      <p>{t.cockpit.focusAt(board)}</p>
      <button
        type="button"
        className="button small"
        data-testid="focus-release"
        onClick={() => void run('host:focus', { action: 'release' }, t.cockpit.released)}
      >
        {t.cockpit.release}
      </button>
    </div>
  );
}

/** The top of the cockpit: the clock's sound, who this facilitator is, and what wants attention now. */
export function CockpitBar({ state, view }: { state: SessionState; view: SessionView | null }) {
  const t = useT();
  const rounds = useMemo(() => state.tables.map((table) => table.round), [state.tables]);
  return (
    <div className="cockpit-bar" data-testid="cockpit-bar">
      <div className="cockpit-row">
        <SoundToggle who="facilitator" rounds={rounds} t={t} />
        {view?.you.cohost && (
          <p className="cockpit-cohost" data-testid="cohost-badge">
            <span className="host-badge">{t.cockpit.cohostBadge}</span> {t.cockpit.cohostYou}
          </p>
        )}
      </div>
      <ClockPrompt state={state} />
      <FocusStatus state={state} />
    </div>
  );
}
