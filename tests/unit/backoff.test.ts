import { describe, expect, it } from 'vitest';
import { RECONNECT_BACKOFF, backoffDelay, socketReconnectOptions } from '../../client/src/net/backoff';

const opts = { baseMs: 500, capMs: 5_000, jitter: 0.6 };

describe('backoffDelay: reconnect timing with jitter', () => {
  it('doubles the step per attempt up to the cap when the draw is 0 (no jitter taken off)', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, 0, opts))).toEqual([
      500, 1000, 2000, 4000, 5000, 5000, 5000,
    ]);
  });

  it('takes at most the jitter share off each step', () => {
    expect(backoffDelay(1, 0.999_999, opts)).toBe(200); // 500 · (1 − 0.6)
    expect(backoffDelay(3, 0.5, opts)).toBe(1400); // 2000 · (1 − 0.3)
    expect(backoffDelay(20, 1, opts)).toBe(2000); // the cap, 5000 · 0.4
  });

  it('spreads many clients over the window instead of one instant', () => {
    // 30 laptops after a server restart, with evenly spread draws: their first retries differ.
    const delays = Array.from({ length: 30 }, (_, i) => backoffDelay(1, i / 30, opts));
    expect(new Set(delays).size).toBe(30);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...delays)).toBeLessThanOrEqual(500);
    // And they stay apart at the cap.
    const capped = Array.from({ length: 30 }, (_, i) => backoffDelay(12, i / 30, opts));
    expect(Math.max(...capped) - Math.min(...capped)).toBeGreaterThan(2_500);
  });

  it('every delay lies in [step · (1 − jitter), step] for random draws', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const step = Math.min(opts.capMs, opts.baseMs * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const d = backoffDelay(attempt, Math.random(), opts);
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(Math.round(step * (1 - opts.jitter)));
        expect(d).toBeLessThanOrEqual(step);
      }
    }
  });

  it('clamps nonsense input instead of returning NaN, a negative or an endless delay', () => {
    for (const attempt of [0, -3, Number.NaN, 2.7]) {
      expect(backoffDelay(attempt, 0, opts)).toBe(attempt === 2.7 ? 1000 : 500);
    }
    expect(backoffDelay(Number.POSITIVE_INFINITY, 0, opts)).toBe(500);
    expect(backoffDelay(1e9, 0, opts)).toBe(5000);
    expect(backoffDelay(1, -1, opts)).toBe(500);
    expect(backoffDelay(1, 7, opts)).toBe(200);
    expect(backoffDelay(1, Number.NaN, opts)).toBe(500);
    expect(backoffDelay(1, 1, { ...opts, jitter: 3 })).toBe(0);
    expect(backoffDelay(1, 1, { ...opts, jitter: -1 })).toBe(500);
  });

  it('the client defaults and the Socket.io options share one base and cap', () => {
    expect(backoffDelay(1, 0)).toBe(RECONNECT_BACKOFF.baseMs);
    expect(backoffDelay(50, 0)).toBe(RECONNECT_BACKOFF.capMs);
    expect(socketReconnectOptions()).toEqual({
      reconnectionDelay: RECONNECT_BACKOFF.baseMs,
      reconnectionDelayMax: RECONNECT_BACKOFF.capMs,
      randomizationFactor: RECONNECT_BACKOFF.jitter,
    });
    expect(socketReconnectOptions({ baseMs: 1, capMs: 2, jitter: 9 }).randomizationFactor).toBe(1);
  });
});
