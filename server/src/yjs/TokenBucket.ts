/** A rate limit: `burst` at once, then `perSecond`. One object shared by every bucket of its kind. */
export interface Rate {
  readonly burst: number;
  readonly perSecond: number;
}

/**
 * A token bucket (`take` spends one token if there is one), kept as a single number: the time at
 * which the bucket is full again (the GCRA form of a token bucket). Every connection has two, so
 * one field instead of a count, a timestamp and the limits halves what they cost.
 */
export class TokenBucket {
  /** When the bucket is full again, in units of 1/perSecond ms (a token is exactly 1000, so the arithmetic is exact). */
  private fullAt = 0;

  constructor(private readonly rate: Rate) {}

  take(now: number): boolean {
    const at = now * this.rate.perSecond;
    const fullAt = Math.max(this.fullAt, at);
    // The tokens left are burst − (fullAt − at) / 1000; one must be there to spend.
    if (fullAt - at > (this.rate.burst - 1) * 1000) return false;
    this.fullAt = fullAt + 1000;
    return true;
  }
}
