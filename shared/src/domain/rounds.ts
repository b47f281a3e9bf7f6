import { z } from 'zod';
import { cloneRound, MAX_ROUND_MINUTES, roundDurationMs, roundSchema } from './methods';
import type { Round } from './methods';

/*
 * The round machine of one group (table), pure: time is always the `now` argument (ms since
 * epoch, server time), never read here. The server applies commands and broadcasts the state;
 * the client runs the same functions only to decide which buttons to show.
 *
 * Navigation keeps the clock's mode: from a running round the new round runs with its full
 * time from `now`; from a paused round (or after finish) it waits paused with its full time.
 * Invalid commands return { ok: false } and leave the state untouched; nothing throws.
 */

export const ROUND_STATUSES = ['idle', 'running', 'paused', 'finished'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface RoundState {
  status: RoundStatus;
  /** Current round. Always 0 while idle; when finished, the round the group finished in. */
  roundIndex: number;
  /** Server time (ms since epoch) at which the current round's time runs out; set only while running. */
  endsAt: number | null;
  /** Time left (ms) frozen by a pause, negative if paused in overtime; set only while paused. */
  remainingMs: number | null;
  /** The session's own copy of the method's rounds, editable by the host. */
  rounds: Round[];
}

export type RoundResult = { ok: true; state: RoundState } | { ok: false; code: 'invalid_command'; message: string };

/** Largest single extension, ms (the UI offers +1 and +5 minutes). */
export const MAX_EXTEND_MS = 60 * 60_000;
/** Most rounds a session may have after editing. */
export const MAX_ROUNDS = 40;

const groupId = z.string().min(1).max(64).optional();
const index = z.number().int().min(0);

/** Payload of the Socket.io `host:command` event. No groupId = every table of the session. */
export const hostCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), index: index.optional(), groupId }),
  z.strictObject({ type: z.literal('pause'), groupId }),
  z.strictObject({ type: z.literal('resume'), groupId }),
  z.strictObject({ type: z.literal('next'), groupId }),
  z.strictObject({ type: z.literal('previous'), groupId }),
  z.strictObject({ type: z.literal('extend'), ms: z.number().int().positive().max(MAX_EXTEND_MS), groupId }),
  z.strictObject({ type: z.literal('goto'), index, groupId }),
  z.strictObject({ type: z.literal('finish'), groupId }),
]);
export type HostCommand = z.infer<typeof hostCommandSchema>;
export type HostCommandType = HostCommand['type'];

/** Payload of a host's edit of the round list (before or during the session). */
export const roundEditSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('setMinutes'),
    index,
    minutes: z.number().positive().max(MAX_ROUND_MINUTES),
    groupId,
  }),
  z.strictObject({ type: z.literal('move'), from: index, to: index, groupId }),
  /** `at` defaults to the end of the list. */
  z.strictObject({ type: z.literal('add'), round: roundSchema, at: index.optional(), groupId }),
  z.strictObject({ type: z.literal('remove'), index, groupId }),
  /** The round's "move on at zero" (Round.moveOnAtZero): the server goes to the next round at zero. */
  z.strictObject({ type: z.literal('setMoveOnAtZero'), index, on: z.boolean(), groupId }),
]);
export type RoundEdit = z.infer<typeof roundEditSchema>;

export function createRoundState(rounds: readonly Round[]): RoundState {
  return { status: 'idle', roundIndex: 0, endsAt: null, remainingMs: null, rounds: rounds.map(cloneRound) };
}

export function currentRound(state: RoundState): Round | undefined {
  return state.rounds[state.roundIndex];
}

const ok = (state: RoundState): RoundResult => ({ ok: true, state });
const fail = (message: string): RoundResult => ({ ok: false, code: 'invalid_command', message });

const inRange = (state: RoundState, i: number): boolean => Number.isInteger(i) && i >= 0 && i < state.rounds.length;

/** Makes round `i` current with its full time; see the header for which mode the clock is in. */
function enter(state: RoundState, i: number, now: number): RoundState {
  const duration = roundDurationMs(state.rounds[i]!);
  const running = state.status === 'running';
  return {
    ...state,
    status: running ? 'running' : 'paused',
    roundIndex: i,
    endsAt: running ? now + duration : null,
    remainingMs: running ? null : duration,
  };
}

/** Applies one host command. `now` is the server's time in ms; the command's groupId is the caller's concern. */
export function applyCommand(state: RoundState, command: HostCommand, now: number): RoundResult {
  if (!Number.isFinite(now)) return fail('now must be a finite time in ms');
  const { status } = state;
  switch (command.type) {
    case 'start': {
      if (status !== 'idle') return fail(`cannot start: the session is ${status}`);
      const i = command.index ?? 0;
      if (!inRange(state, i)) return fail(`no round ${i} to start`);
      const duration = roundDurationMs(state.rounds[i]!);
      return ok({ ...state, status: 'running', roundIndex: i, endsAt: now + duration, remainingMs: null });
    }
    case 'pause':
      if (status !== 'running' || state.endsAt === null) return fail(`cannot pause: the session is ${status}`);
      return ok({ ...state, status: 'paused', endsAt: null, remainingMs: state.endsAt - now });
    case 'resume':
      if (status !== 'paused' || state.remainingMs === null) return fail(`cannot resume: the session is ${status}`);
      return ok({ ...state, status: 'running', endsAt: now + state.remainingMs, remainingMs: null });
    case 'extend': {
      const { ms } = command;
      if (!Number.isInteger(ms) || ms <= 0 || ms > MAX_EXTEND_MS) return fail(`cannot extend by ${ms} ms`);
      // Overtime already spent is written off: "+5 min" in overtime means five minutes from now.
      if (status === 'running' && state.endsAt !== null) {
        return ok({ ...state, endsAt: Math.max(state.endsAt, now) + ms });
      }
      if (status === 'paused' && state.remainingMs !== null) {
        return ok({ ...state, remainingMs: Math.max(state.remainingMs, 0) + ms });
      }
      return fail(`cannot extend: the session is ${status}`);
    }
    case 'next':
      if (status === 'idle') return fail('cannot go to the next round before the start');
      if (status === 'finished') return fail('the session is already finished');
      // Next at the last round is how a host ends the session, so it finishes rather than fails.
      if (state.roundIndex >= state.rounds.length - 1) return ok(finished(state));
      return ok(enter(state, state.roundIndex + 1, now));
    case 'previous':
      if (status === 'idle') return fail('cannot go back before the start');
      // After finishing, "previous" reopens the round the group finished in.
      if (status === 'finished')
        return inRange(state, state.roundIndex) ? ok(enter(state, state.roundIndex, now)) : fail('no round to reopen');
      if (state.roundIndex === 0) return fail('already at the first round');
      return ok(enter(state, state.roundIndex - 1, now));
    case 'goto':
      if (status === 'idle') return fail('cannot go to a round before the start; start at that round instead');
      if (!inRange(state, command.index)) return fail(`no round ${command.index}; there are ${state.rounds.length}`);
      // Going to the current round restarts its time.
      return ok(enter(state, command.index, now));
    case 'finish':
      if (status === 'finished') return fail('the session is already finished');
      return ok(finished(state));
  }
}

