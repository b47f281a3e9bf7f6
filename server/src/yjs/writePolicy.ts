import * as Y from 'yjs';
import {
  CARDS_KEY,
  CLUSTERS_KEY,
  DOTS_KEY,
  FROM_TO_DOTS_KEY,
  FROM_TO_KEY,
  LEARNINGS_KEY,
  MOVEMENT_FIELDS,
  PHOTO_KEY,
  CARD_FIELDS,
  CLUSTER_FIELDS,
  BOARD_ROOTS,
  cardFieldVerdict,
  columnVerdict,
  coreQuestionVerdict,
  dotVerdict,
  isBoardRoot,
  isDotCount,
  isEntryKey,
  isLearning,
  learningVerdict,
  moveVerdict,
  movementDotVerdict,
  movementFieldVerdict,
  movementVerdict,
  newCardFieldVerdict,
  readPhotoRef,
  type FieldKind,
  type WriteRefusal,
  type Writer,
  REVIEWS_KEY,
  REVIEW_REACTIONS_KEY,
} from '@casusbord/shared';
import { checkReview, checkReviewReaction } from './reviewPolicy';

/*
 * The board's write policy on the content plane. Yjs cannot refuse part of an update, so the
 * server applies a client's update and then undoes, in the same commit, every change that breaks
 * the schema or the rules of shared/src/domain/writeRules.ts: a new value that may not be there
 * is removed, a value that may not change gets its old value back, an edit of a text that may not
 * be edited is reversed character for character. The honest changes of the same update stay.
 *
 * `analyse` runs in the client transaction's `afterTransaction`, the last moment at which Yjs
 * still holds what the transaction deleted (it is garbage-collected right after); it reads all it
 * needs into plain values and returns the corrections as closures, which the room runs as one
 * transaction before the update is stored and relayed. Cost: proportional to what the update
 * inserted and deleted, not to the document.
 */

// Yjs shared types are invariant in their event type, so only `any` fits every type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SharedType = Y.AbstractType<any>;

/** A value as it was before the transaction, for putting it back. */
type Plain = { map: Array<[string, Plain]> } | { text: string } | { value: unknown };

/** Undoes one refused change; run inside the correcting transaction. */
export type Fix = (tr: Y.Transaction) => void;

export interface PolicyResult {
  refusals: WriteRefusal[];
  /** Run in one transaction, right after the client's. */
  fixes: Fix[];
  /**
   * Writes of this update that lost a conflict only to values the policy removed or put back (a
   * forgery that raced them): run as the writer's own transaction, so the policy checks them again.
   */
  reasserts: Fix[];
}

/**
 * What a room remembers between updates: authors of deleted cards, and the map values the policy
 * itself removed or wrote (a concurrent honest write that loses to one of those is put back).
 */
export interface PolicyMemory {
  deletedAuthors: DeletedAuthors;
  /** Photos of deleted cards, by card id (issue 16): an undo may put the same photo back. */
  deletedPhotos: Map<string, string>;
  policyItems: WeakSet<Y.Item>;
}

export function createPolicyMemory(): PolicyMemory {
  return { deletedAuthors: new Map(), deletedPhotos: new Map(), policyItems: new WeakSet() };
}

/** Remembers what a correcting transaction (origin 'policy') wrote and removed. */
export function markPolicyItems(doc: Y.Doc, tr: Y.Transaction, memory: PolicyMemory): void {
  for (const item of insertedItems(doc, tr)) memory.policyItems.add(item);
  for (const item of deletedItems(doc, tr)) memory.policyItems.add(item);
}

/**
 * Cards deleted from this document, by card id: their author and a hash of their text, so that
 * undoing a deletion (the same card comes back with its id, author and text) keeps the original
 * author, while a new text under that id does not. Bounded to the latest 2,000 (≈ 100 KB).
 */
export type DeletedAuthors = Map<string, string>;
const DELETED_AUTHORS_MAX = 2000;

/** FNV-1a over UTF-16 code units: enough to tell an undo from a new text, not a security hash. */
function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const authorKey = (authorId: unknown, text: string) => `${String(authorId)}\n${textHash(text)}`;

