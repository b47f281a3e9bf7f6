import { formatClock, isOvertime, timeLeftMs, type RoundState } from '@casusbord/shared';
import { useServerNow } from '../../hooks/useServerNow';
import type { Messages } from '../../i18n';

/**
 * Time left in a table's round on the server's clock. Its own component so only the digits
 * re-render four times a second, not the table card or the beamer around it.
 */
export function RoundClock({
  round,
  className,
  testId,
  t,
}: {
  round: RoundState;
  className: string;
  testId: string;
  /** The texts of the room: the host's own language, or the session's on the beamer. */
  t: Messages;
}) {
  // Accessible name "Tijd over"; in overtime "Uitloop" is said and shown beside the digits.
  const { timeLeft: label, overtime: overtimeLabel } = t.host;
  const now = useServerNow(250);
  const left = timeLeftMs(round, now);
  const over = isOvertime(round, now);
  return (
    <div
      className={`${className}${over ? ' overtime' : ''}${round.status === 'paused' ? ' paused' : ''}`}
      data-testid={testId}
      data-overtime={over}
      role="timer"
      aria-label={over ? `${label}: ${overtimeLabel}` : label}
    >
      <span className="host-clock-digits">{formatClock(left)}</span>
      {over && <span className="host-clock-overtime">{overtimeLabel}</span>}
    </div>
  );
}
