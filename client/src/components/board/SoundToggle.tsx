import type { RoundState } from '@casusbord/shared';
import type { Messages } from '../../i18n';
import type { Listener } from '../../stores/soundStore';
import { BellIcon } from './icons';
import { useClockCues, useTimeUpTone } from './useTimeUpTone';
import '../../styles/cockpit.css';

/**
 * The clock's sound on one screen: the on/off toggle for this person and the cues of `rounds`
 * (a tick in the last ten seconds, a tone at zero). One per page, so several clocks sound once.
 */
export function SoundToggle({
  who,
  rounds,
  t,
  className = 'button ghost small sound-toggle',
}: {
  who: Listener;
  rounds: readonly RoundState[];
  t: Messages;
  className?: string;
}) {
  const { enabled, toggle, play } = useTimeUpTone(who);
  useClockCues(rounds, play);
  return (
    <button
      type="button"
      className={className}
      aria-pressed={enabled}
      title={t.board.soundHint}
      data-testid="sound-toggle"
      onClick={toggle}
    >
      <BellIcon off={!enabled} /> {t.board.sound}
    </button>
  );
}
