/**
 * The smallest single splice that turns `before` into `after`: a common prefix and suffix are
 * kept and only the middle is replaced. Applied to a Y.Text as delete + insert, concurrent edits
 * elsewhere in the text merge instead of being overwritten.
 */
export interface Splice {
  index: number;
  deleteCount: number;
  insert: string;
}

export function diffText(before: string, after: string, caretAfter?: number): Splice | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  // Typing "a" into "aa" is ambiguous; the caret says where the edit really ended, so the
  // unchanged suffix may not reach left of it.
  const maxSuffix = caretAfter === undefined ? max : Math.max(0, Math.min(max, after.length - caretAfter));
  let suffix = 0;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  let prefix = 0;
  while (prefix < max - suffix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair: Y.Text indexes UTF-16 units like JS strings, but a half
  // emoji on each side of a splice would corrupt the text of a peer that edits concurrently.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** One op of a Y.Text delta, reduced to what position mapping needs. */
export interface DeltaOp {
  insert?: unknown;
  delete?: number;
  retain?: number;
}

/**
 * Moves a caret position through a remote change so the local caret stays with the text it was
 * next to. An insert exactly at the caret pushes the caret right only when `stickRight` is set
 * (used for the end of a selection).
 */
export function mapPosition(pos: number, delta: readonly DeltaOp[], stickRight = false): number {
  let cursor = 0; // position in the old text
  let result = pos;
  for (const op of delta) {
    if (cursor > pos || (cursor === pos && !stickRight && op.insert !== undefined)) break;
    if (op.retain !== undefined) {
      cursor += op.retain;
    } else if (op.insert !== undefined) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1;
      result += len;
    } else if (op.delete !== undefined) {
      const removedBeforeCaret = Math.min(op.delete, pos - cursor);
      result -= removedBeforeCaret;
      cursor += op.delete;
    }
  }
  return Math.max(0, result);
}
