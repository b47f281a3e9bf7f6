import { describe, expect, it } from 'vitest';
import { tableForNewcomer } from '@casusbord/shared';

const tables = [
  { id: 't1', name: 'Tafel 1' },
  { id: 't2', name: 'Tafel 2' },
  { id: 't3', name: 'Tafel 3' },
];
const at = (...groupIds: string[]) => groupIds.map((groupId) => ({ groupId }));

describe('placing a newcomer at a table', () => {
  it('fills the first table of an empty session', () => {
    expect(tableForNewcomer(tables, [])).toBe(tables[0]);
  });

  it('joins the table with the fewest people, the first of them on a tie', () => {
    expect(tableForNewcomer(tables, at('t1')).id).toBe('t2');
    expect(tableForNewcomer(tables, at('t1', 't2')).id).toBe('t3');
    expect(tableForNewcomer(tables, at('t1', 't2', 't3')).id).toBe('t1');
    expect(tableForNewcomer(tables, at('t1', 't1', 't3', 't2', 't2')).id).toBe('t3');
  });

  it('does not count people of a table the session no longer has', () => {
    expect(tableForNewcomer(tables, at('t9', 't9', 't2', 't3')).id).toBe('t1');
  });

  it('refuses a session without tables', () => {
    expect(() => tableForNewcomer([], [])).toThrow();
  });
});
