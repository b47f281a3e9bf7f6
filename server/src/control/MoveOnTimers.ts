import { nextMoveOn, type SessionState } from '@casusbord/shared';

/** setTimeout's longest delay (about 24.8 days); a later move-on is planned again when this fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * One timer per session for "move on at zero" (shared/src/domain/atZero.ts): planned from every
 * state this instance saves or loads, at the earliest zero of a table whose round moves on by
 * itself. When it fires, `fire` moves the due tables on (under the session's lock, so a timer of
 * another instance firing too finds nothing left to do). In memory: after a restart the first
 * load of the session plans it again, and a zero passed meanwhile is moved on at once.
 */
export class MoveOnTimers {
  private readonly timers = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly fire: (sessionId: string) => void) {}

  /** Plans the session's next move-on from `state`, replacing the plan made from an older state. */
  plan(state: SessionState, now = Date.now()): void {
    const at = nextMoveOn(state.tables.map((t) => t.round));
    const known = this.timers.get(state.sessionId);
    if (known?.at === at) return;
    this.forget(state.sessionId);
    if (at === null) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(state.sessionId);
        this.fire(state.sessionId);
      },
      Math.min(Math.max(0, at - now), MAX_DELAY_MS),
    );
    // A planned move-on never keeps the process alive on its way out.
    timer.unref();
    this.timers.set(state.sessionId, { at, timer });
  }

  forget(sessionId: string): void {
    const known = this.timers.get(sessionId);
    if (known) clearTimeout(known.timer);
    this.timers.delete(sessionId);
  }

  close(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
