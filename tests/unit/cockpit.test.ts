import { describe, expect, it } from 'vitest';
import {
  HOST_ONLY_ACTIONS,
  MAX_ACTIVE_COHOSTS,
  MOVE_ON_GRACE_MS,
  addCohost,
  applyCommand,
  applyRoundEdit,
  clockCue,
  clockFace,
  createRoundState,
  facilitatorMay,
  focusGrantsRead,
  focusOnPlenary,
  focusView,
  formatClock,
  hostFocusPayload,
  isActiveCohost,
  liveFocus,
  methodRounds,
  moveOnAt,
  moveOnIfDue,
  nextMoveOn,
  planFocus,
  revokeCohost,
  roundEditSchema,
  visitedBoard,
  waitsForClock,
  type CohostEntry,
  type HostCommand,
  type RoundState,
} from '@casusbord/shared';
import { createSoundStore, storedSound } from '../../client/src/stores/soundStore';
import { T0 } from '../helpers/sessionState';

const MIN = 60_000;

function run(state: RoundState, command: HostCommand, now: number): RoundState {
  const result = applyCommand(state, command, now);
  if (!result.ok) throw new Error(result.message);
  return result.state;
}

/** intervision-90, started at T0 (welcome, 5 minutes), with "move on at zero" set on round `i` when given. */
function running(moveOn: number[] = []): RoundState {
  let state = createRoundState(methodRounds('intervision-90'));
  for (const index of moveOn) {
    const result = applyRoundEdit(state, { type: 'setMoveOnAtZero', index, on: true }, T0);
    if (!result.ok) throw new Error(result.message);
    state = result.state;
  }
  return run(state, { type: 'start' }, T0);
}

describe('move on at zero', () => {
  it('is off by default: a round at zero goes on in overtime and the server has nothing to do', () => {
    const state = running();
    expect(moveOnAt(state)).toBeNull();
    expect(moveOnIfDue(state, T0 + 6 * MIN)).toBeNull();
    expect(clockFace(state, T0 + 6 * MIN).overtime).toBe(true);
  });

  it('moves on at the exact zero: the next round runs with its full time from the end of the last', () => {
    const state = running([0]);
    expect(moveOnAt(state)).toBe(T0 + 5 * MIN);
    expect(moveOnIfDue(state, T0 + 5 * MIN - 1)).toBeNull();
    // A timer that fires a little late still starts the next round at the zero, as every screen saw it.
    const next = moveOnIfDue(state, T0 + 5 * MIN + 300)!;
    expect(next).toMatchObject({ status: 'running', roundIndex: 1, endsAt: T0 + 5 * MIN + 10 * MIN });
    // The next round has no move-on of its own: nothing more to plan.
    expect(moveOnAt(next)).toBeNull();
  });

  it('starts the next round when the server moves on, if that is long after the zero (a restart, switched on in overtime)', () => {
    const state = running([0]);
    const late = T0 + 5 * MIN + MOVE_ON_GRACE_MS + 1;
    expect(moveOnIfDue(state, late)).toMatchObject({ roundIndex: 1, endsAt: late + 10 * MIN });
  });

  it('does nothing while paused, and counts extensions: the zero moves with the clock', () => {
    const paused = run(running([0]), { type: 'pause' }, T0 + MIN);
    expect(moveOnAt(paused)).toBeNull();
    expect(moveOnIfDue(paused, T0 + 60 * MIN)).toBeNull();
    const extended = run(running([0]), { type: 'extend', ms: 2 * MIN }, T0 + MIN);
    expect(moveOnAt(extended)).toBe(T0 + 7 * MIN);
    expect(moveOnIfDue(extended, T0 + 6 * MIN)).toBeNull();
  });

  it('finishes the session after the last round, like the host’s "next" there', () => {
    const rounds = methodRounds('intervision-90');
    const last = rounds.length - 1;
    const state = run(running([last]), { type: 'goto', index: last }, T0);
    expect(moveOnIfDue(state, T0 + 5 * MIN)?.status).toBe('finished');
  });

  it('plans for the earliest of several tables', () => {
    const a = running([0]);
    const b = run(running([0]), { type: 'extend', ms: MIN }, T0);
    expect(nextMoveOn([b, a, running()])).toBe(T0 + 5 * MIN);
    expect(nextMoveOn([running()])).toBeNull();
  });

  it('is an edit of the round list, validated like the others', () => {
    expect(roundEditSchema.safeParse({ type: 'setMoveOnAtZero', index: 2, on: true }).success).toBe(true);
    expect(roundEditSchema.safeParse({ type: 'setMoveOnAtZero', index: 2, on: 'yes' }).success).toBe(false);
    expect(roundEditSchema.safeParse({ type: 'setMoveOnAtZero', index: -1, on: true }).success).toBe(false);
    const state = running();
    const off = applyRoundEdit(state, { type: 'setMoveOnAtZero', index: 99, on: true }, T0);
    expect(off.ok).toBe(false);
    const on = applyRoundEdit(state, { type: 'setMoveOnAtZero', index: 0, on: true }, T0);
    expect(on.ok && on.state.rounds[0]!.moveOnAtZero).toBe(true);
    // The template the session copied is untouched.
    expect(methodRounds('intervision-90')[0]!.moveOnAtZero).toBeUndefined();
  });
});

