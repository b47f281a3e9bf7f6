import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/src/yjs/TokenBucket';

describe('TokenBucket', () => {
  it('allows a burst, refuses the next token, and refills at the rate up to the burst', () => {
    const bucket = new TokenBucket({ burst: 30, perSecond: 15 });
    const t0 = 1_764_400_000_000;
    for (let i = 0; i < 30; i++) expect(bucket.take(t0)).toBe(true);
    expect(bucket.take(t0)).toBe(false);
    // 15 per second: one token every 66.7 ms, never a fraction early.
    expect(bucket.take(t0 + 66)).toBe(false);
    expect(bucket.take(t0 + 67)).toBe(true);
    expect(bucket.take(t0 + 67)).toBe(false);
    // A long pause refills no more than the burst.
    const later = t0 + 60_000;
    for (let i = 0; i < 30; i++) expect(bucket.take(later)).toBe(true);
    expect(bucket.take(later)).toBe(false);
  });

  it('sustains exactly the rate over time', () => {
    const bucket = new TokenBucket({ burst: 400, perSecond: 200 });
    const t0 = 1_764_400_000_000;
    let taken = 0;
    for (let ms = 0; ms < 10_000; ms++) if (bucket.take(t0 + ms)) taken++;
    // The burst plus 200 per second for the 10 s (the last millisecond is 9.999 s in).
    expect(taken).toBe(400 + 1999);
  });
});
