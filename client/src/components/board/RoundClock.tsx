import { clockFace, type RoundState } from '@casusbord/shared';
import { useMemo } from 'react';
import { useServerNow } from '../../hooks/useServerNow';
import { useT } from '../../i18n';
import type { Listener } from '../../stores/soundStore';
import { SoundToggle } from './SoundToggle';

/** The last minute starts here, ms: announced once to screen readers and tinted. */
const LAST_MINUTE_MS = 60_000;

/**
 * Time left on the server's clock (skew-corrected), ticking four times a second. After zero it
 * counts up ("+0:42") in its own colour with the words "time is up", so overtime never rests on
 * colour alone; the moment the time runs out the clock flashes (a CSS animation that starts with
 * the class). The sound (soft ticks in the last ten seconds, a tone at zero) is `who`'s own
 * choice: on for the facilitator, off for participants until they switch it on.
 */
export function RoundClock({ round, who }: { round: RoundState; who: Listener }) {
  const t = useT();
  const now = useServerNow(250);
  const face = clockFace(round, now);
  const { leftMs: left, overtime, running, text: clock } = face;
  const timeUp = running && left !== null && left <= 0;
  const lastMinute = running && left !== null && left > 0 && left <= LAST_MINUTE_MS;
  const rounds = useMemo(() => [round], [round]);

  if (left === null) return null;
  const classes = ['round-clock'];
  if (overtime) classes.push('overtime');
  if (timeUp) classes.push('time-up');
  if (lastMinute) classes.push('last-minute');
  if (face.lastSeconds) classes.push('last-seconds');
  if (!running) classes.push('stopped');

  return (
    <div className="round-clock-wrap">
      <div
        className={classes.join(' ')}
        role="timer"
        aria-label={overtime ? t.board.overtimeLabel(clock) : t.board.clockLabel(clock)}
        data-testid="round-clock"
        data-overtime={overtime ? 'true' : 'false'}
        data-time-up={timeUp ? 'true' : 'false'}
      >
        <span className="clock-digits">{clock}</span>
        {overtime && <span className="time-up-label">{running ? t.board.timeUp : t.host.overtime}</span>}
      </div>
      <SoundToggle who={who} rounds={rounds} t={t} />
      <span className="visually-hidden" role="status">
        {lastMinute ? t.board.announceOneMinute : ''}
      </span>
    </div>
  );
}
