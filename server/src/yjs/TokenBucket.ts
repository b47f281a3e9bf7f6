/** A token bucket: `burst` tokens, refilled at `perSecond`; `take` spends one if there is one. */
export class TokenBucket {
  private tokens: number;
  private refilledAt = 0;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  take(now: number): boolean {
    if (this.refilledAt) this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
