import type { SessionState } from '@casusbord/shared';

/**
 * The latest session state this instance knows, per session, for the content plane's write policy
 * (which round a table is in decides what its board takes). Every state change on this instance
 * arrives through `set` (SessionControl saves), so with one instance the cache is never stale.
 * With several instances a change made elsewhere reaches this one when an entry older than
 * `maxAgeMs` is read again from the store.
 */
export class SessionStates {
  private readonly entries = new Map<string, { state: SessionState; at: number }>();

  constructor(
    private readonly load: (sessionId: string) => Promise<SessionState | null>,
    private readonly maxAgeMs: number,
    /** Sessions kept at most; the least recently set goes first. */
    private readonly maxEntries = 2000,
  ) {}

  /** The known state, if it is fresh enough to decide by; otherwise null (call fetch). */
  get(sessionId: string, now = Date.now()): SessionState | null {
    const entry = this.entries.get(sessionId);
    if (!entry || now - entry.at > this.maxAgeMs) return null;
    return entry.state;
  }

  /** Reads the state from the store (null when the session is gone). */
  async fetch(sessionId: string): Promise<SessionState | null> {
    const state = await this.load(sessionId);
    if (state) this.set(state);
    else this.entries.delete(sessionId);
    return state;
  }

  /** A state just saved or read; an older version than the one known is ignored. */
  set(state: SessionState, now = Date.now()): void {
    const known = this.entries.get(state.sessionId);
    if (known && known.state.version > state.version) {
      known.at = now;
      return;
    }
    this.entries.delete(state.sessionId);
    this.entries.set(state.sessionId, { state, at: now });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }
}
