import type { Round } from './methods';
import {
  FOLLOW_UP_STATUSES,
  type ArchiveAdvice,
  type FollowUpItem,
  type FollowUpState,
  type FollowUpStatus,
} from '../protocol/community';

/**
 * Follow-up rounds (issue 9): a session linked to an earlier one on the same case opens with a
 * look-back round in which the case holder marks what became of each earlier advice. Pure.
 */

export const LOOKBACK_ROUND_ID = 'lookback';
export const LOOKBACK_MINUTES = 10;

/** The look-back round: everyone listens (board closed) while the case holder marks each advice. */
export function lookbackRound(): Round {
  return {
    id: LOOKBACK_ROUND_ID,
    title: { nl: 'Terugblik', en: 'Look back' },
    instruction: {
      nl: 'De casusinbrenger vertelt per eerder advies wat ermee gebeurd is: gedaan, bezig, losgelaten of nog niet begonnen.',
      en: 'The case holder tells, for each earlier advice, what became of it: done, in progress, dropped or not started.',
    },
    minutes: LOOKBACK_MINUTES,
    openColumns: [],
    privateWriting: false,
    dots: false,
    kind: 'lookback',
  };
}

/**
 * The rounds of a follow-up session with the look-back round (once): first, or at the close
 * (`'end'`: just before a final closing round, else last), as the method says.
 */
export function withLookback(rounds: readonly Round[], at: 'start' | 'end' = 'start'): Round[] {
  const rest = rounds.filter((r) => r.kind !== 'lookback');
  if (at === 'start') return [lookbackRound(), ...rest];
  const closingLast = rest.at(-1)?.kind === 'closing';
  const before = closingLast ? rest.slice(0, -1) : rest;
  return [...before, lookbackRound(), ...(closingLast ? rest.slice(-1) : [])];
}

export interface EarlierSession {
  sessionId: string;
  title: string;
  handedOverAt: number;
  advice: readonly ArchiveAdvice[];
}

/** The look-back state of a new follow-up session: every earlier advice, most dots first, unmarked. */
export function createFollowUp(earlier: EarlierSession): FollowUpState {
  const items: FollowUpItem[] = [...earlier.advice]
    .sort((a, b) => b.dots - a.dots)
    .map((a) => ({ adviceId: a.cardId, text: a.text, dots: a.dots, reaction: a.reaction, status: null, note: '' }));
  return { ofSessionId: earlier.sessionId, ofTitle: earlier.title, ofHandedOverAt: earlier.handedOverAt, items };
}

export function isFollowUpStatus(value: unknown): value is FollowUpStatus {
  return typeof value === 'string' && (FOLLOW_UP_STATUSES as readonly string[]).includes(value);
}

export type FollowUpResult = { ok: true; state: FollowUpState } | { ok: false; code: 'not_found'; message: string };

/** Marks one earlier advice; a new state, the old one untouched. Marking again overwrites. */
export function markFollowUp(
  state: FollowUpState,
  adviceId: string,
  status: FollowUpStatus,
  note: string,
): FollowUpResult {
  if (!state.items.some((i) => i.adviceId === adviceId)) {
    return { ok: false, code: 'not_found', message: 'That advice is not part of the earlier session' };
  }
  return {
    ok: true,
    state: {
      ...state,
      items: state.items.map((i) => (i.adviceId === adviceId ? { ...i, status, note: note.trim() } : i)),
    },
  };
}

export type FollowUpCounts = Record<FollowUpStatus | 'unmarked', number>;

/** How many earlier advice have each status: the line above the look-back in the report. */
export function countFollowUp(items: readonly FollowUpItem[]): FollowUpCounts {
  const counts: FollowUpCounts = { done: 0, in_progress: 0, dropped: 0, not_started: 0, unmarked: 0 };
  for (const i of items) counts[i.status ?? 'unmarked']++;
  return counts;
}

export interface ThreadNode {
  sessionId: string;
  followUpOf: string | null;
  handedOverAt: number;
}

/**
 * Every session on the same case as `sessionId`: up the `followUpOf` links to the first, then
 * everything that follows from it; oldest handover first. Unknown or cyclic links end the walk.
 */
export function threadOf(nodes: readonly ThreadNode[], sessionId: string): string[] {
  const byId = new Map(nodes.map((n) => [n.sessionId, n]));
  if (!byId.has(sessionId)) return [sessionId];
  let root = byId.get(sessionId)!;
  const climbed = new Set([root.sessionId]);
  while (root.followUpOf && byId.has(root.followUpOf) && !climbed.has(root.followUpOf)) {
    root = byId.get(root.followUpOf)!;
    climbed.add(root.sessionId);
  }
  const children = new Map<string, ThreadNode[]>();
  for (const n of nodes) {
    if (!n.followUpOf) continue;
    children.set(n.followUpOf, [...(children.get(n.followUpOf) ?? []), n]);
  }
  const found = new Map<string, ThreadNode>();
  const queue = [root];
  while (queue.length > 0) {
    const n = queue.shift()!;
    if (found.has(n.sessionId)) continue;
    found.set(n.sessionId, n);
    queue.push(...(children.get(n.sessionId) ?? []));
  }
  return [...found.values()]
    .sort((a, b) => a.handedOverAt - b.handedOverAt || (a.sessionId < b.sessionId ? -1 : 1))
    .map((n) => n.sessionId);
}
