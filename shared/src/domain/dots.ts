import * as Y from 'yjs';

/*
 * Dots as a board keeps them, whatever they are placed on (cards, from → to rows): a root map of
 * participant id → Y.Map { target id → count (positive integer) }. Each person writes only their
 * own entry, so concurrent votes never conflict; tallies cap every person at the dot budget
 * whatever a client wrote. boardExtras.ts (cards) and fromTo.ts (rows) use these with their map.
 */
export type DotsMap = Y.Map<Y.Map<number>>;

/** One person's dots as written: target id → count (invalid entries dropped). */
export function readOwnDotsIn(dots: DotsMap, participantId: string): Map<string, number> {
  const out = new Map<string, number>();
  const mine = dots.get(participantId);
  if (!(mine instanceof Y.Map)) return out;
  mine.forEach((count, targetId) => {
    if (Number.isInteger(count) && count > 0) out.set(targetId, count);
  });
  return out;
}

export function usedDotsIn(dots: DotsMap, participantId: string): number {
  let sum = 0;
  for (const n of readOwnDotsIn(dots, participantId).values()) sum += n;
  return sum;
}

/**
 * Adds (delta > 0) or takes back (delta < 0) dots of one person on one target. Refuses to go past
 * the budget or below zero; returns whether anything changed.
 */
export function changeDotsIn(
  dots: DotsMap,
  participantId: string,
  targetId: string,
  delta: number,
  budget: number,
): boolean {
  if (!Number.isInteger(delta) || delta === 0 || !dots.doc) return false;
  const current = readOwnDotsIn(dots, participantId).get(targetId) ?? 0;
  const next = current + delta;
  if (next < 0) return false;
  if (delta > 0 && usedDotsIn(dots, participantId) + delta > budget) return false;
  dots.doc.transact(() => {
    let mine = dots.get(participantId);
    if (!(mine instanceof Y.Map)) {
      mine = new Y.Map<number>();
      dots.set(participantId, mine);
    }
    if (next === 0) mine.delete(targetId);
    else mine.set(targetId, next);
  });
  return true;
}

/**
 * Dots per target, each person capped at `budget`: a person's dots are counted target by target
 * in id order until the budget is used, so every peer computes the same tally. Dots on ids not in
 * `targets` (a deleted card or row) count for nothing.
 */
export function tallyDotsIn(dots: DotsMap, targets: ReadonlySet<string>, budget: number): Map<string, number> {
  const tally = new Map<string, number>();
  dots.forEach((_entry, participantId) => {
    let left = budget;
    const own = [...readOwnDotsIn(dots, participantId).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [targetId, count] of own) {
      if (left <= 0) break;
      if (!targets.has(targetId)) continue;
      const counted = Math.min(count, left);
      left -= counted;
      tally.set(targetId, (tally.get(targetId) ?? 0) + counted);
    }
  });
  return tally;
}
