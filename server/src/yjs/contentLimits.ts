import * as Y from 'yjs';
import { CARDS_KEY, LIMITS, CLUSTERS_KEY, CORE_QUESTION_KEY, FROM_TO_KEY } from '@casusbord/shared';

/**
 * Bounds on what a client may put into a board document. Yjs cannot refuse half an update, so the
 * server applies a client's update and, when it breaks a bound, corrects it in the same commit:
 * text past the limit is cut off and cards past the limit are removed again. The correction is
 * persisted and relayed together with the update, so every peer (the sender included) converges
 * on the bounded state, and the sender is told why (see DocRoom: a y-websocket permission-denied
 * message whose reason starts with the violation's code).
 */

export type LimitViolation =
  | 'card_too_long'
  | 'text_too_long'
  | 'too_many_cards'
  | 'too_many_clusters'
  | 'movement_too_long'
  | 'too_many_movements';

/** Where the limit lives, for the message sent to the client. */
export const VIOLATION_MESSAGES: Record<LimitViolation, string> = {
  card_too_long: `a card holds at most ${LIMITS.cardChars} characters; the rest was removed`,
  text_too_long: `a text field holds at most ${LIMITS.cardChars} characters; the rest was removed`,
  too_many_cards: `a board holds at most ${LIMITS.cardsPerBoard} cards; the new ones were removed`,
  too_many_clusters: `a board holds at most ${LIMITS.clustersPerBoard} clusters; the new ones were removed`,
  movement_too_long: `a cell of the from → to table holds at most ${LIMITS.movementChars} characters; the rest was removed`,
  too_many_movements: `the from → to table holds at most ${LIMITS.movementsPerBoard} rows; the new ones were removed`,
};

const COUNTED_MAPS: Record<string, { max: number; violation: LimitViolation }> = {
  [CARDS_KEY]: { max: LIMITS.cardsPerBoard, violation: 'too_many_cards' },
  [CLUSTERS_KEY]: { max: LIMITS.clustersPerBoard, violation: 'too_many_clusters' },
  [FROM_TO_KEY]: { max: LIMITS.movementsPerBoard, violation: 'too_many_movements' },
};

/** How deep nested maps are walked (a card is one level below the cards map). */
const MAX_DEPTH = 3;

/** Root texts with a limit of their own; every other Y.Text is a card's (or a note's) text. */
const ROOT_TEXT_LIMITS: Record<string, number> = { [CORE_QUESTION_KEY]: LIMITS.questionChars };

// Yjs shared types are invariant in their event type, so only `any` fits Y.Text and Y.Map alike.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SharedType = Y.AbstractType<any>;

/** The bound of a text below a root map: a from → to cell's, else a card's (or a note's). */
function nestedTextLimit(doc: Y.Doc, text: SharedType): { max: number; violation: LimitViolation } {
  let type = text;
  while (type._item !== null) type = type._item.parent as SharedType;
  return rootName(doc, type) === FROM_TO_KEY
    ? { max: LIMITS.movementChars, violation: 'movement_too_long' }
    : { max: LIMITS.cardChars, violation: 'card_too_long' };
}

function rootName(doc: Y.Doc, type: SharedType): string | null {
  if (type._item !== null) return null;
  for (const [name, root] of doc.share) if (root === type) return name;
  return null;
}

/**
 * Checks the types a client transaction changed (`changed` is Yjs' `transaction.changed`) and
 * corrects what breaks a bound, in one transaction with `origin`. Returns the violations found.
 * Cost: proportional to what the transaction changed, not to the document.
 */
export function enforceContentLimits(
  doc: Y.Doc,
  changed: ReadonlyMap<SharedType, ReadonlySet<string | null>>,
  origin: unknown,
): LimitViolation[] {
  const fixes: Array<() => void> = [];
  const found = new Set<LimitViolation>();
  const checkText = (text: Y.Text, max: number, violation: LimitViolation) => {
    if (text.length <= max) return;
    found.add(violation);
    fixes.push(() => text.delete(max, text.length - max));
  };
  // Types created in this transaction (a new card with its text) are not in `changed`: Yjs only
  // lists types that existed before. So the values set under changed keys are walked as well.
  const checkValue = (parent: Y.Map<unknown>, key: string, value: unknown, depth: number) => {
    if (typeof value === 'string' && value.length > LIMITS.cardChars) {
      found.add('text_too_long');
      fixes.push(() => parent.set(key, value.slice(0, LIMITS.cardChars)));
    } else if (value instanceof Y.Text) {
      const { max, violation } = nestedTextLimit(doc, value);
      checkText(value, max, violation);
    } else if (value instanceof Y.Map && depth < MAX_DEPTH) {
      for (const [k, v] of (value as Y.Map<unknown>).entries()) checkValue(value as Y.Map<unknown>, k, v, depth + 1);
    }
  };
  // The rooms give the schema's roots their types up front (typeBoardRoots); roots outside the
  // schema are the write policy's to remove.
  for (const [type, keys] of changed) {
    const root = rootName(doc, type);
    if (type instanceof Y.Text) {
      if (root === null) {
        const { max, violation } = nestedTextLimit(doc, type);
        checkText(type, max, violation);
      }
      else checkText(type, ROOT_TEXT_LIMITS[root] ?? LIMITS.cardChars, 'text_too_long');
    } else if (type instanceof Y.Map) {
      const map = type as Y.Map<unknown>;
      for (const key of keys) if (key !== null) checkValue(map, key, map.get(key), 0);
      const counted = COUNTED_MAPS[root ?? ''];
      if (counted && map.size > counted.max) {
        found.add(counted.violation);
        // Only entries this transaction touched are removed: what was there before stays.
        const excess = map.size - counted.max;
        const added = [...keys].filter((key): key is string => key !== null && map.has(key)).slice(-excess);
        fixes.push(() => {
          for (const key of added) map.delete(key);
        });
      }
    }
  }
  if (fixes.length > 0) {
    doc.transact(() => {
      for (const fix of fixes) fix();
    }, origin);
  }
  return [...found];
}
