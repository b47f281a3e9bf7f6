import { z } from 'zod';
import { COLUMNS } from './board';
import { boardDocName, PLENARY_GROUP_ID, type DocRef } from './docNames';
import type { Role } from '../protocol/types';
import type { TableFailure } from './tables';

/*
 * "Bring everyone here" on a case day, pure. The facilitator, looking at one board (a table's or
 * the plenary one), brings everyone to it: every participant's screen shows that board, with that
 * table's round, at the facilitator's scroll position, until the facilitator lets them go. A
 * participant may leave with one click ("back to my table") and come back with one click while
 * the focus lasts. Another table's board is read-only for a visitor; the server grants the read
 * only while the focus points there.
 */

/** 0 = top (or left) of the board, 1 = bottom (or right): the same spot on every screen size. */
const fraction = z.number().min(0).max(1);

/** How far each column of the board is scrolled (the columns scroll on their own); absent: at the top. */
const columnScroll = z.strictObject(
  Object.fromEntries(COLUMNS.map((c) => [c, fraction.optional()])) as {
    [C in (typeof COLUMNS)[number]]: z.ZodOptional<typeof fraction>;
  },
);

/** Socket.io `host:focus`: bring everyone to a board (`groupId`: a table, or 'plenary'), or let them go. */
export const hostFocusPayload = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('bring'),
    groupId: z.string().min(1).max(64),
    scrollX: fraction.default(0),
    scrollY: fraction.default(0),
    columns: columnScroll.default({}),
  }),
  z.strictObject({ action: z.literal('release') }),
]);
export type HostFocusPayload = z.infer<typeof hostFocusPayload>;

export const focusSchema = z.object({
  /** Increases with every bring, so a participant who left one is brought again by the next. */
  id: z.number().int().min(1),
  /** A table's id, or PLENARY_GROUP_ID. */
  groupId: z.string(),
  /** The page's own scroll (a narrow screen scrolls the page, not the columns). */
  scrollX: fraction,
  scrollY: fraction,
  columns: columnScroll,
  /** ms since epoch (server time) */
  at: z.number(),
});
/** Where the facilitator has brought everyone (SessionState.focus), or null. */
export type Focus = z.infer<typeof focusSchema>;

/**
 * The focus after the host's `host:focus`: only on a case day (several tables and a plenary
 * board), only to a board the session has.
 */
export function planFocus(
  session: { caseDay: boolean; groups: readonly { id: string }[] },
  payload: HostFocusPayload,
  previous: Focus | null,
  now: number,
): { ok: true; focus: Focus | null } | TableFailure {
  if (!session.caseDay) {
    return { ok: false, code: 'invalid_command', message: 'Bringing everyone to one board is for a case day' };
  }
  if (payload.action === 'release') return { ok: true, focus: null };
  const { groupId, scrollX, scrollY, columns } = payload;
  if (groupId !== PLENARY_GROUP_ID && !session.groups.some((g) => g.id === groupId)) {
    return { ok: false, code: 'not_found', message: `No table "${groupId}"` };
  }
  return { ok: true, focus: { id: (previous?.id ?? 0) + 1, groupId, scrollX, scrollY, columns, at: now } };
}

/** The focus as long as its board exists (a removed table ends it). */
export function liveFocus(focus: Focus | null | undefined, groups: readonly { id: string }[]): Focus | null {
  if (!focus) return null;
  return focus.groupId === PLENARY_GROUP_ID || groups.some((g) => g.id === focus.groupId) ? focus : null;
}

/**
 * Whether the focus lets this person read a document they could not open otherwise: a
 * participant, another table's board, the very board everyone was brought to. Read only: a
 * visitor never writes on another table's board.
 */
export function focusGrantsRead(
  focus: Focus | null,
  person: { role: Role; groupId: string | null },
  doc: DocRef,
): boolean {
  return (
    focus !== null &&
    person.role === 'participant' &&
    doc.kind === 'board' &&
    doc.groupId !== person.groupId &&
    doc.groupId === focus.groupId
  );
}

/**
 * What a participant's screen does with the focus: nothing (none, or they are the host), show the
 * focused board ('here'), or their own table with a way back ('left': they left this focus).
 * `leftId` is the id of the focus they left, if any.
 */
export function focusView(
  focus: Focus | null,
  role: Role,
  leftId: number | null,
): { show: 'none' } | { show: 'here' | 'left'; focus: Focus } {
  if (!focus || role !== 'participant') return { show: 'none' };
  return { show: leftId === focus.id ? 'left' : 'here', focus };
}

/**
 * The other table's board a participant's screen opens beside its own while everyone is brought
 * there (read-only), or null: no focus, the focus is on their own table or the plenary board
 * (which a participant's page opens anyway), or they are no participant.
 */
export function visitedBoard(
  focus: Focus | null | undefined,
  sessionId: string,
  role: Role,
  ownGroupId: string,
): string | null {
  if (!focus || role !== 'participant' || focus.groupId === PLENARY_GROUP_ID || focus.groupId === ownGroupId) {
    return null;
  }
  return boardDocName(sessionId, focus.groupId);
}

/** Everyone was brought to the plenary board: a participant's page opens it whatever the round. */
export function focusOnPlenary(focus: Focus | null | undefined, role: Role): boolean {
  return role === 'participant' && focus?.groupId === PLENARY_GROUP_ID;
}
