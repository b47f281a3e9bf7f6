import type * as Y from 'yjs';
import {
  CARDS_KEY,
  CLUSTERS_KEY,
  CORE_QUESTION_KEY,
  DOTS_KEY,
  FROM_TO_DOTS_KEY,
  FROM_TO_KEY,
  LEARNINGS_KEY,
  isColumn,
  type Column,
} from './board';
import { isPhotoRef } from '../protocol/photos';
import { isRating, isReaction } from './boardExtras';
import { boardRights, plenaryBoardRights, tableFor, type BoardRights } from './permissions';
import { LIMITS } from '../protocol/limits';
import type { Role, SessionState } from '../protocol/types';
import { parseDocName } from './docNames';
import { REVIEWS_KEY, REVIEW_REACTIONS_KEY } from './bookClub';

/*
 * Who may write what in a board document, pure. The server applies these rules to every client
 * update in the same commit (server/src/yjs/writePolicy.ts): what breaks a rule is undone before
 * the update is stored or relayed, and the sender is told why. The client reads the same rights
 * (permissions.ts) to decide what it offers, so an honest client never meets a refusal.
 */

/** The root keys of a board document, and the kind of shared type each one is. */
export const BOARD_ROOTS = {
  [CARDS_KEY]: 'map',
  [CLUSTERS_KEY]: 'map',
  [DOTS_KEY]: 'map',
  [LEARNINGS_KEY]: 'map',
  [CORE_QUESTION_KEY]: 'text',
  /** Issue 16, the book club (bookClub.ts). */
  [REVIEWS_KEY]: 'map',
  [REVIEW_REACTIONS_KEY]: 'map',
  /** Issue 16, the from → to table (fromTo.ts). */
  [FROM_TO_KEY]: 'map',
  [FROM_TO_DOTS_KEY]: 'map',
} as const;
export type BoardRoot = keyof typeof BOARD_ROOTS;

export function isBoardRoot(name: string): name is BoardRoot {
  return Object.hasOwn(BOARD_ROOTS, name);
}

/**
 * Gives the schema's roots their types before any client update arrives (the server's rooms do
 * this), so what a client writes into them integrates as the board expects, and a root of
 * another kind (`getArray('cards')`) is refused instead of shadowing the board.
 */
export function typeBoardRoots(doc: Y.Doc): void {
  for (const [root, kind] of Object.entries(BOARD_ROOTS)) {
    if (kind === 'map') doc.getMap(root);
    else doc.getText(root);
  }
}

/** Card and cluster ids, participant ids: what a map key of the schema may look like. */
const ENTRY_KEY = /^[A-Za-z0-9_-]{1,64}$/;
export function isEntryKey(key: string): boolean {
  return ENTRY_KEY.test(key);
}

/** The value kinds a field may hold: a plain value checked by a predicate, or a shared type. */
export type FieldKind = { value: (v: unknown) => boolean } | { type: 'text' };

/** Any string: a long one is cut to LIMITS.cardChars by the content limits, not removed. */
const text = (v: unknown) => typeof v === 'string';
const idString = (v: unknown) => typeof v === 'string' && v.length <= 200;
const timestamp = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Fields of a card (docs/API.md, "Board schema"); any other key is removed. */
export const CARD_FIELDS: Record<string, FieldKind> = {
  column: { value: isColumn },
  text: { type: 'text' },
  authorId: { value: idString },
  createdAt: { value: timestamp },
  clusterId: { value: idString },
  reaction: { value: isReaction },
  reactionNote: { value: text },
  rating: { value: isRating },
  promotedFrom: { value: idString },
  /** Issue 16: only the upload route writes it, with a photo it stored for this session. */
  photo: { value: isPhotoRef },
};

/** Fields of a cluster. */
export const CLUSTER_FIELDS: Record<string, FieldKind> = {
  title: { value: text },
  column: { value: isColumn },
  createdAt: { value: timestamp },
};

/** Fields of a from → to row (fromTo.ts); any other key is removed. */
export const MOVEMENT_FIELDS: Record<string, FieldKind> = {
  from: { type: 'text' },
  to: { type: 'text' },
  authorId: { value: idString },
  createdAt: { value: timestamp },
};

/** A dot count: a positive whole number no larger than the largest dot budget. */
export function isDotCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= LIMITS.dotsPerPersonMax;
}

export function isLearning(v: unknown): boolean {
  return text(v);
}

/** Why a write was undone; sent as `not_allowed: <message>` (or `not_in_schema: …`). */
export const WRITE_REFUSALS = {
  column_closed: 'this column is closed in the current round; the change was undone',
  author: "a card's author is set by the server and never changes; the change was undone",
  fixed_field: "a card's column text, creation time and origin are fixed once it exists; the change was undone",
  reaction: 'only the case holder (or the facilitator) reacts to advice, in the reaction round; the change was undone',
  rating: 'only the case holder (or the facilitator) rates questions, in the rating round; the change was undone',
  own_entry: 'each person writes only their own dots and learning point; the change was undone',
  dots_closed: 'dot voting is not open for this card now; the change was undone',
  learning_closed: 'learning points are written in the closing round; the change was undone',
  core_question: 'only the case holder (or the facilitator) writes the core question; the change was undone',
  photo: "a card's photo is attached by the server when one is uploaded to the card; the change was undone",
  from_to_closed: 'the from → to table is written in its own round (or by the facilitator); the change was undone',
  review:
    'only the reviewer changes a review (the facilitator may remove one), in the book-club round; the change was undone',
  review_invalid:
    'a review needs a title, a verdict (must-read, useful or skip) and one sentence why; a link must start with http:// or https://; texts within their limits; the change was undone',
  review_reaction: `each person gives one reaction of their own (at most ${LIMITS.reviewReactionChars} characters) to someone else's review, in the book-club round; the change was undone`,
  schema: 'this is not part of the board; it was removed',
  board_full: 'this board has reached its size limit; delete something first',
} as const;
export type WriteRefusal = keyof typeof WRITE_REFUSALS;

