import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  correctedNow,
  createRoundState,
  elapsedFraction,
  formatClock,
  isOvertime,
  methodRounds,
  skewMs,
  timeLeftMs,
} from '@casusbord/shared';
import type { HostCommand, RoundState } from '@casusbord/shared';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

function run(state: RoundState, command: HostCommand, now: number): RoundState {
  const result = applyCommand(state, command, now);
  if (!result.ok) throw new Error(result.message);
  return result.state;
}

describe('formatClock', () => {
  it('shows minutes and seconds', () => {
    expect(formatClock(12 * MIN + 5_000)).toBe('12:05');
    expect(formatClock(90 * MIN)).toBe('90:00');
    expect(formatClock(9_000)).toBe('0:09');
  });

  it('shows overtime with a minus sign', () => {
    expect(formatClock(-42_000)).toBe('+0:42');
    expect(formatClock(-(3 * MIN + 7_000))).toBe('+3:07');
  });

  it('counts like a kitchen timer: the last fraction shows 0:01, 0:00 only at the end', () => {
    expect(formatClock(300)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-300)).toBe('+0:01');
    expect(formatClock(15 * MIN)).toBe('15:00');
    expect(formatClock(15 * MIN - 1)).toBe('15:00');
    expect(formatClock(15 * MIN - 1_000)).toBe('14:59');
  });

  it('shows dashes when there is no clock', () => {
    expect(formatClock(null)).toBe('--:--');
    expect(formatClock(Number.NaN)).toBe('--:--');
  });
});

describe('timeLeftMs and isOvertime', () => {
  const idle = createRoundState(methodRounds('intervision-90'));

  it('before the start shows the full time of the first round', () => {
    expect(timeLeftMs(idle, T0)).toBe(5 * MIN);
    expect(isOvertime(idle, T0)).toBe(false);
  });

  it('counts down while running, and goes negative in overtime', () => {
    const running = run(idle, { type: 'start' }, T0);
    expect(timeLeftMs(running, T0 + MIN)).toBe(4 * MIN);
    expect(timeLeftMs(running, T0 + 5 * MIN)).toBe(0);
    expect(isOvertime(running, T0 + 5 * MIN)).toBe(false);
    expect(timeLeftMs(running, T0 + 6 * MIN)).toBe(-MIN);
    expect(isOvertime(running, T0 + 6 * MIN)).toBe(true);
    expect(formatClock(timeLeftMs(running, T0 + 6 * MIN))).toBe('+1:00');
  });

  it('stands still while paused, whatever the time', () => {
    const paused = run(run(idle, { type: 'start' }, T0), { type: 'pause' }, T0 + 2 * MIN);
    expect(timeLeftMs(paused, T0 + 2 * MIN)).toBe(3 * MIN);
    expect(timeLeftMs(paused, T0 + 60 * MIN)).toBe(3 * MIN);
    expect(isOvertime(paused, T0 + 60 * MIN)).toBe(false);
  });

  it('stays in overtime when paused in overtime', () => {
    const paused = run(run(idle, { type: 'start' }, T0), { type: 'pause' }, T0 + 7 * MIN);
    expect(timeLeftMs(paused, T0 + 99 * MIN)).toBe(-2 * MIN);
    expect(isOvertime(paused, T0 + 99 * MIN)).toBe(true);
  });

  it('has no clock once finished', () => {
    const finished = run(run(idle, { type: 'start' }, T0), { type: 'finish' }, T0 + MIN);
    expect(timeLeftMs(finished, T0 + MIN)).toBeNull();
    expect(isOvertime(finished, T0 + 99 * MIN)).toBe(false);
    expect(formatClock(timeLeftMs(finished, T0))).toBe('--:--');
  });

  it('reports the share of time used for a progress bar', () => {
    const running = run(idle, { type: 'start' }, T0);
    expect(elapsedFraction(idle, T0)).toBe(0);
    expect(elapsedFraction(running, T0 + 2.5 * MIN)).toBeCloseTo(0.5);
    expect(elapsedFraction(running, T0 + 9 * MIN)).toBe(1);
  });
});

describe('clock skew', () => {
  it('a client whose clock is behind shows the same time left as the server', () => {
    const state = run(createRoundState(methodRounds('intervision-90')), { type: 'start' }, T0);
    const serverNow = T0 + MIN;
    const clientNow = serverNow - 7_000; // client clock 7 s behind
    const skew = skewMs(serverNow, clientNow);
    expect(skew).toBe(7_000);
    // Ten seconds later on both clocks.
    expect(timeLeftMs(state, correctedNow(clientNow + 10_000, skew))).toBe(timeLeftMs(state, serverNow + 10_000));
  });

  it('a client whose clock is ahead gets a negative skew', () => {
    expect(skewMs(T0, T0 + 3_000)).toBe(-3_000);
    expect(correctedNow(T0 + 3_000, -3_000)).toBe(T0);
  });

  it('accounts for half the round trip when it is known', () => {
    // Sent at server T0, underway ~100 ms, received when the (synchronous) client clock reads T0 + 100.
    expect(skewMs(T0, T0 + 100, 200)).toBe(0);
  });
});
