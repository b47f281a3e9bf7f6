import { describe, expect, it } from 'vitest';
import {
  allowedCommands,
  applyCommand,
  applyRoundEdit,
  createRoundState,
  currentRound,
  hostCommandSchema,
  MAX_ROUNDS,
  methodRounds,
  roundEditSchema,
  timeLeftMs,
} from '@casusbord/shared';
import type { HostCommand, Round, RoundEdit, RoundState } from '@casusbord/shared';

const MIN = 60_000;
const T0 = 1_700_000_000_000;
// intervision-90: welcome 5 · introduction 10 · questions 15 · core-question 5 · analysis 25 · advice 15 · reaction 10 · closing 5
const idle = (): RoundState => createRoundState(methodRounds('intervision-90'));

function run(state: RoundState, command: HostCommand, now: number): RoundState {
  const result = applyCommand(state, command, now);
  if (!result.ok) throw new Error(`${command.type}: ${result.message}`);
  return result.state;
}
function edit(state: RoundState, change: RoundEdit, now = T0): RoundState {
  const result = applyRoundEdit(state, change, now);
  if (!result.ok) throw new Error(`${change.type}: ${result.message}`);
  return result.state;
}
/** Asserts the command is refused with invalid_command and the state is exactly as before. */
function refused(state: RoundState, command: HostCommand | RoundEdit, now = T0): void {
  const before = JSON.stringify(state);
  const isEdit = ['setMinutes', 'move', 'add', 'remove'].includes(command.type);
  const result = isEdit
    ? applyRoundEdit(state, command as RoundEdit, now)
    : applyCommand(state, command as HostCommand, now);
  expect(result.ok, `${command.type} should be refused`).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe('invalid_command');
    expect(result.message.length).toBeGreaterThan(0);
  }
  expect(JSON.stringify(state)).toBe(before);
}
const started = () => run(idle(), { type: 'start' }, T0);
const title = (s: RoundState) => currentRound(s)?.id;

describe('round machine: the clock', () => {
  it('starts idle with no clock; start runs the first round for its full time', () => {
    expect(idle()).toMatchObject({ status: 'idle', roundIndex: 0, endsAt: null, remainingMs: null });
    expect(started()).toMatchObject({ status: 'running', roundIndex: 0, endsAt: T0 + 5 * MIN, remainingMs: null });
  });

  it('start can begin at another round', () => {
    const s = run(idle(), { type: 'start', index: 2 }, T0);
    expect(title(s)).toBe('questions');
    expect(s.endsAt).toBe(T0 + 15 * MIN);
  });

  it('pause freezes the time left and resume continues from it', () => {
    const paused = run(started(), { type: 'pause' }, T0 + 2 * MIN);
    expect(paused).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 3 * MIN });
    const resumed = run(paused, { type: 'resume' }, T0 + 30 * MIN);
    expect(resumed).toMatchObject({ status: 'running', endsAt: T0 + 33 * MIN, remainingMs: null });
  });

  it('extend adds time to a running round (+1 and +5 minutes)', () => {
    const s = run(run(started(), { type: 'extend', ms: MIN }, T0 + MIN), { type: 'extend', ms: 5 * MIN }, T0 + MIN);
    expect(s.endsAt).toBe(T0 + 11 * MIN);
    expect(timeLeftMs(s, T0 + MIN)).toBe(10 * MIN);
  });

  it('extend while paused adds to the time left and keeps it paused', () => {
    const paused = run(started(), { type: 'pause' }, T0 + 4 * MIN);
    const s = run(paused, { type: 'extend', ms: 5 * MIN }, T0 + 10 * MIN);
    expect(s).toMatchObject({ status: 'paused', remainingMs: 6 * MIN, endsAt: null });
  });

  it('overtime is allowed; extend in overtime gives the extra time from now', () => {
    const s = started();
    expect(timeLeftMs(s, T0 + 8 * MIN)).toBe(-3 * MIN);
    const extended = run(s, { type: 'extend', ms: 5 * MIN }, T0 + 8 * MIN);
    expect(timeLeftMs(extended, T0 + 8 * MIN)).toBe(5 * MIN);
    const pausedOver = run(s, { type: 'pause' }, T0 + 8 * MIN);
    expect(pausedOver.remainingMs).toBe(-3 * MIN);
    expect(run(pausedOver, { type: 'extend', ms: MIN }, T0 + 9 * MIN).remainingMs).toBe(MIN);
  });

  it('does not change the state it was given', () => {
    const s = started();
    const copy = JSON.stringify(s);
    run(s, { type: 'next' }, T0 + MIN);
    run(s, { type: 'extend', ms: MIN }, T0 + MIN);
    edit(s, { type: 'setMinutes', index: 0, minutes: 9 });
    expect(JSON.stringify(s)).toBe(copy);
  });
});

