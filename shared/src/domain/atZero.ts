import { applyCommand, currentRound, type RoundState } from './rounds';

/*
 * "Move on at zero" (Round.moveOnAtZero), pure. By default a round whose time is up goes on in
 * overtime until the facilitator moves on; a round with the option set is moved on by the server
 * the moment its clock reaches zero. The server schedules a timer for `moveOnAt` and, when it
 * fires (or when it loads a state late, e.g. after a restart), applies `moveOnIfDue`.
 */

/**
 * How late a timer may fire and still start the next round at the exact zero of the previous
 * one, ms. Later than this (the server was down, the option was switched on in overtime) the
 * next round starts when the server moves on, so nobody loses its time.
 */
export const MOVE_ON_GRACE_MS = 2_000;

/** When this table must move on by itself: the end of a running round set to move on at zero, else null. */
export function moveOnAt(state: RoundState): number | null {
  if (state.status !== 'running' || state.endsAt === null) return null;
  return currentRound(state)?.moveOnAtZero ? state.endsAt : null;
}

/**
 * The table after moving on at zero, or null when it is not due at `now` (not running, not set,
 * or time left). Moving on is the host's "next": the next round starts running with its full
 * time, and after the last round the table finishes.
 */
export function moveOnIfDue(state: RoundState, now: number): RoundState | null {
  const at = moveOnAt(state);
  if (at === null || !Number.isFinite(now) || now < at) return null;
  const start = now - at <= MOVE_ON_GRACE_MS ? at : now;
  const result = applyCommand(state, { type: 'next' }, start);
  return result.ok ? result.state : null;
}

/** The earliest time any of these tables moves on by itself, or null when none will. */
export function nextMoveOn(states: Iterable<RoundState>): number | null {
  let first: number | null = null;
  for (const state of states) {
    const at = moveOnAt(state);
    if (at !== null && (first === null || at < first)) first = at;
  }
  return first;
}