/** The permission-denied reason sent to the writer. */
export function refusalReason(refusal: WriteRefusal): string {
  const code = refusal === 'schema' ? 'not_in_schema' : refusal === 'board_full' ? 'board_full' : 'not_allowed';
  return `${code}: ${WRITE_REFUSALS[refusal]}`;
}

/** Someone writing to one document: their author id (participant id or `host`) and rights now. */
export interface Writer {
  id: string;
  rights: BoardRights;
}

export interface WriterIdentity {
  role: Role;
  participantId: string | null;
  /** The participant's table (drafts follow its round); null for host and recipient. */
  groupId: string | null;
}

const NO_COLUMNS: ReadonlySet<Column> = new Set();

/**
 * The writer of `docName` in the session's current state: a table board follows its table's
 * round; a private draft follows its owner's table but holds cards only; the plenary board is the
 * host's (participants read it). With no state, nothing is writable.
 */
export function writerFor(state: SessionState | null, docName: string, who: WriterIdentity): Writer {
  const id = who.role === 'host' ? 'host' : (who.participantId ?? '');
  const input = { state, role: who.role, participantId: who.participantId };
  const doc = parseDocName(docName);
  if (doc?.kind === 'plenary') {
    const base = boardRights({ ...input, table: state?.tables[0] ?? null });
    return { id, rights: plenaryBoardRights(base, who.role) };
  }
  if (doc?.kind === 'draft') {
    const table = state?.tables.find((t) => t.id === who.groupId) ?? null;
    const rights = boardRights({ ...input, table });
    return {
      id,
      rights: {
        ...rights,
        dotColumns: NO_COLUMNS,
        canReact: false,
        canRate: false,
        canWriteLearning: false,
        canEditCoreQuestion: false,
        canReview: false,
        canEditFromTo: false,
        canDotFromTo: false,
      },
    };
  }
  return { id, rights: boardRights({ ...input, table: tableFor(state, docName) }) };
}

/** Creating, deleting or editing the text of a card (or cluster) in `column`. */
export function columnVerdict(w: Writer, column: unknown): WriteRefusal | null {
  return isColumn(column) && w.rights.writable.has(column) ? null : 'column_closed';
}

/** Moving a card or cluster from one column to another: both must be open. */
export function moveVerdict(w: Writer, from: unknown, to: unknown): WriteRefusal | null {
  return columnVerdict(w, from) ?? columnVerdict(w, to);
}

/** Setting, changing or removing a field of an existing card in `column`. */
export function cardFieldVerdict(w: Writer, field: string, column: unknown): WriteRefusal | null {
  switch (field) {
    case 'clusterId':
      return columnVerdict(w, column);
    case 'reaction':
    case 'reactionNote':
      return w.rights.canReact && column === 'advice' ? null : 'reaction';
    case 'rating':
      return w.rights.canRate && column === 'question' ? null : 'rating';
    case 'authorId':
      return 'author';
    case 'photo':
      return 'photo';
    default:
      return 'fixed_field';
  }
}

/**
 * Optional fields set on a card as it is created (the required ones are checked by the schema).
 * `restoresPhoto`: the card's photo is the very one this card id held when it was deleted (an
 * undo of the deletion), so the server issued it for this session.
 */
export function newCardFieldVerdict(
  w: Writer,
  field: string,
  column: unknown,
  restoresPhoto = false,
): WriteRefusal | null {
  if (field === 'reaction' || field === 'reactionNote' || field === 'rating') return cardFieldVerdict(w, field, column);
  // Promotion to the plenary board is the server's (card:promote), never a client's.
  if (field === 'promotedFrom') return 'fixed_field';
  // A photo reference is the upload route's, never a client's: no id a client names is trusted.
  if (field === 'photo') return restoresPhoto ? null : 'photo';
  return null;
}

/** A person's own entry of `dots` (the map itself, or one count on a card in `column`). */
export function dotVerdict(w: Writer, owner: string, column: unknown | undefined): WriteRefusal | null {
  if (owner !== w.id || w.rights.dotColumns.size === 0) return owner !== w.id ? 'own_entry' : 'dots_closed';
  if (column === undefined) return null;
  return isColumn(column) && w.rights.dotColumns.has(column) ? null : 'dots_closed';
}

export function learningVerdict(w: Writer, owner: string): WriteRefusal | null {
  if (owner !== w.id) return 'own_entry';
  return w.rights.canWriteLearning ? null : 'learning_closed';
}

export function coreQuestionVerdict(w: Writer): WriteRefusal | null {
  return w.rights.canEditCoreQuestion ? null : 'core_question';
}

/** Adding, deleting or editing a row of the from → to table (issue 16). */
export function movementVerdict(w: Writer): WriteRefusal | null {
  return w.rights.canEditFromTo ? null : 'from_to_closed';
}

/** Changing a row's author or creation time, or replacing a cell's text: never (like a card's). */
export function movementFieldVerdict(field: string): WriteRefusal {
  return field === 'authorId' ? 'author' : 'fixed_field';
}

/** A person's own entry of `fromToDots` (the map itself, or one count on a row). */
export function movementDotVerdict(w: Writer, owner: string): WriteRefusal | null {
  if (owner !== w.id) return 'own_entry';
  return w.rights.canDotFromTo ? null : 'dots_closed';
}
