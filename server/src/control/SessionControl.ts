import {
  AppError,
  plenaryDocName,
  createRoundState,
  getMethod,
  liveFocus,
  methodRounds,
  withLookback,
  withBookClub,
  type SessionState,
  boardDocName,
} from '@casusbord/shared';
import type { ControlRecord, SessionRecord, Store } from '../store/Store';

/** Runs `fn` while no other server instance changes the same session's state. */
export type SessionLock = <T>(sessionId: string, fn: () => Promise<T>) => Promise<T>;

/** What the server keeps per session beside the session record; its schema: store/records.ts. */
export type { ControlRecord };

export const DEFAULT_DOTS = 3;

export function isCaseDay(session: SessionRecord): boolean {
  return getMethod(session.method).parallelTables;
}

/** Tables added since the state was saved start idle, with the same rounds as the first table. */
function ensureTables(session: SessionRecord, record: ControlRecord): void {
  for (const g of session.groups) {
    if (record.tables[g.id]) continue;
    const first = Object.values(record.tables)[0];
    record.tables[g.id] = {
      round: first
        ? { ...first.round, status: 'idle', roundIndex: 0, endsAt: null, remainingMs: null }
        : createRoundState(methodRounds(session.method)),
      revealedRounds: [],
    };
  }
}

/**
 * Loads, changes and saves the control state of sessions. Changes to one session are serialised
 * in this process (a promise chain per session), so two host clicks never overwrite each other.
 */
export class SessionControl {
  private readonly chains = new Map<string, Promise<unknown>>();

  /** `lock` keeps other instances out during one update (scale/ScaleOut.sessionLock); none alone. */
  constructor(
    private readonly store: Store,
    private readonly lock: SessionLock = (_sessionId, fn) => fn(),
    /** Told of every saved state (the content plane's write policy decides by it). */
    private readonly onSaved: (state: SessionState) => void = () => undefined,
  ) {}

  private fresh(session: SessionRecord): ControlRecord {
    // A follow-up session (issue 9) has a look-back round, first or at the close as the method says.
    const method = session.bookClub ? withBookClub(methodRounds(session.method)) : methodRounds(session.method);
    const rounds = session.followUpOf ? withLookback(method, getMethod(session.method).lookbackAt) : method;
    const tables: ControlRecord['tables'] = {};
    for (const g of session.groups) tables[g.id] = { round: createRoundState(rounds), revealedRounds: [] };
    return { version: 0, tables, dotsPerPerson: DEFAULT_DOTS, caseHolderId: null, ready: [] };
  }

  async load(session: SessionRecord): Promise<ControlRecord> {
    const record = (await this.store.getControlState(session.id)) ?? this.fresh(session);
    ensureTables(session, record);
    return record;
  }

  /** Runs `change` on the latest state of the session and saves it; serialised per session. */
  update<T>(
    sessionId: string,
    change: (session: SessionRecord, record: ControlRecord) => Promise<T> | T,
  ): Promise<{ result: T; session: SessionRecord; record: ControlRecord }> {
    const previous = this.chains.get(sessionId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() =>
        this.lock(sessionId, async () => {
          const session = await this.store.getSession(sessionId);
          if (!session) throw new AppError('session_not_found');
          const record = await this.load(session);
          const result = await change(session, record);
          ensureTables(session, record);
          record.version++;
          await this.store.setControlState(sessionId, record);
          this.onSaved(this.view(session, record, Date.now()));
          return { result, session, record };
        }),
      );
    this.chains.set(sessionId, next);
    void next
      .finally(() => {
        if (this.chains.get(sessionId) === next) this.chains.delete(sessionId);
      })
      .catch(() => undefined);
    return next;
  }

  async current(sessionId: string): Promise<{ session: SessionRecord; record: ControlRecord }> {
    await (this.chains.get(sessionId) ?? Promise.resolve()).catch(() => undefined);
    const session = await this.store.getSession(sessionId);
    if (!session) throw new AppError('session_not_found');
    return { session, record: await this.load(session) };
  }

  view(session: SessionRecord, record: ControlRecord, now: number): SessionState {
    return {
      sessionId: session.id,
      serverNow: now,
      version: record.version,
      method: session.method,
      tables: session.groups.map((g) => ({
        id: g.id,
        name: g.name,
        docName: boardDocName(session.id, g.id),
        round: record.tables[g.id]!.round,
        revealedRounds: record.tables[g.id]!.revealedRounds,
      })),
      plenaryDocName: isCaseDay(session) ? plenaryDocName(session.id) : null,
      dotsPerPerson: record.dotsPerPerson,
      caseHolderId: record.caseHolderId,
      ready: record.ready,
      locked: Boolean(session.locked),
      followUp: record.followUp ?? null,
      lensesOpen: record.lensesOpen ?? false,
      focus: liveFocus(record.focus, session.groups),
    };
  }
}
