import type { Principal } from '../auth/Auth';

/**
 * Open connections per key (a token, a client address) against a cap, in memory and per instance.
 * Whoever opened a count closes it exactly once, whether the connection was served or failed.
 */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  /** Counts one more connection of `key`, or answers false (and counts nothing) when `max` are open. */
  tryOpen(key: string, max: number): boolean {
    const count = this.open.get(key) ?? 0;
    if (count >= max) return false;
    this.open.set(key, count + 1);
    return true;
  }

  closed(key: string): void {
    const count = this.open.get(key) ?? 0;
    if (count <= 1) this.open.delete(key);
    else this.open.set(key, count - 1);
  }

  /** Open connections of `key` (for tests and logs). */
  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}

/**
 * One key per token without keeping the token: a participant's id (one token each), a co-host's
 * id, the session's host, or the session's recipients (each handover adds a recipient token;
 * they share one count).
 */
export function tokenKey(principal: Pick<Principal, 'role' | 'sessionId' | 'participantId' | 'cohostId'>): string {
  return principal.participantId ?? principal.cohostId ?? `${principal.role}:${principal.sessionId}`;
}
