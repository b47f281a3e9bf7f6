import * as Y from 'yjs';
import { readPhotoRef, type PhotoRef } from '../protocol/photos';

/**
 * Typed accessors over a board Y.Doc. Schema (documented in docs/API.md):
 *   doc.getMap('cards'): card id → Y.Map {
 *     column: 'question' | 'pitfall' | 'opportunity' | 'advice',
 *     text: Y.Text,
 *     authorId: string   (participant id, or 'host'),
 *     createdAt: number  (ms since epoch, set by the creating client),
 *     photo?: PhotoRef    (issue 16: { id, caption, width, height }, set by the server's upload route),
 *   }
 *   doc.getMap('fromTo'), doc.getMap('fromToDots'): the from → to table and its dots (fromTo.ts)
 * Unknown keys are kept as they are, so later versions can add fields.
 */
export const COLUMNS = ['question', 'pitfall', 'opportunity', 'advice'] as const;
export type Column = (typeof COLUMNS)[number];

/** The root keys of a board document (the schema: docs/API.md, "Board schema"). */
export const CARDS_KEY = 'cards';
export const CLUSTERS_KEY = 'clusters';
export const DOTS_KEY = 'dots';
export const LEARNINGS_KEY = 'learnings';
export const CORE_QUESTION_KEY = 'coreQuestion';
/** Issue 16: the from → to table (row id → row) and the dots on its rows (fromTo.ts). */
export const FROM_TO_KEY = 'fromTo';
export const FROM_TO_DOTS_KEY = 'fromToDots';
/** The card field holding a site-visit photo (issue 16): a PhotoRef, written by the server only. */
export const PHOTO_KEY = 'photo';

export interface CardSnapshot {
  id: string;
  column: Column;
  text: string;
  authorId: string;
  createdAt: number;
  /** Issue 16: a site-visit photo the server attached (absent when the card has none). */
  photo?: PhotoRef;
}

export interface NewCard {
  id: string;
  column: Column;
  text: string;
  authorId: string;
  createdAt: number;
  /** Only the server writes a photo (a reveal or a promotion carries it along; writeRules.ts). */
  photo?: PhotoRef;
}

export function isColumn(value: unknown): value is Column {
  return typeof value === 'string' && (COLUMNS as readonly string[]).includes(value);
}

export function cardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(CARDS_KEY);
}

/** A card's Y.Map with its four keys, not yet in a document (the caller adds it in a transaction). */
export function newCardEntry(card: Omit<NewCard, 'id'>): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  const text = new Y.Text();
  text.insert(0, card.text);
  entry.set('column', card.column);
  entry.set('text', text);
  entry.set('authorId', card.authorId);
  entry.set('createdAt', card.createdAt);
  if (card.photo) entry.set(PHOTO_KEY, { ...card.photo });
  return entry;
}

/** Adds a card in one transaction so peers never see a card without its text. */
export function addCard(doc: Y.Doc, card: NewCard): void {
  doc.transact(() => cardsMap(doc).set(card.id, newCardEntry(card)));
}

export function deleteCard(doc: Y.Doc, id: string): boolean {
  const cards = cardsMap(doc);
  if (!cards.has(id)) return false;
  cards.delete(id);
  return true;
}

/** The live Y.Text of a card, for co-editing; undefined when the card is gone or malformed. */
export function cardText(doc: Y.Doc, id: string): Y.Text | undefined {
  const text = cardsMap(doc).get(id)?.get('text');
  return text instanceof Y.Text ? text : undefined;
}

/** Reads one card; returns null for entries that do not follow the schema (written by a buggy client). */
export function readCard(id: string, entry: Y.Map<unknown>): CardSnapshot | null {
  if (!(entry instanceof Y.Map)) return null;
  const column = entry.get('column');
  const text = entry.get('text');
  if (!isColumn(column) || !(text instanceof Y.Text)) return null;
  const authorId = entry.get('authorId');
  const createdAt = entry.get('createdAt');
  const photo = readPhotoRef(entry.get(PHOTO_KEY));
  return {
    id,
    column,
    text: text.toString(),
    authorId: typeof authorId === 'string' ? authorId : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    ...(photo ? { photo } : {}),
  };
}

/** All well-formed cards, oldest first (ties broken by id so every peer shows the same order). */
export function readCards(doc: Y.Doc): CardSnapshot[] {
  const out: CardSnapshot[] = [];
  cardsMap(doc).forEach((entry, id) => {
    const card = readCard(id, entry);
    if (card) out.push(card);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Issue 16: the photos that no card of `docs` (a session's boards and drafts) refers to any more,
 * in the order of `photoIds`. Deleted at the handover: a deleted card's photo is not kept for the
 * retention period. Until then an undo may still bring the card back with its photo.
 */
export function unusedPhotos(photoIds: readonly string[], docs: readonly Y.Doc[]): string[] {
  const used = new Set<string>();
  for (const doc of docs)
    cardsMap(doc).forEach((entry) => {
      const ref = readPhotoRef(entry.get(PHOTO_KEY));
      if (ref) used.add(ref.id);
    });
  return photoIds.filter((id) => !used.has(id));
}

export function cardsByColumn(cards: readonly CardSnapshot[]): Record<Column, CardSnapshot[]> {
  const grouped: Record<Column, CardSnapshot[]> = { question: [], pitfall: [], opportunity: [], advice: [] };
  for (const card of cards) grouped[card.column].push(card);
  return grouped;
}
