import * as Y from 'yjs';
import { FROM_TO_DOTS_KEY, FROM_TO_KEY } from './board';
import { changeDotsIn, readOwnDotsIn, tallyDotsIn, type DotsMap } from './dots';

/*
 * The from → to table (issue 16): the movement a group wants to make, one row per movement, both
 * cells co-edited like a card's text. Schema (documented in docs/API.md, "Board schema"):
 *   doc.getMap('fromTo'):     row id → Y.Map { from: Y.Text, to: Y.Text, authorId: string, createdAt: number }
 *   doc.getMap('fromToDots'): participant id → Y.Map { row id → count (positive integer) }
 * Dots on rows work as dots on cards (dots.ts): each person writes only their own entry, within
 * the session's dots per person; the rows have a budget of their own, so picking movements
 * spends none of the dots meant for advice. Who writes what: writeRules.ts.
 */

export const MOVEMENT_SIDES = ['from', 'to'] as const;
export type MovementSide = (typeof MOVEMENT_SIDES)[number];

export interface MovementSnapshot {
  id: string;
  from: string;
  to: string;
  authorId: string;
  createdAt: number;
}

export function fromToMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(FROM_TO_KEY);
}

export function fromToDotsMap(doc: Y.Doc): DotsMap {
  return doc.getMap<Y.Map<number>>(FROM_TO_DOTS_KEY);
}

/** Adds a row in one transaction, so peers never see a row without its two cells. */
export function addMovement(doc: Y.Doc, row: MovementSnapshot): void {
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set('from', new Y.Text(row.from));
    entry.set('to', new Y.Text(row.to));
    entry.set('authorId', row.authorId);
    entry.set('createdAt', row.createdAt);
    fromToMap(doc).set(row.id, entry);
  });
}

export function deleteMovement(doc: Y.Doc, id: string): boolean {
  const rows = fromToMap(doc);
  if (!rows.has(id)) return false;
  rows.delete(id);
  return true;
}

/** The live Y.Text of one cell, for co-editing; undefined when the row is gone or malformed. */
export function movementText(doc: Y.Doc, id: string, side: MovementSide): Y.Text | undefined {
  const text = fromToMap(doc).get(id)?.get(side);
  return text instanceof Y.Text ? text : undefined;
}

function readMovement(id: string, entry: unknown): MovementSnapshot | null {
  if (!(entry instanceof Y.Map)) return null;
  const from = entry.get('from');
  const to = entry.get('to');
  if (!(from instanceof Y.Text) || !(to instanceof Y.Text)) return null;
  const authorId = entry.get('authorId');
  const createdAt = entry.get('createdAt');
  return {
    id,
    from: from.toString(),
    to: to.toString(),
    authorId: typeof authorId === 'string' ? authorId : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

/** Every well-formed row, oldest first (ties by id, so every peer shows the same order). */
export function readMovements(doc: Y.Doc): MovementSnapshot[] {
  const out: MovementSnapshot[] = [];
  fromToMap(doc).forEach((entry, id) => {
    const row = readMovement(id, entry);
    if (row) out.push(row);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function readOwnMovementDots(doc: Y.Doc, participantId: string): Map<string, number> {
  return readOwnDotsIn(fromToDotsMap(doc), participantId);
}

/** A person's dots on one row, within `budget` (their row dots together); false when nothing changed. */
export function changeMovementDots(
  doc: Y.Doc,
  participantId: string,
  rowId: string,
  delta: number,
  budget: number,
): boolean {
  return changeDotsIn(fromToDotsMap(doc), participantId, rowId, delta, budget);
}

/** Dots per row, each person capped at `budget` (see tallyDotsIn). */
export function tallyMovementDots(doc: Y.Doc, budget: number): Map<string, number> {
  return tallyDotsIn(fromToDotsMap(doc), new Set(readMovements(doc).map((r) => r.id)), budget);
}

export interface RankedMovement extends MovementSnapshot {
  dots: number;
}

/**
 * The rows a report and the archive show: those with a word in either cell, most dots first,
 * then the older row (then the id), so every format and engine agree on the order.
 */
export function rankMovements(doc: Y.Doc, budget: number): RankedMovement[] {
  const tally = tallyMovementDots(doc, budget);
  return readMovements(doc)
    .filter((r) => r.from.trim() || r.to.trim())
    .map((r) => ({ ...r, dots: tally.get(r.id) ?? 0 }))
    .sort((a, b) => b.dots - a.dots || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
