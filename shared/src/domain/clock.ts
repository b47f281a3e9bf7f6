import { roundDurationMs } from './methods';
import type { RoundState } from './rounds';

/*
 * Clock maths over a RoundState, pure. All times are ms; `now` is server time (on a client:
 * correctedNow(Date.now(), skew)), so every screen shows the same time left.
 */

/**
 * Time left in the current round, ms; negative in overtime. While idle: the full time of the
 * round that start would begin (what the clock shows before anyone presses start). Finished or
 * no rounds: null (there is no clock to show).
 */
export function timeLeftMs(state: RoundState, now: number): number | null {
  switch (state.status) {
    case 'running':
      return state.endsAt === null ? null : state.endsAt - now;
    case 'paused':
      return state.remainingMs;
    case 'idle': {
      const round = state.rounds[state.roundIndex];
      return round ? roundDurationMs(round) : null;
    }
    case 'finished':
      return null;
  }
}

/** The round's time is up and it still goes on; shown, never an error. Exactly 0 is not overtime yet. */
export function isOvertime(state: RoundState, now: number): boolean {
  const left = timeLeftMs(state, now);
  return left !== null && left < 0;
}

/**
 * "12:05" for time left, "+0:42" for overtime (the clock counts up after zero), "--:--" when
 * there is no clock. Seconds round away from zero, like a kitchen timer: 0.3 s left shows "0:01",
 * 0.3 s over shows "+0:01", so "0:00" appears only at the exact end. Minutes are not wrapped into
 * hours ("90:00").
 */
export function formatClock(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '--:--';
  const seconds = Math.ceil(Math.abs(ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return `${ms < 0 ? '+' : ''}${minutes}:${rest}`;
}

/** The countdown's last stretch, ms: a soft tick each second, and the clock is tinted. */
export const LAST_SECONDS_MS = 10_000;

/** What a clock shows at `now`, for every screen alike (board, host view, beamer). */
export interface ClockFace {
  /** Time left, ms; negative in overtime; null when there is no clock. */
  leftMs: number | null;
  /** "12:05", "+0:42" or "--:--". */
  text: string;
  /** Past zero and still in the round (running or paused). */
  overtime: boolean;
  /** Time past zero, ms (0 when not in overtime). */
  overtimeMs: number;
  /** Running and in the last LAST_SECONDS_MS before zero. */
  lastSeconds: boolean;
  running: boolean;
}

export function clockFace(state: RoundState, now: number): ClockFace {
  const leftMs = timeLeftMs(state, now);
  const running = state.status === 'running';
  const overtime = leftMs !== null && leftMs < 0;
  return {
    leftMs,
    text: formatClock(leftMs),
    overtime,
    overtimeMs: overtime ? -leftMs : 0,
    lastSeconds: running && leftMs !== null && leftMs > 0 && leftMs <= LAST_SECONDS_MS,
    running,
  };
}

/** A sound the clock makes: a soft tick in the last seconds, a tone at zero. */
export type ClockCue = 'tick' | 'zero';

/**
 * The cue due when a running clock moves from `beforeMs` to `afterMs` time left (two readings of
 * timeLeftMs, a fraction of a second apart): 'zero' when it reaches zero, 'tick' when the shown
 * second changes within the last ten (10, 9, …, 1), otherwise null. A jump (a reload in overtime,
 * an extension, the next round) is no crossing: nothing sounds.
 */
export function clockCue(beforeMs: number | null, afterMs: number | null): ClockCue | null {
  if (beforeMs === null || afterMs === null || afterMs >= beforeMs) return null;
  // More than a few seconds between readings is not the clock running down but a jump.
  if (beforeMs - afterMs > 3_000) return null;
  if (beforeMs > 0 && afterMs <= 0) return 'zero';
  const before = Math.ceil(beforeMs / 1000);
  const after = Math.ceil(afterMs / 1000);
  return after !== before && after >= 1 && after * 1000 <= LAST_SECONDS_MS ? 'tick' : null;
}

/**
 * The current round waits, paused, with its full time: it was opened (go to, next, previous)
 * while the clock stood still, and nobody has started the clock in it yet.
 */
export function waitsForClock(state: RoundState): boolean {
  const round = state.rounds[state.roundIndex];
  return state.status === 'paused' && round !== undefined && state.remainingMs === roundDurationMs(round);
}

/** Share of the current round's planned time used, 0..1 (1 from the end on, also in overtime); for a progress bar. */
export function elapsedFraction(state: RoundState, now: number): number {
  const left = timeLeftMs(state, now);
  const round = state.rounds[state.roundIndex];
  if (left === null || !round) return state.status === 'finished' ? 1 : 0;
  const total = roundDurationMs(round);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, 1 - left / total));
}

/**
 * How far the server's clock is ahead of this client's, ms (negative: behind). `serverNow` is
 * stamped when the server sends `session:state`, `clientNow` when the client receives it; pass
 * the round-trip time when known, as the message was underway for about half of it.
 */
export function skewMs(serverNow: number, clientNow: number, rttMs = 0): number {
  return serverNow + rttMs / 2 - clientNow;
}

/** The server's time now, estimated on the client from its own clock and the measured skew. */
export function correctedNow(clientNow: number, skew: number): number {
  return clientNow + skew;
}