describe('overtime on the clock', () => {
  it('counts up after zero with a plus sign', () => {
    expect(formatClock(-42_000)).toBe('+0:42');
    expect(formatClock(-(3 * MIN + 7_000))).toBe('+3:07');
    expect(formatClock(-300)).toBe('+0:01');
    expect(formatClock(0)).toBe('0:00');
  });

  it('says how far over the time is, running or paused', () => {
    const state = running();
    expect(clockFace(state, T0 + 5 * MIN + 42_000)).toMatchObject({
      text: '+0:42',
      overtime: true,
      overtimeMs: 42_000,
      lastSeconds: false,
    });
    const paused = run(state, { type: 'pause' }, T0 + 6 * MIN);
    expect(clockFace(paused, T0 + 60 * MIN)).toMatchObject({ text: '+1:00', overtime: true, running: false });
    expect(clockFace(state, T0 + 5 * MIN)).toMatchObject({ text: '0:00', overtime: false, overtimeMs: 0 });
  });

  it('marks the last ten seconds of a running clock only', () => {
    const state = running();
    expect(clockFace(state, T0 + 5 * MIN - 10_000).lastSeconds).toBe(true);
    expect(clockFace(state, T0 + 5 * MIN - 10_001).lastSeconds).toBe(false);
    expect(clockFace(run(state, { type: 'pause' }, T0 + 5 * MIN - 5_000), T0).lastSeconds).toBe(false);
  });
});

describe('clock sounds', () => {
  it('ticks once per second in the last ten and sounds the tone at zero', () => {
    const cues: string[] = [];
    // A clock read four times a second, from 12 s left to 2 s over.
    for (let left = 12_000; left > -2_000; left -= 250) {
      const cue = clockCue(left, left - 250);
      if (cue) cues.push(cue);
    }
    expect(cues.filter((c) => c === 'tick')).toHaveLength(10);
    expect(cues.filter((c) => c === 'zero')).toHaveLength(1);
    expect(cues.at(-1)).toBe('zero');
  });

  it('stays silent for jumps: opening a page in overtime, an extension, the next round', () => {
    expect(clockCue(null, -5_000)).toBeNull();
    expect(clockCue(-5_000, -5_250)).toBeNull();
    expect(clockCue(3_000, 63_000)).toBeNull();
    expect(clockCue(30_000, 5_000)).toBeNull();
    expect(clockCue(50_000, 49_750)).toBeNull();
  });
});

describe('a round opened without its clock', () => {
  it('is a paused round with its full time, after go to or next from a paused clock', () => {
    const paused = run(running(), { type: 'pause' }, T0 + MIN);
    expect(waitsForClock(paused)).toBe(false);
    const opened = run(paused, { type: 'next' }, T0 + 2 * MIN);
    expect(waitsForClock(opened)).toBe(true);
    expect(waitsForClock(run(opened, { type: 'resume' }, T0 + 3 * MIN))).toBe(false);
    expect(waitsForClock(run(paused, { type: 'goto', index: 4 }, T0 + 2 * MIN))).toBe(true);
    expect(waitsForClock(createRoundState(methodRounds('intervision-90')))).toBe(false);
    // From a running clock the next round runs at once.
    expect(waitsForClock(run(running(), { type: 'next' }, T0 + MIN))).toBe(false);
  });
});