function finished(state: RoundState): RoundState {
  return { ...state, status: 'finished', endsAt: null, remainingMs: null };
}

/** Applies one edit of the round list. The current round stays current, whatever moves around it. */
export function applyRoundEdit(state: RoundState, edit: RoundEdit, now: number): RoundResult {
  if (!Number.isFinite(now)) return fail('now must be a finite time in ms');
  // While idle roundIndex stays 0, so an added or moved first round is where start begins.
  const tracks = state.status !== 'idle';
  const rounds = [...state.rounds];
  switch (edit.type) {
    case 'setMinutes': {
      const { index: i, minutes } = edit;
      if (!inRange(state, i)) return fail(`no round ${i}`);
      if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_ROUND_MINUTES) {
        return fail(`minutes must be more than 0 and at most ${MAX_ROUND_MINUTES}`);
      }
      const old = rounds[i]!;
      rounds[i] = { ...cloneRound(old), minutes };
      if (i !== state.roundIndex) return ok({ ...state, rounds });
      // The time already spent in the current round still counts: shift the end by the difference.
      const delta = roundDurationMs(rounds[i]) - roundDurationMs(old);
      if (state.status === 'running' && state.endsAt !== null)
        return ok({ ...state, rounds, endsAt: state.endsAt + delta });
      if (state.status === 'paused' && state.remainingMs !== null) {
        return ok({ ...state, rounds, remainingMs: state.remainingMs + delta });
      }
      return ok({ ...state, rounds });
    }
    case 'move': {
      const { from, to } = edit;
      if (!inRange(state, from) || !inRange(state, to)) return fail(`cannot move round ${from} to ${to}`);
      const [moved] = rounds.splice(from, 1);
      rounds.splice(to, 0, moved!);
      const current = state.rounds[state.roundIndex];
      const roundIndex = tracks && current ? rounds.indexOf(current) : state.roundIndex;
      return ok({ ...state, rounds, roundIndex });
    }
    case 'add': {
      const at = edit.at ?? rounds.length;
      if (!Number.isInteger(at) || at < 0 || at > rounds.length) return fail(`cannot add a round at ${at}`);
      if (rounds.length >= MAX_ROUNDS) return fail(`a session has at most ${MAX_ROUNDS} rounds`);
      const parsed = roundSchema.safeParse(edit.round);
      if (!parsed.success) return fail('the new round is not valid');
      if (rounds.some((r) => r.id === parsed.data.id))
        return fail(`a round with id "${parsed.data.id}" already exists`);
      rounds.splice(at, 0, cloneRound(parsed.data));
      const roundIndex = tracks && at <= state.roundIndex ? state.roundIndex + 1 : state.roundIndex;
      return ok({ ...state, rounds, roundIndex });
    }
    case 'remove': {
      const { index: i } = edit;
      if (!inRange(state, i)) return fail(`no round ${i}`);
      if (rounds.length === 1) return fail('a session needs at least one round');
      const active = state.status === 'running' || state.status === 'paused';
      if (active && i === state.roundIndex) return fail('cannot remove the current round; go to another round first');
      rounds.splice(i, 1);
      let roundIndex = tracks && i < state.roundIndex ? state.roundIndex - 1 : state.roundIndex;
      roundIndex = Math.min(roundIndex, rounds.length - 1);
      return ok({ ...state, rounds, roundIndex });
    }
    case 'setMoveOnAtZero': {
      const { index: i, on } = edit;
      if (!inRange(state, i)) return fail(`no round ${i}`);
      if (typeof on !== 'boolean') return fail('on must be true or false');
      rounds[i] = { ...cloneRound(rounds[i]!), moveOnAtZero: on };
      return ok({ ...state, rounds });
    }
  }
}

/** Command types valid in this state, for the host's buttons (goto: valid for some index). */
export function allowedCommands(state: RoundState): HostCommandType[] {
  const probes: HostCommand[] = [
    { type: 'start' },
    { type: 'pause' },
    { type: 'resume' },
    { type: 'extend', ms: 60_000 },
    { type: 'next' },
    { type: 'previous' },
    { type: 'goto', index: Math.min(state.roundIndex, Math.max(state.rounds.length - 1, 0)) },
    { type: 'finish' },
  ];
  return probes.filter((command) => applyCommand(state, command, 0).ok).map((command) => command.type);
}
