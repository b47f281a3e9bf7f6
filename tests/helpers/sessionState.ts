import { getMethod, type MethodId, type RoundState, type SessionState } from '@casusbord/shared';

/** The clock of the unit tests' sessions, ms. */
export const T0 = 1_700_000_000_000;

/**
 * A session state with one table (`sess1234.t1`) in `round`, as the server would send it; the
 * case holder is Carla. A method with parallel tables gets its plenary board, unless `plenary` says no.
 */
export function oneTableSession(
  method: MethodId,
  round: RoundState,
  opts: { revealed?: string[]; caseHolderId?: string; locked?: boolean; plenary?: boolean } = {},
): SessionState {
  const plenary = opts.plenary ?? getMethod(method).parallelTables;
  return {
    sessionId: 'sess1234',
    serverNow: T0,
    version: 1,
    method,
    tables: [{ id: 't1', name: 'Tafel 1', docName: 'sess1234.t1', round, revealedRounds: opts.revealed ?? [] }],
    plenaryDocName: plenary ? 'sess1234.plenary' : null,
    dotsPerPerson: 3,
    caseHolderId: opts.caseHolderId ?? 'carla',
    ready: [],
    locked: opts.locked ?? false,
    followUp: null,
    lensesOpen: false,
  };
}
