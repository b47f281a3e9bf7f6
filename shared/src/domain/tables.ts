import { currentRound, type RoundState } from './rounds';

/*
 * The session rules of tables, pure: which tables a command targets, adding and removing tables,
 * what leaving a private round does, moving a participant. The server's handlers parse,
 * authorize, call these and reply; nothing here reads the clock, the store or throws.
 */

export interface TableGroup {
  id: string;
  name: string;
}

/** What the server keeps per table beside the session: its rounds and the revealed private rounds. */
export interface TableRounds {
  round: RoundState;
  /** Ids of the private rounds whose drafts were moved onto this table's board. */
  revealedRounds: string[];
}

export type TableFailure = { ok: false; code: 'not_found' | 'conflict' | 'invalid_command'; message: string };

/** The group a new table number `n` (1-based) gets. */
export function newTable(n: number): TableGroup {
  return { id: `t${n}`, name: `Tafel ${n}` };
}

/** The tables a command with this `groupId` is for: that one, or every table when absent. */
export function targetTables(
  groups: readonly TableGroup[],
  groupId: string | undefined,
): { ok: true; ids: string[] } | TableFailure {
  if (groupId === undefined) return { ok: true, ids: groups.map((g) => g.id) };
  if (!groups.some((g) => g.id === groupId)) return { ok: false, code: 'not_found', message: `No table "${groupId}"` };
  return { ok: true, ids: [groupId] };
}

/**
 * Applies `step` to the rounds of the tables `ids`. Tables where the step does not apply are left
 * as they are; it fails only when it applies nowhere (with the first table's reason). Returns the
 * new rounds of the tables it changed.
 */
export function applyToTables(
  tables: Readonly<Record<string, TableRounds>>,
  ids: readonly string[],
  step: (round: RoundState) => { ok: true; state: RoundState } | { ok: false; message: string },
): { ok: true; rounds: Record<string, RoundState> } | TableFailure {
  let firstError: string | null = null;
  const rounds: Record<string, RoundState> = {};
  for (const id of ids) {
    const table = tables[id];
    if (!table) continue;
    const result = step(table.round);
    if (result.ok) rounds[id] = result.state;
    else firstError ??= result.message;
  }
  if (Object.keys(rounds).length === 0) {
    return { ok: false, code: 'invalid_command', message: firstError ?? 'Nothing to change' };
  }
  return { ok: true, rounds };
}

/**
 * The tables of a session after the host asks for `count`: new tables are added at the end
 * (`t<n>`, "Tafel <n>"); tables are removed from the end, but only empty ones (`occupied` says
 * whether a table still has participants) — the first occupied one refuses with `conflict`.
 */
export function resizeTables(
  groups: readonly TableGroup[],
  count: number,
  occupied: (groupId: string) => boolean,
): { ok: true; groups: TableGroup[] } | TableFailure {
  const next = [...groups];
  while (next.length < count) next.push(newTable(next.length + 1));
  while (next.length > count) {
    const last = next[next.length - 1]!;
    if (occupied(last.id)) {
      return { ok: false, code: 'conflict', message: `${last.name} still has participants; move them first` };
    }
    next.pop();
  }
  return { ok: true, groups: next };
}

/** What a table's round change means beyond the round state itself. */
export interface RoundChange {
  /** The current round changed or the table finished: nobody is "ready" any more. */
  clearsReady: boolean;
  /**
   * The private round the table has just left whose drafts must now be revealed (moved onto the
   * board), so nothing written is lost; null when there is none, it was revealed already, or the
   * session is handed over (boards read-only).
   */
  reveal: string | null;
}

/** Compares a table before (`previousRoundId`: its current round then) and after a host command. */
export function roundChange(previousRoundId: string | undefined, table: TableRounds, locked: boolean): RoundChange {
  const left = previousRoundId !== currentRound(table.round)?.id || table.round.status === 'finished';
  if (!left) return { clearsReady: false, reveal: null };
  const previous = table.round.rounds.find((r) => r.id === previousRoundId);
  const reveal =
    previous?.privateWriting && !locked && !table.revealedRounds.includes(previous.id) ? previous.id : null;
  return { clearsReady: true, reveal };
}

/** The round `host:reveal` marks as revealed at a table: its current round, if private and not yet marked. */
export function revealedByHost(table: TableRounds): string | null {
  const round = currentRound(table.round);
  return round?.privateWriting && !table.revealedRounds.includes(round.id) ? round.id : null;
}

/**
 * Moving a participant from `fromGroupId` to `toGroupId`: the target must be a table of the
 * session; to the table they are at already is no change (`move: null`).
 */
export function planMove(
  groups: readonly TableGroup[],
  fromGroupId: string,
  toGroupId: string,
): { ok: true; move: { from: string; to: string } | null } | TableFailure {
  const target = targetTables(groups, toGroupId);
  if (!target.ok) return target;
  return { ok: true, move: fromGroupId === toGroupId ? null : { from: fromGroupId, to: toGroupId } };
}
