import * as Y from 'yjs';
import {
  CLUSTERS_KEY,
  CORE_QUESTION_KEY,
  DOTS_KEY,
  LEARNINGS_KEY,
  cardsMap,
  isColumn,
  newCardEntry,
  type CardSnapshot,
  type Column,
  readCards,
} from './board';
import { changeDotsIn, readOwnDotsIn, tallyDotsIn, usedDotsIn } from './dots';

/**
 * The rest of the board schema (documented in docs/API.md):
 *   card Y.Map, optional keys:  clusterId: string, reaction: Reaction, reactionNote: string,
 *                               rating: Rating (question cards, Socratic rating round),
 *                               promotedFrom: string (plenary cards: "<groupId>:<cardId>")
 *   doc.getMap('clusters'):     cluster id → Y.Map { title: string, column: Column, createdAt: number }
 *   doc.getMap('dots'):         participant id → Y.Map { card id → count (positive integer) }
 *   doc.getText(CORE_QUESTION_KEY): the case holder's core question, co-edited
 *   doc.getMap('learnings'):    participant id → string (one learning point each, closing round)
 * Each person writes only their own entry of 'dots' and 'learnings', so concurrent votes never
 * conflict; tallies cap every person at the dot budget whatever a client wrote.
 */

export const REACTIONS = ['adopt', 'consider', 'not-now'] as const;
export type Reaction = (typeof REACTIONS)[number];

export function isReaction(value: unknown): value is Reaction {
  return typeof value === 'string' && (REACTIONS as readonly string[]).includes(value);
}

/**
 * How a question landed with the case holder (Socratic intervision): a warm question touches
 * something that matters to them and is answered first, a cold one does not.
 */
export const RATINGS = ['warm', 'neutral', 'cold'] as const;
export type Rating = (typeof RATINGS)[number];

export function isRating(value: unknown): value is Rating {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value);
}

export interface ClusterSnapshot {
  id: string;
  title: string;
  column: Column;
  createdAt: number;
}

export function clustersMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(CLUSTERS_KEY);
}
export function dotsMap(doc: Y.Doc): Y.Map<Y.Map<number>> {
  return doc.getMap<Y.Map<number>>(DOTS_KEY);
}
export function learningsMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(LEARNINGS_KEY);
}
export function coreQuestionText(doc: Y.Doc): Y.Text {
  return doc.getText(CORE_QUESTION_KEY);
}

/** One cluster as written in the doc; null when absent or outside the four columns (it belongs nowhere). */
export function readCluster(doc: Y.Doc, id: string): ClusterSnapshot | null {
  const entry = clustersMap(doc).get(id);
  if (!(entry instanceof Y.Map)) return null;
  const column = entry.get('column');
  if (!isColumn(column)) return null;
  const title = entry.get('title');
  const createdAt = entry.get('createdAt');
  return {
    id,
    title: typeof title === 'string' ? title : '',
    column,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

export function readClusters(doc: Y.Doc): ClusterSnapshot[] {
  const out: ClusterSnapshot[] = [];
  for (const id of clustersMap(doc).keys()) {
    const cluster = readCluster(doc, id);
    if (cluster) out.push(cluster);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function addCluster(doc: Y.Doc, cluster: ClusterSnapshot): void {
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set('title', cluster.title);
    entry.set('column', cluster.column);
    entry.set('createdAt', cluster.createdAt);
    clustersMap(doc).set(cluster.id, entry);
  });
}

/** Removes a cluster and releases its cards (they stay on the board, unclustered). */
export function removeCluster(doc: Y.Doc, clusterId: string): void {
  doc.transact(() => {
    clustersMap(doc).delete(clusterId);
    cardsMap(doc).forEach((card) => {
      if (card.get('clusterId') === clusterId) card.delete('clusterId');
    });
  });
}

export function setCardCluster(doc: Y.Doc, cardId: string, clusterId: string | null): void {
  const card = cardsMap(doc).get(cardId);
  if (!card) return;
  if (clusterId) card.set('clusterId', clusterId);
  else card.delete('clusterId');
}

export function setReaction(doc: Y.Doc, cardId: string, reaction: Reaction | null, note?: string): void {
  const card = cardsMap(doc).get(cardId);
  if (!card) return;
  doc.transact(() => {
    if (reaction) card.set('reaction', reaction);
    else card.delete('reaction');
    if (note !== undefined) card.set('reactionNote', note);
  });
}

/** Sets or clears (null) the case holder's rating of a question card. */
export function setRating(doc: Y.Doc, cardId: string, rating: Rating | null): void {
  const card = cardsMap(doc).get(cardId);
  if (!card) return;
  if (rating) card.set('rating', rating);
  else card.delete('rating');
}

/** One person's dots as written in the doc: card id → count (invalid entries dropped). */
export function readOwnDots(doc: Y.Doc, participantId: string): Map<string, number> {
  return readOwnDotsIn(dotsMap(doc), participantId);
}

export function usedDots(doc: Y.Doc, participantId: string): number {
  return usedDotsIn(dotsMap(doc), participantId);
}

/**
 * Adds (delta > 0) or takes back (delta < 0) dots of one person on one card. Refuses to go past
 * the budget or below zero; returns whether anything changed.
 */
export function changeDots(doc: Y.Doc, participantId: string, cardId: string, delta: number, budget: number): boolean {
  return changeDotsIn(dotsMap(doc), participantId, cardId, delta, budget);
}

/**
 * Dots per card, each person capped at `budget`: a person's dots are counted card by card in
 * card-id order until the budget is used, so every peer computes the same tally.
 */
export function tallyDots(doc: Y.Doc, budget: number): Map<string, number> {
  return tallyDotsIn(dotsMap(doc), new Set(readCards(doc).map((c) => c.id)), budget);
}

export interface CardDetails extends CardSnapshot {
  clusterId: string | null;
  reaction: Reaction | null;
  reactionNote: string;
  rating: Rating | null;
  promotedFrom: string | null;
}

/** Every card with its optional fields, oldest first. */
export function readCardDetails(doc: Y.Doc): CardDetails[] {
  const cards = cardsMap(doc);
  return readCards(doc).map((card) => {
    const entry = cards.get(card.id)!;
    const clusterId = entry.get('clusterId');
    const reaction = entry.get('reaction');
    const note = entry.get('reactionNote');
    const promotedFrom = entry.get('promotedFrom');
    const rating = entry.get('rating');
    return {
      ...card,
      clusterId: typeof clusterId === 'string' ? clusterId : null,
      reaction: isReaction(reaction) ? reaction : null,
      reactionNote: typeof note === 'string' ? note : '',
      rating: isRating(rating) ? rating : null,
      promotedFrom: typeof promotedFrom === 'string' ? promotedFrom : null,
    };
  });
}

export function readLearnings(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  learningsMap(doc).forEach((text, participantId) => {
    if (typeof text === 'string' && text.trim()) out.set(participantId, text);
  });
  return out;
}

/**
 * Copies a card (text, column, author, time) into another board under `newId`, with extra keys
 * such as promotedFrom. Returns false when a card with that id is already there (idempotent).
 */
export function copyCardInto(
  target: Y.Doc,
  card: CardSnapshot,
  newId: string,
  extra: Record<string, string> = {},
): boolean {
  const cards = cardsMap(target);
  if (cards.has(newId)) return false;
  target.transact(() => {
    const entry = newCardEntry(card);
    for (const [key, value] of Object.entries(extra)) entry.set(key, value);
    cards.set(newId, entry);
  });
  return true;
}
