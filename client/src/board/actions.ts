import { addCard, cardsMap, deleteCard, readCard, type Column } from '@casusbord/shared';
import type * as Y from 'yjs';

/**
 * A card id that is unique across peers. crypto.randomUUID exists only in secure contexts,
 * and a LAN address over plain http is not one, so build it from getRandomValues.
 */
export function newCardId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function addCardTo(doc: Y.Doc, column: Column, text: string, authorId: string, now = Date.now()): string {
  const id = newCardId();
  addCard(doc, { id, column, text, authorId, createdAt: now });
  return id;
}

/**
 * Deletes a card and returns a function that puts it back as it was at deletion time
 * (same id, column, author, creation time and text), or null when the card did not exist.
 */
export function removeCard(doc: Y.Doc, id: string): (() => void) | null {
  const entry = cardsMap(doc).get(id);
  const snapshot = entry ? readCard(id, entry) : null;
  if (!snapshot || !deleteCard(doc, id)) return null;
  return () => {
    if (!cardsMap(doc).has(id)) addCard(doc, snapshot);
  };
}