describe('co-host rights', () => {
  const entry = (id: string, revokedAt: number | null = null): CohostEntry => ({ id, createdAt: T0, revokedAt });

  it('gives a co-host every host right except managing co-host links and deleting the session', () => {
    for (const action of ['host:command', 'host:rounds', 'host:focus', 'host:reveal', 'session:handover']) {
      expect(facilitatorMay('cohost', action)).toBe(true);
      expect(facilitatorMay('host', action)).toBe(true);
    }
    for (const action of HOST_ONLY_ACTIONS) {
      expect(facilitatorMay('cohost', action)).toBe(false);
      expect(facilitatorMay('host', action)).toBe(true);
    }
  });

  it('opens a link until it is revoked; revoking twice is no error and changes nothing', () => {
    const made = addCohost(undefined, entry('c1'));
    expect(made.ok).toBe(true);
    const list = made.ok ? made.list : [];
    expect(isActiveCohost(list, 'c1')).toBe(true);
    expect(isActiveCohost(list, 'c2')).toBe(false);
    const revoked = revokeCohost(list, 'c1', T0 + MIN);
    expect(revoked).toMatchObject({ ok: true, changed: true });
    const after = revoked.ok ? revoked.list : [];
    expect(after[0]).toEqual({ id: 'c1', createdAt: T0, revokedAt: T0 + MIN });
    expect(isActiveCohost(after, 'c1')).toBe(false);
    expect(revokeCohost(after, 'c1', T0 + 2 * MIN)).toMatchObject({ ok: true, changed: false });
    expect(revokeCohost(after, 'nobody', T0)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('bounds the links at once, and a revoked one frees its place', () => {
    let list: CohostEntry[] = [];
    for (let i = 0; i < MAX_ACTIVE_COHOSTS; i++) {
      const r = addCohost(list, entry(`c${i}`));
      if (!r.ok) throw new Error(r.message);
      list = r.list;
    }
    expect(addCohost(list, entry('one-more'))).toMatchObject({ ok: false, code: 'conflict' });
    const r = revokeCohost(list, 'c0', T0);
    expect(r.ok && addCohost(r.list, entry('one-more')).ok).toBe(true);
  });
});

describe('bring everyone here', () => {
  const groups = [{ id: 't1' }, { id: 't2' }];
  const caseDay = { caseDay: true, groups };

  it('brings everyone to a table or the plenary board of a case day, numbering each bring', () => {
    const first = planFocus(
      caseDay,
      hostFocusPayload.parse({ action: 'bring', groupId: 't2', scrollY: 0.5 }),
      null,
      T0,
    );
    expect(first).toEqual({ ok: true, focus: { id: 1, groupId: 't2', scrollX: 0, scrollY: 0.5, columns: {}, at: T0 } });
    const scrolled = hostFocusPayload.parse({ action: 'bring', groupId: 't1', columns: { advice: 0.8 } });
    expect(planFocus(caseDay, scrolled, null, T0)).toMatchObject({ ok: true, focus: { columns: { advice: 0.8 } } });
    expect(hostFocusPayload.safeParse({ action: 'bring', groupId: 't1', columns: { advice: 1.5 } }).success).toBe(
      false,
    );
    expect(hostFocusPayload.safeParse({ action: 'bring', groupId: 't1', columns: { notes: 0.5 } }).success).toBe(false);
    const previous = first.ok ? first.focus : null;
    const again = planFocus(caseDay, hostFocusPayload.parse({ action: 'bring', groupId: 'plenary' }), previous, T0 + 1);
    expect(again.ok && again.focus?.id).toBe(2);
    expect(planFocus(caseDay, { action: 'release' }, previous, T0)).toEqual({ ok: true, focus: null });
  });

  it('refuses outside a case day and for a board the session does not have; validates the payload', () => {
    const bring = hostFocusPayload.parse({ action: 'bring', groupId: 't1' });
    expect(planFocus({ caseDay: false, groups }, bring, null, T0)).toMatchObject({
      ok: false,
      code: 'invalid_command',
    });
    const elsewhere = hostFocusPayload.parse({ action: 'bring', groupId: 't9' });
    expect(planFocus(caseDay, elsewhere, null, T0)).toMatchObject({ ok: false, code: 'not_found' });
    expect(hostFocusPayload.safeParse({ action: 'bring', groupId: 't1', scrollY: 2 }).success).toBe(false);
    expect(hostFocusPayload.safeParse({ action: 'bring' }).success).toBe(false);
    expect(hostFocusPayload.safeParse({ action: 'release', groupId: 't1' }).success).toBe(false);
  });

  it('lets a participant of another table read the focused board only, never write; ends with its table', () => {
    const focus = { id: 1, groupId: 't2', scrollX: 0, scrollY: 0, columns: {}, at: T0 };
    const visitor = { role: 'participant' as const, groupId: 't1' };
    const board = (groupId: string) => ({ kind: 'board' as const, sessionId: 's', groupId });
    expect(focusGrantsRead(focus, visitor, board('t2'))).toBe(true);
    expect(focusGrantsRead(focus, visitor, board('t3'))).toBe(false);
    expect(focusGrantsRead(null, visitor, board('t2'))).toBe(false);
    expect(focusGrantsRead(focus, { role: 'recipient', groupId: null }, board('t2'))).toBe(false);
    expect(focusGrantsRead(focus, visitor, { kind: 'draft', sessionId: 's', participantId: 'p2' })).toBe(false);
    expect(liveFocus(focus, groups)).toBe(focus);
    expect(liveFocus(focus, [{ id: 't1' }])).toBeNull();
    expect(liveFocus({ ...focus, groupId: 'plenary' }, [{ id: 't1' }])?.groupId).toBe('plenary');
  });

  it('shows a participant the focused board until they leave it, and brings them back with the next bring', () => {
    const focus = { id: 3, groupId: 't2', scrollX: 0, scrollY: 0, columns: {}, at: T0 };
    expect(focusView(focus, 'participant', null)).toEqual({ show: 'here', focus });
    expect(focusView(focus, 'participant', 3)).toEqual({ show: 'left', focus });
    expect(focusView({ ...focus, id: 4 }, 'participant', 3).show).toBe('here');
    expect(focusView(focus, 'host', null)).toEqual({ show: 'none' });
    expect(focusView(null, 'participant', 3)).toEqual({ show: 'none' });
  });

  it('opens the other table’s board beside a participant’s own, or the plenary board', () => {
    const focus = { id: 1, groupId: 't2', scrollX: 0, scrollY: 0, columns: {}, at: T0 };
    expect(visitedBoard(focus, 'sess1234', 'participant', 't1')).toBe('sess1234.t2');
    expect(visitedBoard(focus, 'sess1234', 'participant', 't2')).toBeNull();
    expect(visitedBoard(focus, 'sess1234', 'host', '')).toBeNull();
    expect(visitedBoard({ ...focus, groupId: 'plenary' }, 'sess1234', 'participant', 't1')).toBeNull();
    expect(focusOnPlenary({ ...focus, groupId: 'plenary' }, 'participant')).toBe(true);
    expect(focusOnPlenary(focus, 'participant')).toBe(false);
    expect(focusOnPlenary(null, 'participant')).toBe(false);
  });
});

describe('who hears the clock', () => {
  /** A Storage over a Map, as localStorage behaves. */
  function memoryStorage(): Storage {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (key) => map.get(key) ?? null,
      key: (i) => [...map.keys()][i] ?? null,
      removeItem: (key) => void map.delete(key),
      setItem: (key, value) => void map.set(key, value),
    };
  }

  it('is on for the facilitator and off for participants by default; each choice is kept on the device', () => {
    const storage = memoryStorage();
    const store = createSoundStore(storage);
    expect(store.getState().on).toEqual({ facilitator: true, participant: false });
    store.getState().setOn('participant', true);
    store.getState().setOn('facilitator', false);
    expect(storedSound('participant', storage)).toBe(true);
    expect(createSoundStore(storage).getState().on).toEqual({ facilitator: false, participant: true });
    // Without storage (disabled, private mode) the defaults hold.
    expect(createSoundStore(null).getState().on).toEqual({ facilitator: true, participant: false });
  });
});
