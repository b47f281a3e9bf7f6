import { formatClock, timeLeftMs, type RoundState } from '@casusbord/shared';
import { useEffect, useRef } from 'react';
import { useServerNow } from '../../hooks/useServerNow';
import { useT } from '../../i18n';
import { BellIcon } from './icons';
import { useTimeUpTone } from './useTimeUpTone';

/** The last minute starts here, ms: announced once to screen readers and tinted. */
const LAST_MINUTE_MS = 60_000;

/**
 * Time left on the server's clock (skew-corrected), ticking four times a second. Overtime shows
 * as "-0:42" in its own style; the moment the time runs out the clock flashes (a CSS animation
 * that starts with the class) and, if the person switched it on, a tone sounds.
 */
export function RoundClock({ round }: { round: RoundState }) {
  const t = useT();
  const now = useServerNow(250);
  const left = timeLeftMs(round, now);
  const running = round.status === 'running';
  const overtime = left !== null && left < 0;
  const timeUp = running && left !== null && left <= 0;
  const lastMinute = running && left !== null && left > 0 && left <= LAST_MINUTE_MS;
  const tone = useTimeUpTone();
  const { play, enabled } = tone;

  // Sound only on the transition into time-up, not when the page opens in overtime.
  const wasUp = useRef(timeUp);
  useEffect(() => {
    if (timeUp && !wasUp.current && enabled) play();
    wasUp.current = timeUp;
  }, [timeUp, enabled, play]);

  if (left === null) return null;
  const clock = formatClock(left);
  const classes = ['round-clock'];
  if (overtime) classes.push('overtime');
  if (timeUp) classes.push('time-up');
  if (lastMinute) classes.push('last-minute');
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
        {timeUp && <span className="time-up-label">{t.board.timeUp}</span>}
      </div>
      <button
        type="button"
        className="button ghost small sound-toggle"
        aria-pressed={tone.enabled}
        title={t.board.soundHint}
        data-testid="sound-toggle"
        onClick={tone.toggle}
      >
        <BellIcon off={!tone.enabled} /> {t.board.sound}
      </button>
      <span className="visually-hidden" role="status">
        {lastMinute ? t.board.announceOneMinute : ''}
      </span>
    </div>
  );
}
