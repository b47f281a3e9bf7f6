import type { CardDetails, ClusterSnapshot, Column } from '@casusbord/shared';

/** One column's cards as shown: each cluster with its cards, then the cards in no (known) cluster. */
export interface ColumnGroups {
  clusters: { cluster: ClusterSnapshot; cards: CardDetails[] }[];
  loose: CardDetails[];
}

/**
 * Groups the cards of `column` under the clusters of that column, keeping the board's order.
 * A card whose cluster is gone or belongs to another column (a concurrent edit) counts as loose,
 * so no card ever disappears from view.
 */
export function groupColumn(
  cards: readonly CardDetails[],
  clusters: readonly ClusterSnapshot[],
  column: Column,
): ColumnGroups {
  const own = clusters.filter((c) => c.column === column);
  const byId = new Map(own.map((cluster) => [cluster.id, { cluster, cards: [] as CardDetails[] }]));
  const loose: CardDetails[] = [];
  for (const card of cards) {
    if (card.column !== column) continue;
    const group = card.clusterId ? byId.get(card.clusterId) : undefined;
    if (group) group.cards.push(card);
    else loose.push(card);
  }
  return { clusters: [...byId.values()], loose };
}

/** How many advice cards carry a reaction, for the case holder's progress line. */
export function reactionProgress(cards: readonly CardDetails[]): { answered: number; total: number } {
  const advice = cards.filter((c) => c.column === 'advice');
  return { answered: advice.filter((c) => c.reaction !== null).length, total: advice.length };
}

/** Plenary cards that came from this table, by the table card's id ("<groupId>:<cardId>"). */
export function promotedIds(plenaryCards: readonly CardDetails[], groupId: string): Set<string> {
  const out = new Set<string>();
  const prefix = `${groupId}:`;
  for (const card of plenaryCards) {
    if (card.promotedFrom?.startsWith(prefix)) out.add(card.promotedFrom.slice(prefix.length));
  }
  return out;
}
