import { z } from 'zod';
import { LIMITS } from './limits';

/*
 * Issue 16, the dilemma line: payloads of its Socket.io events (the catalogue is events.ts) and
 * what the server sends back. Markers live on the control plane, never in a Yjs document: before
 * the host reveals, the server sends every socket only how many markers there are, and each
 * participant their own position. The rules are in shared/src/domain/dilemma.ts.
 */

/** Where a marker may sit: a whole number from 0 (the left pole) to 100 (the right pole). */
export const DILEMMA_SCALE = 100;

const dilemmaId = z.string().min(1).max(64);

/** `dilemma:set` (host): a new dilemma, which becomes the session's current one. */
export const dilemmaSetPayload = z.strictObject({
  /** The dilemma in one sentence; may be left out when the poles say it all. */
  text: z.string().trim().max(LIMITS.dilemmaTextChars).default(''),
  left: z.string().trim().min(1).max(LIMITS.dilemmaPoleChars),
  right: z.string().trim().min(1).max(LIMITS.dilemmaPoleChars),
});
export type DilemmaSetPayload = z.infer<typeof dilemmaSetPayload>;

/** `dilemma:place` (participant): one's own marker, placed or moved, until the reveal. */
export const dilemmaPlacePayload = z.strictObject({
  dilemmaId,
  position: z.number().int().min(0).max(DILEMMA_SCALE),
});
export type DilemmaPlacePayload = z.infer<typeof dilemmaPlacePayload>;

/** `dilemma:reveal` (host): show everyone where the markers are. */
export const dilemmaRevealPayload = z.strictObject({ dilemmaId });
export type DilemmaRevealPayload = z.infer<typeof dilemmaRevealPayload>;

/** A dilemma as one socket may see it. */
export interface DilemmaView {
  id: string;
  text: string;
  left: string;
  right: string;
  revealed: boolean;
  /** Markers placed so far (one per participant). */
  count: number;
  /** Every marker's position, ascending, without names; null until the host reveals. */
  positions: number[] | null;
  /** The receiver's own marker; null for anyone else, and in what the session's room is sent. */
  mine: number | null;
}
