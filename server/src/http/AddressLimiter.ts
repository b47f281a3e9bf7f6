/**
 * Counts events per client address in a sliding window and holds an address back once it had
 * `max` of them. Used twice in sessionRoutes:
 *
 * - Wrong join codes (JOIN_MISSES): guessing codes is hopeless while a venue full of laptops
 *   behind one NAT address still gets in, because successful joins are never counted. With
 *   31^6 ≈ 8.9e8 codes and 20 misses per 10 minutes, finding one live code among a hundred takes
 *   on average about 40 years per address.
 * - Session creations (sessionCreations): a script cannot fill the store from one address.
 *
 * Counts live in memory, per instance.
 */
export interface AddressLimiterOptions {
  /** Events allowed per address within the window. */
  max: number;
  windowMs: number;
  /** Addresses tracked at most; the oldest are forgotten first (memory bound). */
  maxTracked: number;
}

export const JOIN_MISSES: AddressLimiterOptions = { max: 20, windowMs: 10 * 60_000, maxTracked: 50_000 };

/** The window of SESSIONS_PER_ADDRESS (config.sessionsPerAddress). */
export const SESSION_CREATION_WINDOW_MS = 10 * 60_000;

export function sessionCreations(perAddress: number): AddressLimiterOptions {
  return { max: perAddress, windowMs: SESSION_CREATION_WINDOW_MS, maxTracked: 50_000 };
}

export class AddressLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(private readonly options: AddressLimiterOptions) {}

  /** Milliseconds until this address may try again, or 0 when it may try now. */
  retryAfterMs(address: string, now: number): number {
    const recent = this.recent(address, now);
    if (recent.length < this.options.max) return 0;
    return recent[recent.length - this.options.max]! + this.options.windowMs - now;
  }

  record(address: string, now: number): void {
    const recent = this.recent(address, now);
    recent.push(now);
    this.events.delete(address);
    this.events.set(address, recent);
    if (this.events.size > this.options.maxTracked) {
      const oldest = this.events.keys().next().value;
      if (oldest !== undefined) this.events.delete(oldest);
    }
  }

  private recent(address: string, now: number): number[] {
    const since = now - this.options.windowMs;
    return (this.events.get(address) ?? []).filter((t) => t > since);
  }
}
