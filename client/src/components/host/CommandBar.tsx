import type { HostCommand, HostCommandType, Locale, Round } from '@casusbord/shared';
import { useRef, useState } from 'react';
import { useT } from '../../i18n';
import { roundTitle } from './hostFormat';
import { useHostAction } from './useHostAction';

interface Props {
  /** Shown in labels and toasts: a table's name or "all tables". */
  target: string;
  /** Absent: the command goes to every table. */
  groupId?: string;
  allowed: readonly HostCommandType[];
  /** The rounds offered by "go to" (the first table's for "all tables"). */
  rounds: readonly Round[];
  roundIndex: number;
  locale: Locale;
  testId: string;
}

const MINUTE_MS = 60_000;

/**
 * The clock controls for one table or all: only the commands the round machine allows now
 * (allowedCommands), each acknowledged by the server. While an answer is pending the bar
 * ignores clicks instead of disabling buttons, so keyboard focus is never thrown away.
 */
export function CommandBar({ target, groupId, allowed, rounds, roundIndex, locale, testId }: Props) {
  const t = useT();
  const run = useHostAction();
  const [busy, setBusy] = useState(false);
  const [gotoChoice, setGotoChoice] = useState<number | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const can = (type: HostCommandType) => allowed.includes(type);
  const withGroup = groupId === undefined ? {} : { groupId };

  const send = async (command: HostCommand, what: string) => {
    if (busy) return;
    const hadFocus = barRef.current?.contains(document.activeElement) ?? false;
    setBusy(true);
    await run('host:command', { ...command, ...withGroup }, t.host.doneToast(what, target));
    setBusy(false);
    // The pressed button may be gone now (start → pause); keep the keyboard user in the bar.
    if (hadFocus && barRef.current && !barRef.current.contains(document.activeElement)) {
      barRef.current.querySelector<HTMLElement>('button, select')?.focus();
    }
  };

  /** `key` names the button for tests: start, pause, extend-5, start-at, goto… */
  const button = (key: string, label: string, command: HostCommand, done: string, primary = false) => (
    <button
      type="button"
      className={`button small${primary ? ' primary' : ''}`}
      aria-label={t.host.cmdLabel(label, target)}
      aria-disabled={busy || undefined}
      data-testid={`${testId}-${key}`}
      onClick={() => void send(command, done)}
    >
      {label}
    </button>
  );

  const idle = can('start');
  const gotoIndex = Math.min(gotoChoice ?? roundIndex, Math.max(rounds.length - 1, 0));
  const showGoto = rounds.length > 0 && (idle || can('goto'));

  return (
    <div className="command-bar" role="group" aria-label={t.host.commandsFor(target)} ref={barRef} data-testid={testId}>
      {can('start') && button('start', t.host.cmd.start, { type: 'start' }, t.host.cmdDone.start, true)}
      {can('pause') && button('pause', t.host.cmd.pause, { type: 'pause' }, t.host.cmdDone.pause)}
      {can('resume') && button('resume', t.host.cmd.resume, { type: 'resume' }, t.host.cmdDone.resume, true)}
      {can('extend') &&
        button('extend-1', t.host.cmd.extend1, { type: 'extend', ms: MINUTE_MS }, t.host.cmdDone.extend)}
      {can('extend') &&
        button('extend-5', t.host.cmd.extend5, { type: 'extend', ms: 5 * MINUTE_MS }, t.host.cmdDone.extend)}
      {can('previous') && button('previous', t.host.cmd.previous, { type: 'previous' }, t.host.cmdDone.previous)}
      {can('next') && button('next', t.host.cmd.next, { type: 'next' }, t.host.cmdDone.next, !can('resume'))}
      {showGoto && (
        <span className="goto">
          <select
            aria-label={t.host.gotoLabel(target)}
            data-testid={`${testId}-goto-select`}
            value={gotoIndex}
            onChange={(e) => setGotoChoice(Number(e.target.value))}
          >
            {rounds.map((round, i) => (
              <option key={round.id} value={i}>
                {i + 1}. {roundTitle(round, locale)}
              </option>
            ))}
          </select>
          {idle
            ? button('start-at', t.host.cmd.startAt, { type: 'start', index: gotoIndex }, t.host.cmdDone.start)
            : button('goto', t.host.cmd.goto, { type: 'goto', index: gotoIndex }, t.host.cmdDone.goto)}
        </span>
      )}
      {can('finish') && button('finish', t.host.cmd.finish, { type: 'finish' }, t.host.cmdDone.finish)}
    </div>
  );
}
