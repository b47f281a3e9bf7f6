/*
 * Where a new participant sits, pure. The server calls it at POST /api/join with the session's
 * tables and the people already in it.
 */

/**
 * The table a newcomer joins: the one with the fewest participants, the first in the session's
 * order on a tie (so an empty session fills table 1 first). `tables` must not be empty; people
 * whose table is no longer in it count for none.
 */
export function tableForNewcomer<T extends { id: string }>(
  tables: readonly T[],
  participants: readonly { groupId: string }[],
): T {
  const counts = new Map(tables.map((t) => [t.id, 0]));
  for (const p of participants) {
    const count = counts.get(p.groupId);
    if (count !== undefined) counts.set(p.groupId, count + 1);
  }
  let best = tables[0];
  if (!best) throw new Error('a session has at least one table');
  for (const table of tables) if (counts.get(table.id)! < counts.get(best.id)!) best = table;
  return best;
}