describe('round machine: moving between rounds', () => {
  it('next from a running round runs the next round for its full time', () => {
    const s = run(started(), { type: 'next' }, T0 + 7 * MIN);
    expect(title(s)).toBe('introduction');
    expect(s).toMatchObject({ status: 'running', endsAt: T0 + 17 * MIN });
  });

  it('next from a paused round waits, paused, with the full time of the next round', () => {
    const paused = run(started(), { type: 'pause' }, T0 + MIN);
    const s = run(paused, { type: 'next' }, T0 + 2 * MIN);
    expect(s).toMatchObject({ status: 'paused', roundIndex: 1, remainingMs: 10 * MIN, endsAt: null });
  });

  it('walks through the whole intervision; next at the last round finishes the session', () => {
    let s = started();
    const seen = [title(s)];
    for (let i = 1; i < 8; i++) {
      s = run(s, { type: 'next' }, T0 + i * MIN);
      seen.push(title(s));
    }
    expect(seen).toEqual(idle().rounds.map((r) => r.id));
    s = run(s, { type: 'next' }, T0 + 9 * MIN);
    expect(s).toMatchObject({ status: 'finished', roundIndex: 7, endsAt: null, remainingMs: null });
    refused(s, { type: 'next' });
  });

  it('previous goes back to the earlier round with its full time', () => {
    const s = run(run(started(), { type: 'next' }, T0 + MIN), { type: 'previous' }, T0 + 2 * MIN);
    expect(s).toMatchObject({ roundIndex: 0, status: 'running', endsAt: T0 + 7 * MIN });
  });

  it('goto jumps to an earlier or later round, and to the current one to restart its time', () => {
    let s = run(started(), { type: 'goto', index: 5 }, T0 + MIN);
    expect(title(s)).toBe('advice');
    expect(s.endsAt).toBe(T0 + 16 * MIN);
    s = run(s, { type: 'goto', index: 2 }, T0 + 3 * MIN);
    expect(title(s)).toBe('questions');
    expect(timeLeftMs(s, T0 + 3 * MIN)).toBe(15 * MIN);
    s = run(s, { type: 'goto', index: 2 }, T0 + 10 * MIN);
    expect(timeLeftMs(s, T0 + 10 * MIN)).toBe(15 * MIN);
  });

  it('finish works from running, paused and idle; after finishing, previous or goto reopen paused', () => {
    const fromRunning = run(run(started(), { type: 'goto', index: 3 }, T0), { type: 'finish' }, T0 + MIN);
    expect(fromRunning).toMatchObject({ status: 'finished', roundIndex: 3 });
    expect(run(run(started(), { type: 'pause' }, T0), { type: 'finish' }, T0).status).toBe('finished');
    expect(run(idle(), { type: 'finish' }, T0).status).toBe('finished');
    const reopened = run(fromRunning, { type: 'previous' }, T0 + 2 * MIN);
    expect(reopened).toMatchObject({ status: 'paused', roundIndex: 3, remainingMs: 5 * MIN });
    expect(run(fromRunning, { type: 'goto', index: 6 }, T0).remainingMs).toBe(10 * MIN);
  });
});

