import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  applyToTables,
  createRoundState,
  openBoardRound,
  planMove,
  resizeTables,
  revealedByHost,
  roundChange,
  targetTables,
  type RoundState,
  type TableRounds,
} from '@casusbord/shared';

const T0 = 1_700_000_000_000;
const groups = [
  { id: 't1', name: 'Tafel 1' },
  { id: 't2', name: 'Tafel 2' },
  { id: 't3', name: 'Tafel 3' },
];
const rounds = [openBoardRound('write'), openBoardRound('private', { privateWriting: true }), openBoardRound('talk')];

/** A table in round `index` (running), with `revealed` private rounds already revealed. */
function table(index: number, revealed: string[] = [], status: RoundState['status'] = 'running'): TableRounds {
  const round = { ...createRoundState(rounds), status, roundIndex: index, endsAt: T0 + 60_000 };
  return { round, revealedRounds: revealed };
}

describe('targetTables', () => {
  it('is every table without a groupId, one known table with one, and not_found for another', () => {
    expect(targetTables(groups, undefined)).toEqual({ ok: true, ids: ['t1', 't2', 't3'] });
    expect(targetTables(groups, 't2')).toEqual({ ok: true, ids: ['t2'] });
    expect(targetTables(groups, 't9')).toEqual({ ok: false, code: 'not_found', message: 'No table "t9"' });
  });
});

describe('applyToTables', () => {
  it('changes the tables where the step applies and leaves the others', () => {
    const tables = { t1: table(0, [], 'idle'), t2: table(0) };
    const result = applyToTables(tables, ['t1', 't2'], (r) => applyCommand(r, { type: 'start' }, T0));
    expect(result.ok && Object.keys(result.rounds)).toEqual(['t1']);
    expect(result.ok && result.rounds.t1!.status).toBe('running');
    // The input is not changed: the caller stores the new rounds.
    expect(tables.t1.round.status).toBe('idle');
  });

  it('fails with the first reason when the step applies nowhere', () => {
    const tables = { t1: table(0), t2: table(0) };
    const result = applyToTables(tables, ['t1', 't2'], (r) => applyCommand(r, { type: 'resume' }, T0));
    expect(result).toMatchObject({ ok: false, code: 'invalid_command' });
    expect(result.ok ? '' : result.message).not.toBe('');
  });
});

describe('resizeTables', () => {
  const nobody = () => false;

  it('adds numbered tables at the end', () => {
    const result = resizeTables(groups.slice(0, 1), 3, nobody);
    expect(result).toEqual({ ok: true, groups });
  });

  it('removes empty tables from the end and keeps the rest as they were', () => {
    const renamed = [{ id: 't1', name: 'Rood' }, ...groups.slice(1)];
    expect(resizeTables(renamed, 1, nobody)).toEqual({ ok: true, groups: [{ id: 't1', name: 'Rood' }] });
    expect(resizeTables(groups, 3, nobody)).toEqual({ ok: true, groups });
  });

  it('refuses to remove a table that still has people, with its name', () => {
    const result = resizeTables(groups, 1, (id) => id === 't2');
    expect(result).toEqual({ ok: false, code: 'conflict', message: 'Tafel 2 still has participants; move them first' });
  });

  it('removes the empty table behind an occupied one only when asked for no fewer than the occupied one', () => {
    expect(resizeTables(groups, 2, (id) => id === 't2')).toEqual({ ok: true, groups: groups.slice(0, 2) });
  });
});

describe('roundChange', () => {
  it('is nothing while the table stays in its round', () => {
    expect(roundChange('write', table(0), false)).toEqual({ clearsReady: false, reveal: null });
  });

  it('leaving a private round reveals its drafts and clears ready', () => {
    expect(roundChange('private', table(2), false)).toEqual({ clearsReady: true, reveal: 'private' });
  });

  it('finishing in a private round reveals it too', () => {
    expect(roundChange('private', table(1, [], 'finished'), false)).toEqual({ clearsReady: true, reveal: 'private' });
  });

  it('reveals nothing for a round revealed already, a round that was not private, or a handed-over session', () => {
    expect(roundChange('private', table(2, ['private']), false)).toEqual({ clearsReady: true, reveal: null });
    expect(roundChange('write', table(1), false)).toEqual({ clearsReady: true, reveal: null });
    expect(roundChange('private', table(2), true)).toEqual({ clearsReady: true, reveal: null });
  });

  it('starting from idle (no round before) clears ready and reveals nothing', () => {
    expect(roundChange(undefined, table(0), false)).toEqual({ clearsReady: true, reveal: null });
  });
});

describe('revealedByHost', () => {
  it('marks the current round when it is private and not yet marked', () => {
    expect(revealedByHost(table(1))).toBe('private');
    expect(revealedByHost(table(1, ['private']))).toBeNull();
    expect(revealedByHost(table(0))).toBeNull();
  });
});

describe('planMove', () => {
  it('moves to another table, stays put for the same one, refuses an unknown one', () => {
    expect(planMove(groups, 't1', 't2')).toEqual({ ok: true, move: { from: 't1', to: 't2' } });
    expect(planMove(groups, 't2', 't2')).toEqual({ ok: true, move: null });
    expect(planMove(groups, 't1', 't9')).toMatchObject({ ok: false, code: 'not_found' });
  });
});
