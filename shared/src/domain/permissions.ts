import { COLUMNS, type Column } from './board';
import type { Round } from './methods';
import { currentRound } from './rounds';
import type { Role, SessionState, TableState } from '../protocol/types';

/*
 * What one person may do on a board in the current round, pure. The server decides the round and
 * enforces these rights on every write to a board document (server/src/yjs/writePolicy.ts); the
 * client uses the same function to decide what it offers.
 */

/** Where the board is in its session: before the start, in a round, after the last, handed over. */
export type BoardPhase = 'unknown' | 'waiting' | 'open' | 'finished' | 'locked';

export interface BoardRights {
  phase: BoardPhase;
  round: Round | null;
  /** Columns where this person may add, edit, delete and cluster cards now. */
  writable: ReadonlySet<Column>;
  /** New cards go into the person's own draft document instead of the board. */
  privateDrafts: boolean;
  /** Columns whose cards take this person's dots now. */
  dotColumns: ReadonlySet<Column>;
  /** May mark advice adopt / consider / not now. */
  canReact: boolean;
  /** May rate questions warm / neutral / cold (Socratic intervision's rating round). */
  canRate: boolean;
  canEditCoreQuestion: boolean;
  canWriteLearning: boolean;
  /** May add, edit and delete rows of the from → to table (issue 16: a 'from-to' round, or the host). */
  canEditFromTo: boolean;
  /** May place dots on from → to rows (a 'from-to' round). */
  canDotFromTo: boolean;
  /** May send cards of this table board to the plenary board. */
  canPromote: boolean;
  /** Issue 16: may add a review (book club) and react to others' reviews. */
  canReview: boolean;
  isCaseHolder: boolean;
  /**
   * The case holder only listens in this round (`Round.caseHolderListens`): nothing they could
   * write on the board, their draft or the core question is open to them.
   */
  listening: boolean;
  /** This is the plenary board, which participants only read whatever the round. */
  plenaryReadOnly?: boolean;
}

export interface RightsInput {
  state: SessionState | null;
  table: TableState | null;
  role: Role;
  participantId: string | null;
}

const NONE: ReadonlySet<Column> = new Set();
const ALL: ReadonlySet<Column> = new Set(COLUMNS);

/** The table whose board is the document `docName` (a participant's own table, or the one the host views). */
export function tableFor(state: SessionState | null, docName: string): TableState | null {
  return state?.tables.find((t) => t.docName === docName) ?? null;
}

export function phaseOf(state: SessionState | null, table: TableState | null): BoardPhase {
  if (!state || !table) return 'unknown';
  if (state.locked) return 'locked';
  switch (table.round.status) {
    case 'idle':
      return 'waiting';
    case 'finished':
      return 'finished';
    default:
      return 'open';
  }
}

/** True while the current round is private and its drafts have not been revealed at this table. */
export function isPrivatePhase(table: TableState | null): boolean {
  if (!table) return false;
  const round = currentRound(table.round);
  const active = table.round.status === 'running' || table.round.status === 'paused';
  return Boolean(active && round?.privateWriting && !table.revealedRounds.includes(round.id));
}

export function boardRights({ state, table, role, participantId }: RightsInput): BoardRights {
  const phase = phaseOf(state, table);
  const round = table ? (currentRound(table.round) ?? null) : null;
  const isCaseHolder = Boolean(participantId && state?.caseHolderId === participantId);
  const open = phase === 'open' && round !== null;
  const kind = open ? round.kind : undefined;
  const plenaryRound = open && round.scope === 'plenary';
  const rights: BoardRights = {
    phase,
    round,
    writable: NONE,
    privateDrafts: false,
    dotColumns: NONE,
    canReact: false,
    canRate: false,
    canEditCoreQuestion: false,
    canWriteLearning: false,
    canEditFromTo: false,
    canDotFromTo: false,
    canPromote: false,
    canReview: false,
    isCaseHolder,
    listening: false,
  };
  if (phase === 'locked' || role === 'recipient') return rights;

  if (role === 'host') {
    // The facilitator can always write, whatever the round; the host does not vote or take part.
    return {
      ...rights,
      writable: ALL,
      canReact: kind === 'reaction',
      canRate: kind === 'rating',
      canEditCoreQuestion: true,
      canEditFromTo: true,
      canPromote: Boolean(state?.plenaryDocName),
      canReview: true,
    };
  }

  if (!participantId) return rights;
  // The case holder may sharpen the core question at any point before the handover.
  rights.canEditCoreQuestion = isCaseHolder && phase !== 'unknown';
  if (!open) return rights;
  // A listening case holder writes nothing in this round; the others work as the round says.
  if (isCaseHolder && round.caseHolderListens) return { ...rights, canEditCoreQuestion: false, listening: true };
  const openColumns = new Set(round.openColumns);
  return {
    ...rights,
    writable: openColumns,
    privateDrafts: isPrivatePhase(table),
    // A voting round without open columns (none of the templates) lets people vote everywhere.
    dotColumns: round.dots ? (openColumns.size > 0 ? openColumns : ALL) : NONE,
    canReact: kind === 'reaction' && isCaseHolder,
    canRate: kind === 'rating' && isCaseHolder,
    canWriteLearning: kind === 'closing',
    canEditFromTo: kind === 'from-to',
    canDotFromTo: kind === 'from-to',
    canPromote: plenaryRound && Boolean(state?.plenaryDocName),
    canReview: kind === 'book-club',
  };
}

/** Why a column takes no new cards right now, or null when it does. */
export type ColumnNote = 'waiting' | 'closed' | 'finished' | 'locked' | 'plenary' | null;

export function columnNote(rights: BoardRights, column: Column): ColumnNote {
  if (rights.writable.has(column)) return null;
  if (rights.plenaryReadOnly && rights.phase !== 'locked') return 'plenary';
  switch (rights.phase) {
    case 'locked':
      return 'locked';
    case 'finished':
      return 'finished';
    case 'waiting':
    case 'unknown':
      return 'waiting';
    case 'open':
      return 'closed';
  }
}

/** The document of the plenary board should be open: a plenary round of a case day. */
export function wantsPlenary(state: SessionState | null, table: TableState | null): boolean {
  if (!state?.plenaryDocName || !table) return false;
  const round = currentRound(table.round);
  return Boolean(round?.scope === 'plenary' && (table.round.status === 'running' || table.round.status === 'paused'));
}

/**
 * Rights on the plenary board shown beside a table's board: participants only read it (the
 * server opens it read-only for them); the host writes it like any board but does not vote.
 */
export function plenaryBoardRights(rights: BoardRights, role: Role): BoardRights {
  const host = role === 'host' && rights.phase !== 'locked';
  return {
    ...rights,
    writable: host ? ALL : NONE,
    privateDrafts: false,
    dotColumns: NONE,
    canReact: false,
    canRate: false,
    canWriteLearning: false,
    canEditFromTo: host,
    canDotFromTo: false,
    canPromote: false,
    canReview: host,
    plenaryReadOnly: !host,
  };
}