describe('round machine: invalid commands are refused and change nothing', () => {
  it('refuses commands that do not fit the status', () => {
    const paused = run(started(), { type: 'pause' }, T0 + MIN);
    const finished = run(started(), { type: 'finish' }, T0 + MIN);
    for (const type of ['pause', 'resume', 'next', 'previous'] as const) refused(idle(), { type });
    refused(idle(), { type: 'extend', ms: MIN });
    refused(idle(), { type: 'goto', index: 1 });
    refused(started(), { type: 'start' });
    refused(started(), { type: 'resume' });
    refused(paused, { type: 'pause' });
    refused(paused, { type: 'start' });
    refused(finished, { type: 'finish' });
    refused(finished, { type: 'extend', ms: MIN });
    refused(finished, { type: 'start' });
  });

  it('refuses out-of-range rounds and bad extensions', () => {
    refused(started(), { type: 'previous' });
    for (const index of [-1, 8, 1.5]) refused(started(), { type: 'goto', index });
    refused(idle(), { type: 'start', index: 8 });
    for (const ms of [0, -MIN, 61 * MIN, 0.5]) refused(started(), { type: 'extend', ms });
    refused(createRoundState([]), { type: 'start' });
    expect(applyCommand(started(), { type: 'next' }, Number.NaN).ok).toBe(false);
  });

  it('offers the host only the buttons that work', () => {
    expect(allowedCommands(idle())).toEqual(['start', 'finish']);
    expect(allowedCommands(started())).toEqual(['pause', 'extend', 'next', 'goto', 'finish']);
    const paused = run(run(started(), { type: 'next' }, T0), { type: 'pause' }, T0);
    expect(allowedCommands(paused)).toEqual(['resume', 'extend', 'next', 'previous', 'goto', 'finish']);
    expect(allowedCommands(run(started(), { type: 'finish' }, T0))).toEqual(['previous', 'goto']);
  });
});