function rememberAuthor(memory: DeletedAuthors, cardId: string, authorId: unknown, text: string): void {
  if (typeof authorId !== 'string') return;
  remember(memory, cardId, authorKey(authorId, text));
}

/** A bounded memory of deleted cards: the latest DELETED_AUTHORS_MAX entries. */
function remember(memory: Map<string, string>, cardId: string, value: string): void {
  memory.delete(cardId);
  memory.set(cardId, value);
  if (memory.size > DELETED_AUTHORS_MAX) memory.delete(memory.keys().next().value!);
}

/** A photo reference as one comparable string; null for a value that is none. */
function photoKey(value: unknown): string | null {
  const photo = readPhotoRef(value);
  return photo ? JSON.stringify(photo) : null;
}

export interface Context {
  tr: Y.Transaction;
  writer: Writer;
  deletedAuthors: DeletedAuthors;
  deletedPhotos: Map<string, string>;
  reasserts: Fix[];
  refusals: Set<WriteRefusal>;
  fixes: Fix[];
  /** Map keys already decided (a key's delete and insert come as two items). */
  decidedKeys: Map<SharedType, Set<string>>;
  /** Texts whose whole edit is reversed. */
  revertedTexts: Set<Y.Text>;
}

export const isNew = (tr: Y.Transaction, item: Y.Item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
const deletedNow = (tr: Y.Transaction, item: Y.Item) => Y.isDeleted(tr.deleteSet, item.id);
/** Part of the document before the transaction (deleted by it, or still there). */
const wasLive = (tr: Y.Transaction, item: Y.Item) => !isNew(tr, item) && (!item.deleted || deletedNow(tr, item));

/** The type an item holds, if it holds one. */
export function typeOf(item: Y.Item): SharedType | null {
  return item.content instanceof Y.ContentType ? (item.content.type as SharedType) : null;
}

/** The value of a map key before the transaction, or undefined when it had none. */
function valueBefore(tr: Y.Transaction, map: SharedType, key: string): Plain | undefined {
  for (let item: Y.Item | null = map._map.get(key) ?? null; item !== null; item = item.left) {
    if (wasLive(tr, item)) return plainOf(tr, item);
    if (!isNew(tr, item)) return undefined;
  }
  return undefined;
}

function plainOf(tr: Y.Transaction, item: Y.Item): Plain {
  const type = typeOf(item);
  if (type instanceof Y.Map) {
    const entries: Array<[string, Plain]> = [];
    for (const key of type._map.keys()) {
      const value = valueBefore(tr, type, key);
      if (value !== undefined) entries.push([key, value]);
    }
    return { map: entries };
  }
  if (type instanceof Y.Text) return { text: textBefore(tr, type) };
  const content = item.content.getContent();
  return { value: content[content.length - 1] };
}

function textBefore(tr: Y.Transaction, text: SharedType): string {
  let out = '';
  for (let n = text._start; n !== null; n = n.right) {
    if (wasLive(tr, n) && n.content instanceof Y.ContentString) out += n.content.str;
  }
  return out;
}

/** The value a writer meant with an item of its update, also when the item lost a conflict. */
function plainIntended(item: Y.Item): Plain {
  const type = typeOf(item);
  if (type instanceof Y.Map) {
    const entries: Array<[string, Plain]> = [];
    for (const [key, child] of type._map) entries.push([key, plainIntended(child)]);
    return { map: entries };
  }
  if (type instanceof Y.Text) {
    let out = '';
    for (let n = type._start; n !== null; n = n.right) if (n.content instanceof Y.ContentString) out += n.content.str;
    return { text: out };
  }
  const content = item.content.getContent();
  return { value: content[content.length - 1] };
}

/**
 * A map write of this update that Yjs deleted on arrival because a concurrent value sits to its
 * right, where every such value is one the policy removed or wrote: the honest write should win.
 */
function lostToPolicy(item: Y.Item, memory: PolicyMemory): boolean {
  if (item.parentSub === null || item.right === null || (item.parent as SharedType)._item?.deleted) return false;
  for (let r: Y.Item | null = item.right; r !== null; r = r.right) if (!memory.policyItems.has(r)) return false;
  return true;
}

function materialize(plain: Plain): unknown {
  if ('map' in plain) {
    const map = new Y.Map<unknown>();
    for (const [key, value] of plain.map) map.set(key, materialize(value));
    return map;
  }
  if ('text' in plain) return new Y.Text(plain.text);
  return plain.value;
}

/** What the value under a key of a live map reads now (a raw read: nothing is deleted yet). */
export function currentValue(map: SharedType, key: string): unknown {
  const item = map._map.get(key);
  if (!item || item.deleted) return undefined;
  const type = typeOf(item);
  if (type) return type;
  const content = item.content.getContent();
  return content[content.length - 1];
}

/** A field's value as it was before the transaction (plain value only). */
export function fieldBefore(tr: Y.Transaction, map: SharedType, key: string): unknown {
  const before = valueBefore(tr, map, key);
  return before && 'value' in before ? before.value : undefined;
}

/** Puts a map key back as it was before the transaction. */
export function restoreKey(ctx: Context, map: SharedType, key: string, refusal: WriteRefusal): void {
  const seen = ctx.decidedKeys.get(map) ?? new Set<string>();
  ctx.decidedKeys.set(map, seen);
  if (seen.has(key)) return;
  seen.add(key);
  ctx.refusals.add(refusal);
  const before = valueBefore(ctx.tr, map, key);
  const target = map as Y.Map<unknown>;
  ctx.fixes.push(() => {
    if (map._item?.deleted) return;
    if (before === undefined) target.delete(key);
    else target.set(key, materialize(before));
  });
}

/** Reverses every insertion and deletion the transaction made in `text`. */
function revertText(ctx: Context, text: Y.Text, refusal: WriteRefusal): void {
  if (ctx.revertedTexts.has(text)) return;
  ctx.revertedTexts.add(text);
  ctx.refusals.add(refusal);
  const ops: Array<{ at: number; insert?: string; remove?: number }> = [];
  let index = 0;
  for (let n = text._start; n !== null; n = n.right) {
    if (n.deleted) {
      if (wasLive(ctx.tr, n) && n.content instanceof Y.ContentString) ops.push({ at: index, insert: n.content.str });
      continue;
    }
    if (!n.countable) continue;
    if (isNew(ctx.tr, n)) ops.push({ at: index, remove: n.length });
    index += n.length;
  }
  ctx.fixes.push(() => {
    if (text._item?.deleted) return;
    for (let i = ops.length - 1; i >= 0; i--) {
      const op = ops[i]!;
      if (op.insert !== undefined) text.insert(op.at, op.insert);
      else text.delete(op.at, op.remove!);
    }
  });
}

/** Whether a value fits a field of the schema. */
export function fits(kind: FieldKind | undefined, value: unknown): boolean {
  if (!kind) return false;
  if ('type' in kind) return value instanceof Y.Text;
  return !(value instanceof Y.AbstractType) && kind.value(value);
}

/** The path of an item below its root: the map keys on the way (null inside a text), and the root. */
function locate(item: Y.Item): { root: string | null; rootType: SharedType; keys: Array<string | null> } {
  const keys: Array<string | null> = [item.parentSub];
  let type = item.parent as SharedType;
  while (type._item !== null) {
    keys.unshift(type._item.parentSub);
    type = type._item.parent as SharedType;
  }
  let root: string | null = null;
  for (const [name, shared] of type.doc?.share ?? []) if (shared === type) root = name;
  return { root, rootType: type, keys };
}

/** Every item the transaction inserted and that is still there (or all of them, `withDeleted`). */
function insertedItems(doc: Y.Doc, tr: Y.Transaction, withDeleted = false): Y.Item[] {
  const out: Y.Item[] = [];
  for (const [client, after] of tr.afterState) {
    const start = tr.beforeState.get(client) ?? 0;
    if (after <= start) continue;
    const structs = doc.store.clients.get(client) ?? [];
    for (let i = firstAtOrAfter(structs, start); i < structs.length; i++) {
      const s = structs[i]!;
      if (s instanceof Y.Item && (withDeleted || !s.deleted)) out.push(s);
    }
  }
  return out;
}

/** Every item that existed before the transaction and that it deleted. */
function deletedItems(doc: Y.Doc, tr: Y.Transaction): Y.Item[] {
  const out: Y.Item[] = [];
  for (const [client, ranges] of tr.deleteSet.clients) {
    const structs = doc.store.clients.get(client) ?? [];
    for (const { clock, len } of ranges) {
      for (let i = firstAtOrAfter(structs, clock); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= clock + len) break;
        if (s instanceof Y.Item && !isNew(tr, s)) out.push(s);
      }
    }
  }
  return out;
}

