/**
 * Counts failed join attempts (unknown codes) per client address in a sliding window, so that
 * guessing codes is hopeless while a venue full of laptops behind one NAT address still gets in:
 * successful joins are never counted. With 31^6 ≈ 8.9e8 codes and 20 misses per 10 minutes,
 * finding one live code among a hundred takes on average about 40 years per address.
 */
export interface JoinGuardOptions {
  /** Misses allowed per address within the window. */
  maxFailures: number;
  windowMs: number;
  /** Addresses tracked at most; the oldest are forgotten first (memory bound). */
  maxTracked: number;
}

export const DEFAULT_JOIN_GUARD: JoinGuardOptions = { maxFailures: 20, windowMs: 10 * 60_000, maxTracked: 50_000 };

export class JoinGuard {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: JoinGuardOptions = DEFAULT_JOIN_GUARD) {}

  /** Milliseconds until this address may try again, or 0 when it may try now. */
  retryAfterMs(address: string, now: number): number {
    const recent = this.recent(address, now);
    if (recent.length < this.options.maxFailures) return 0;
    return recent[recent.length - this.options.maxFailures]! + this.options.windowMs - now;
  }

  recordFailure(address: string, now: number): void {
    const recent = this.recent(address, now);
    recent.push(now);
    this.failures.delete(address);
    this.failures.set(address, recent);
    if (this.failures.size > this.options.maxTracked) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  private recent(address: string, now: number): number[] {
    const since = now - this.options.windowMs;
    return (this.failures.get(address) ?? []).filter((t) => t > since);
  }
}