describe('round machine: editing rounds', () => {
  it('lengthening the running round adds the difference to its end; the time spent still counts', () => {
    const s = run(started(), { type: 'goto', index: 2 }, T0); // questions, 15 min, ends T0+15
    const longer = edit(s, { type: 'setMinutes', index: 2, minutes: 20 });
    expect(longer.endsAt).toBe(T0 + 20 * MIN);
    expect(currentRound(longer)?.minutes).toBe(20);
    // 12 minutes in, shortened to 10: two minutes overtime.
    const shorter = edit(s, { type: 'setMinutes', index: 2, minutes: 10 });
    expect(timeLeftMs(shorter, T0 + 12 * MIN)).toBe(-2 * MIN);
  });

  it('changing the paused round changes its time left; other rounds leave the clock alone', () => {
    const paused = run(started(), { type: 'pause' }, T0 + MIN); // 4 min left of 5
    expect(edit(paused, { type: 'setMinutes', index: 0, minutes: 8 }).remainingMs).toBe(7 * MIN);
    const other = edit(started(), { type: 'setMinutes', index: 4, minutes: 30 });
    expect(other.endsAt).toBe(T0 + 5 * MIN);
    expect(other.rounds[4]?.minutes).toBe(30);
    expect(timeLeftMs(edit(idle(), { type: 'setMinutes', index: 0, minutes: 3 }), T0)).toBe(3 * MIN);
  });

  it('refuses durations of zero, below zero, over 240 minutes, and unknown rounds', () => {
    for (const minutes of [0, -5, 241, Number.NaN]) refused(started(), { type: 'setMinutes', index: 0, minutes });
    refused(started(), { type: 'setMinutes', index: 8, minutes: 5 });
    expect(edit(started(), { type: 'setMinutes', index: 0, minutes: 240 }).rounds[0]?.minutes).toBe(240);
  });

  it('moving rounds keeps the current round current', () => {
    const s = run(started(), { type: 'goto', index: 2 }, T0); // questions
    const movedCurrent = edit(s, { type: 'move', from: 2, to: 6 });
    expect(movedCurrent.roundIndex).toBe(6);
    expect(title(movedCurrent)).toBe('questions');
    expect(movedCurrent.endsAt).toBe(s.endsAt);
    const movedAround = edit(s, { type: 'move', from: 0, to: 7 });
    expect(title(movedAround)).toBe('questions');
    expect(movedAround.rounds.at(-1)?.id).toBe('welcome');
    refused(s, { type: 'move', from: 0, to: 8 });
  });

  it('before the start, the round moved or added to the top is where start begins', () => {
    const moved = edit(idle(), { type: 'move', from: 2, to: 0 });
    expect(title(moved)).toBe('questions');
    const extra: Round = { ...methodRounds('custom')[0]!, id: 'warm-up', minutes: 3 };
    const added = edit(idle(), { type: 'add', round: extra, at: 0 });
    expect(title(run(added, { type: 'start' }, T0))).toBe('warm-up');
  });

  it('adding a round before the current one keeps it current; default at the end; at most MAX_ROUNDS', () => {
    const s = run(started(), { type: 'goto', index: 3 }, T0);
    const extra: Round = { ...methodRounds('custom')[0]!, id: 'energiser', minutes: 2 };
    const added = edit(s, { type: 'add', round: extra, at: 1 });
    expect(added.roundIndex).toBe(4);
    expect(title(added)).toBe('core-question');
    expect(edit(s, { type: 'add', round: extra }).rounds.at(-1)?.id).toBe('energiser');
    refused(s, { type: 'add', round: { ...extra, id: 'welcome' }, at: 0 });
    refused(s, { type: 'add', round: extra, at: 9 });
    refused(s, { type: 'add', round: { ...extra, minutes: 0 } });
    let full = idle();
    for (let i = full.rounds.length; i < MAX_ROUNDS; i++)
      full = edit(full, { type: 'add', round: { ...extra, id: `r${i}` } });
    refused(full, { type: 'add', round: extra });
  });

  it('removing rounds keeps the current round; the running round itself cannot be removed', () => {
    const s = run(started(), { type: 'goto', index: 3 }, T0);
    const removed = edit(s, { type: 'remove', index: 1 });
    expect(removed.roundIndex).toBe(2);
    expect(title(removed)).toBe('core-question');
    expect(edit(s, { type: 'remove', index: 6 }).roundIndex).toBe(3);
    refused(s, { type: 'remove', index: 3 });
    refused(run(s, { type: 'pause' }, T0), { type: 'remove', index: 3 });
    refused(createRoundState(methodRounds('intervision-90').slice(0, 1)), { type: 'remove', index: 0 });
    const finished = run(run(started(), { type: 'goto', index: 7 }, T0), { type: 'finish' }, T0);
    expect(edit(finished, { type: 'remove', index: 7 }).roundIndex).toBe(6);
  });
});

describe('hostCommandSchema and roundEditSchema', () => {
  it('accept the documented host:command payloads, for one table or all', () => {
    for (const payload of [
      { type: 'start' },
      { type: 'pause', groupId: 'g1' },
      { type: 'extend', ms: 5 * MIN },
      { type: 'goto', index: 0, groupId: 'g2' },
      { type: 'finish' },
    ]) {
      expect(hostCommandSchema.safeParse(payload).success, JSON.stringify(payload)).toBe(true);
    }
  });

  it('reject malformed payloads', () => {
    for (const payload of [
      { type: 'explode' },
      { type: 'extend' },
      { type: 'extend', ms: 'a lot' },
      { type: 'extend', ms: 2 * 60 * MIN },
      { type: 'goto' },
      { type: 'goto', index: -1 },
      { type: 'pause', admin: true },
      null,
    ]) {
      expect(hostCommandSchema.safeParse(payload).success, JSON.stringify(payload)).toBe(false);
    }
  });

  it('validates round edits', () => {
    expect(roundEditSchema.safeParse({ type: 'setMinutes', index: 1, minutes: 12 }).success).toBe(true);
    expect(roundEditSchema.safeParse({ type: 'setMinutes', index: 1, minutes: 0 }).success).toBe(false);
    expect(roundEditSchema.safeParse({ type: 'move', from: 0, to: 2 }).success).toBe(true);
    expect(roundEditSchema.safeParse({ type: 'add', round: methodRounds('custom')[0] }).success).toBe(true);
    expect(roundEditSchema.safeParse({ type: 'add', round: { id: 'x' } }).success).toBe(false);
  });
});
