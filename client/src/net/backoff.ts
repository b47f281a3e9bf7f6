/**
 * Reconnect timing with jitter, pure. When the server restarts, every laptop in the room loses
 * its connections in the same instant; without jitter they would all retry in the same instant
 * too, at every step of the backoff. Each delay is the exponential step of its attempt, of which
 * a random part (`jitter`) is taken off, so the clients spread over the window instead of
 * arriving together.
 */
export interface BackoffOptions {
  /** Step of the first attempt, ms. */
  baseMs: number;
  /** Largest step, ms: a long outage is retried this often (minus jitter). */
  capMs: number;
  /** Share of each step that is random, 0..1: 0.6 gives delays in [0.4·step, step]. */
  jitter: number;
}

/** Used by every connection of the client: the board and side documents, the host's boards, Socket.io. */
export const RECONNECT_BACKOFF: Readonly<BackoffOptions> = Object.freeze({ baseMs: 500, capMs: 5_000, jitter: 0.6 });

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Delay before reconnect attempt `attempt` (1 = the first after a loss), ms. `random` is a draw
 * from [0, 1) — Math.random() in the client, a fixed value in tests. Out-of-range input is
 * clamped, so the result is always an integer in [0, capMs].
 */
export function backoffDelay(attempt: number, random: number, opts: BackoffOptions = RECONNECT_BACKOFF): number {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  const r = Number.isFinite(random) ? clamp(random, 0, 1) : 0;
  const jitter = clamp(opts.jitter, 0, 1);
  // 2 ** 30 already exceeds any sensible cap; a bounded exponent keeps the maths finite.
  const step = Math.min(opts.capMs, opts.baseMs * 2 ** Math.min(n - 1, 30));
  return Math.round(step * (1 - jitter * r));
}

/**
 * The same timing for socket.io-client, which applies its own jitter (`randomizationFactor`
 * spreads each step by ± that share) to the same base and cap.
 */
export function socketReconnectOptions(opts: BackoffOptions = RECONNECT_BACKOFF) {
  return {
    reconnectionDelay: opts.baseMs,
    reconnectionDelayMax: opts.capMs,
    randomizationFactor: clamp(opts.jitter, 0, 1),
  };
}