/** Index of the first struct that ends after `clock` (binary search; structs are sorted by clock). */
function firstAtOrAfter(structs: ReadonlyArray<Y.Item | Y.GC | { id: Y.ID; length: number }>, clock: number): number {
  let lo = 0;
  let hi = structs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (s.id.clock + s.length <= clock) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Deletes an item the transaction inserted (a value or a whole type outside the schema). */
export function removeInserted(ctx: Context, item: Y.Item, refusal: WriteRefusal): void {
  ctx.refusals.add(refusal);
  const parent = item.parent as SharedType;
  if (item.parentSub !== null && parent instanceof Y.Map) return restoreKey(ctx, parent, item.parentSub, refusal);
  if (item.parentSub === null && parent instanceof Y.Text) return revertText(ctx, parent, refusal);
  // In an array, a text's attributes, or a root of no type the board knows: the item itself goes.
  ctx.fixes.push((tr) => {
    if (!item.deleted) item.delete(tr);
  });
}

/**
 * Checks what a client transaction changed against the schema and the writer's rights; returns
 * the refusals and the fixes that undo them. Call it from `afterTransaction` (see above).
 */
export function analyse(
  doc: Y.Doc,
  tr: Y.Transaction,
  writer: Writer,
  memory: PolicyMemory,
  /** The document is at its size budget: nothing may be added. */
  full = false,
): PolicyResult {
  const ctx: Context = {
    tr,
    writer,
    deletedAuthors: memory.deletedAuthors,
    deletedPhotos: memory.deletedPhotos,
    reasserts: [],
    refusals: new Set(),
    fixes: [],
    decidedKeys: new Map(),
    revertedTexts: new Set(),
  };
  for (const item of insertedItems(doc, tr)) {
    if (full) removeInserted(ctx, item, 'board_full');
    else checkItem(ctx, item, true);
  }
  for (const item of deletedItems(doc, tr)) checkItem(ctx, item, false);
  if (!full) {
    for (const item of insertedItems(doc, tr, true)) {
      if (!item.deleted || !lostToPolicy(item, memory)) continue;
      const map = item.parent as Y.Map<unknown>;
      const key = item.parentSub!;
      const value = plainIntended(item);
      ctx.reasserts.push(() => map.set(key, materialize(value)));
    }
  }
  return { refusals: [...ctx.refusals], fixes: ctx.fixes, reasserts: ctx.reasserts };
}

/** Checks an item under one board root; `keys` is its path below the root, `rootType` the root. */
export type RootCheck = (
  ctx: Context,
  item: Y.Item,
  inserted: boolean,
  keys: Array<string | null>,
  rootType: SharedType,
) => void;

/** Checks one inserted (or deleted) item by where it sits in the board. */
function checkItem(ctx: Context, item: Y.Item, inserted: boolean): void {
  const parent = item.parent as SharedType;
  // What sits inside a type that is itself gone is decided with that type.
  if (parent._item?.deleted) return;
  const { root, rootType, keys } = locate(item);
  if (root === null || !isBoardRoot(root)) {
    if (inserted) removeInserted(ctx, item, 'schema');
    return;
  }
  const expected = BOARD_ROOTS[root];
  if (expected === 'text') return checkCoreQuestion(ctx, item, inserted, keys, rootType);
  if (keys[0] === null || keys[0] === undefined) {
    if (inserted) removeInserted(ctx, item, 'schema');
    return;
  }
  switch (root) {
    case CARDS_KEY:
      return checkCard(ctx, item, inserted, keys, rootType);
    case CLUSTERS_KEY:
      return checkCluster(ctx, item, inserted, keys, rootType);
    case DOTS_KEY:
      return checkDots(ctx, item, inserted, keys, rootType);
    case LEARNINGS_KEY:
      return checkLearning(ctx, item, inserted, keys, rootType);
    case REVIEWS_KEY:
      return checkReview(ctx, item, inserted, keys, rootType);
    case REVIEW_REACTIONS_KEY:
      return checkReviewReaction(ctx, item, inserted, keys, rootType);
    case FROM_TO_KEY:
      return checkMovement(ctx, item, inserted, keys, rootType);
    case FROM_TO_DOTS_KEY:
      return checkMovementDots(ctx, item, inserted, keys, rootType);
  }
}

const checkCoreQuestion: RootCheck = (ctx, item, inserted, keys, rootType) => {
  if (keys.length !== 1 || keys[0] !== null || !(rootType instanceof Y.Text)) {
    if (inserted) removeInserted(ctx, item, 'schema');
    return;
  }
  if (inserted && !(item.content instanceof Y.ContentString)) return removeInserted(ctx, item, 'schema');
  const refusal = coreQuestionVerdict(ctx.writer);
  if (refusal) revertText(ctx, rootType, refusal);
};

/** The entry of a map root (a card, a cluster) that holds an item `depth` levels below the entry. */
function entryOf(item: Y.Item, depth: number): SharedType {
  let type = item.parent as SharedType;
  for (let d = depth; d > 1; d--) type = type._item!.parent as SharedType;
  return type;
}

/**
 * A card or cluster itself (created, deleted or replaced): it lives in a column, which the writer
 * must have open. Returns the entry when the change stands, null when it was refused.
 */
function checkColumnEntry(
  ctx: Context,
  item: Y.Item,
  inserted: boolean,
  id: string,
  map: SharedType,
): SharedType | null {
  const entry = typeOf(item);
  if (inserted && (!(entry instanceof Y.Map) || !isEntryKey(id))) {
    removeInserted(ctx, item, 'schema');
    return null;
  }
  if (!(entry instanceof Y.Map)) return null; // a deleted value outside the schema may go
  const column = inserted ? currentValue(entry, 'column') : fieldBefore(ctx.tr, entry, 'column');
  const refusal = columnVerdict(ctx.writer, column);
  if (!refusal) return entry;
  restoreKey(ctx, map, id, refusal);
  return null;
}

const checkCard: RootCheck = (ctx, item, inserted, keys, rootType) => {
  const { tr, writer } = ctx;
  if (keys.length === 1) {
    const cardId = keys[0]!;
    const card = checkColumnEntry(ctx, item, inserted, cardId, rootType);
    if (!card) return;
    if (inserted) {
      // The author is whoever the server knows wrote it, whatever the client put there; a card
      // put back after a deletion (undo) keeps the author it had.
      const claimed = currentValue(card, 'authorId');
      const text = currentValue(card, 'text');
      const restored = text instanceof Y.Text && authorKey(claimed, text.toString()) === ctx.deletedAuthors.get(cardId);
      if (claimed !== writer.id && !restored) {
        if (claimed !== undefined) ctx.refusals.add('author');
        ctx.fixes.push(() => (card as Y.Map<unknown>).set('authorId', writer.id));
      }
      return;
    }
    const text = card._map.get('text');
    const oldText = text ? typeOf(text) : null;
    rememberAuthor(
      ctx.deletedAuthors,
      cardId,
      fieldBefore(tr, card, 'authorId'),
      oldText ? textBefore(tr, oldText) : '',
    );
    const photo = photoKey(fieldBefore(tr, card, PHOTO_KEY));
    if (photo) remember(ctx.deletedPhotos, cardId, photo);
    return;
  }
  const card = entryOf(item, keys.length - 1);
  const cardItem = card._item!;
  const newCard = isNew(tr, cardItem);
  const field = keys[1];
  if (keys.length === 2 && field !== null && field !== undefined) {
    // A field of a card.
    if (newCard) {
      if (!inserted) return;
      if (!fits(CARD_FIELDS[field], currentValue(card, field))) return removeInserted(ctx, item, 'schema');
      const value = currentValue(card, field);
      const restoresPhoto = field === PHOTO_KEY && photoKey(value) === ctx.deletedPhotos.get(keys[0]!);
      const refusal = newCardFieldVerdict(writer, field, currentValue(card, 'column'), restoresPhoto);
      if (refusal) restoreKey(ctx, card, field, refusal);
      return;
    }
    if (inserted && !fits(CARD_FIELDS[field], currentValue(card, field))) return restoreKey(ctx, card, field, 'schema');
    if (!CARD_FIELDS[field]) return; // removing a key outside the schema is fine
    const column = fieldBefore(tr, card, 'column');
    const refusal =
      field === 'column'
        ? moveVerdict(writer, column, currentValue(card, 'column'))
        : field === 'text'
          ? 'fixed_field'
          : cardFieldVerdict(writer, field, column);
    if (refusal) restoreKey(ctx, card, field, refusal);
    return;
  }
  if (keys.length === 3 && field === 'text' && keys[2] === null) {
    // Characters of a card's text.
    const text = item.parent as SharedType;
    if (!(text instanceof Y.Text)) return;
    if (inserted && !(item.content instanceof Y.ContentString)) return removeInserted(ctx, item, 'schema');
    if (newCard || isNew(tr, text._item!)) return;
    const refusal = columnVerdict(writer, fieldBefore(tr, card, 'column'));
    if (refusal) revertText(ctx, text, refusal);
    return;
  }
  if (inserted) removeInserted(ctx, item, 'schema');
};

const checkCluster: RootCheck = (ctx, item, inserted, keys, rootType) => {
  const { tr, writer } = ctx;
  if (keys.length === 1) {
    checkColumnEntry(ctx, item, inserted, keys[0]!, rootType);
    return;
  }
  const field = keys[1];
  if (keys.length !== 2 || field === null || field === undefined) {
    if (inserted) removeInserted(ctx, item, 'schema');
    return;
  }
  const cluster = item.parent as SharedType;
  if (inserted && !fits(CLUSTER_FIELDS[field], currentValue(cluster, field))) {
    return isNew(tr, cluster._item!) ? removeInserted(ctx, item, 'schema') : restoreKey(ctx, cluster, field, 'schema');
  }
  if (isNew(tr, cluster._item!) || !CLUSTER_FIELDS[field]) return;
  const refusal =
    field === 'column'
      ? moveVerdict(writer, fieldBefore(tr, cluster, 'column'), currentValue(cluster, 'column'))
      : field === 'createdAt'
        ? 'fixed_field'
        : columnVerdict(writer, fieldBefore(tr, cluster, 'column'));
  if (refusal) restoreKey(ctx, cluster, field, refusal);
};

/** The column of a card on this board now, for a dot on it. */
function columnOfCard(type: SharedType, cardId: string): unknown {
  const cards = type.doc!.share.get(CARDS_KEY);
  const card = cards ? currentValue(cards, cardId) : undefined;
  return card instanceof Y.Map ? currentValue(card, 'column') : null;
}

/**
 * Who may change an owner's entry of a dots root (`target` undefined) or one count in it on
 * `target`; `inserted`: the count is new or changed, `own` the owner's entry.
 */
type DotVerdict = (
  w: Writer,
  owner: string,
  target: string | undefined,
  inserted: boolean,
  own: SharedType,
) => WriteRefusal | null;

/** A dots root (dots.ts): participant id → Y.Map { target id → count }, checked by `verdict`. */
const ownDotsCheck =
  (verdict: DotVerdict): RootCheck =>
  (ctx, item, inserted, keys, rootType) => {
    const owner = keys[0]!;
    if (keys.length === 1) {
      if (inserted && (!(typeOf(item) instanceof Y.Map) || !isEntryKey(owner)))
        return removeInserted(ctx, item, 'schema');
      const refusal = verdict(ctx.writer, owner, undefined, inserted, rootType);
      if (refusal) restoreKey(ctx, rootType, owner, refusal);
      return;
    }
    const target = keys[1];
    const own = item.parent as SharedType;
    if (keys.length !== 2 || target === null || target === undefined) {
      if (inserted) removeInserted(ctx, item, 'schema');
      return;
    }
    if (inserted && !isDotCount(currentValue(own, target))) return removeInserted(ctx, item, 'schema');
    const refusal = verdict(ctx.writer, owner, target, inserted, own);
    if (refusal) restoreKey(ctx, own, target, refusal);
  };

const checkDots = ownDotsCheck((w, owner, cardId, inserted, own) => {
  if (cardId === undefined) return dotVerdict(w, owner, undefined);
  // A dot goes on a card of this board (so a person's entry stays as small as the board).
  const column = columnOfCard(own, cardId);
  return inserted && column === null ? 'dots_closed' : dotVerdict(w, owner, column ?? undefined);
});

/** Issue 16: dots on from → to rows, which must be rows of this board. */
const checkMovementDots = ownDotsCheck((w, owner, rowId, inserted, own) => {
  const rows = own.doc!.share.get(FROM_TO_KEY);
  if (rowId !== undefined && inserted && !(rows && currentValue(rows, rowId) instanceof Y.Map)) return 'dots_closed';
  return movementDotVerdict(w, owner);
});

/**
 * Issue 16: a row of the from → to table, its fields, and the characters of its two cells. Like a
 * card: the author is the writer, a row's fields are fixed once it exists, only its cells' texts
 * are edited, and all of it only while the writer may edit the table.
 */
const checkMovement: RootCheck = (ctx, item, inserted, keys, rootType) => {
  const { tr, writer } = ctx;
  if (keys.length === 1) {
    const rowId = keys[0]!;
    const row = typeOf(item);
    if (inserted && (!(row instanceof Y.Map) || !isEntryKey(rowId))) return removeInserted(ctx, item, 'schema');
    if (!(row instanceof Y.Map)) return; // a deleted value outside the schema may go
    const refusal = movementVerdict(writer);
    if (refusal) return restoreKey(ctx, rootType, rowId, refusal);
    if (inserted && currentValue(row, 'authorId') !== writer.id) {
      if (currentValue(row, 'authorId') !== undefined) ctx.refusals.add('author');
      ctx.fixes.push(() => (row as Y.Map<unknown>).set('authorId', writer.id));
    }
    return;
  }
  const row = entryOf(item, keys.length - 1);
  const newRow = isNew(tr, row._item!);
  const field = keys[1];
  if (keys.length === 2 && field !== null && field !== undefined) {
    const fitting = fits(MOVEMENT_FIELDS[field], currentValue(row, field));
    if (newRow) {
      if (inserted && !fitting) removeInserted(ctx, item, 'schema');
      return;
    }
    if (inserted && !fitting) return restoreKey(ctx, row, field, 'schema');
    if (MOVEMENT_FIELDS[field]) restoreKey(ctx, row, field, movementFieldVerdict(field));
    return;
  }
  if (keys.length === 3 && (field === 'from' || field === 'to') && keys[2] === null) {
    const text = item.parent as SharedType;
    if (!(text instanceof Y.Text)) return;
    if (inserted && !(item.content instanceof Y.ContentString)) return removeInserted(ctx, item, 'schema');
    if (newRow || isNew(tr, text._item!)) return;
    const refusal = movementVerdict(writer);
    if (refusal) revertText(ctx, text, refusal);
    return;
  }
  if (inserted) removeInserted(ctx, item, 'schema');
};

const checkLearning: RootCheck = (ctx, item, inserted, keys, rootType) => {
  const owner = keys[0]!;
  if (keys.length !== 1) {
    if (inserted) removeInserted(ctx, item, 'schema');
    return;
  }
  if (inserted && (!isEntryKey(owner) || !isLearning(currentValue(rootType, owner)))) {
    return removeInserted(ctx, item, 'schema');
  }
  const refusal = learningVerdict(ctx.writer, owner);
  if (refusal) restoreKey(ctx, rootType, owner, refusal);
};
