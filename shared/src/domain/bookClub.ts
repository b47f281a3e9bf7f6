import * as Y from 'yjs';
import { LIMITS } from '../protocol/limits';
import type { Round } from './methods';
import { BOOK_CLUB, round } from './roundBlocks';
import type { FieldKind, WriteRefusal, Writer } from './writeRules';

/*
 * The book-club opening round (issue 16): a reviewer adds a book or report with a verdict and one
 * sentence why; the others each add one reaction. It lives in the board document, so it syncs,
 * persists and lands in the report like the cards. Schema (docs/API.md, "Board schema"):
 *   doc.getMap('reviews'):          review id → Y.Map { title, author, link, verdict, why,
 *                                   reviewerId (set by the server), createdAt }
 *   doc.getMap('reviewReactions'):  participant id → Y.Map { review id → reaction text }
 * A person's reactions sit under their own id, one value per review: a second reaction to the
 * same review can only replace the first, and nobody writes into someone else's entry. The
 * server enforces the rules below on every write (server/src/yjs/reviewPolicy.ts).
 */

export const REVIEWS_KEY = 'reviews';
export const REVIEW_REACTIONS_KEY = 'reviewReactions';

export const VERDICTS = ['must-read', 'useful', 'skip'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

/** `https://…` or `http://…` with a host and no spaces; nothing else may be a link (no javascript:, data:, mailto:). */
const LINK = /^https?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?$/i;

/** A review's link: empty (none) or an http(s) URL within LIMITS.reviewLinkChars. */
export function isReviewLink(value: unknown): value is string {
  return typeof value === 'string' && (value === '' || (value.length <= LIMITS.reviewLinkChars && LINK.test(value)));
}

const bounded =
  (max: number, required = false) =>
  (v: unknown) =>
    typeof v === 'string' && v.length <= max && (!required || v.trim().length > 0);

/** Fields of a review; every one but `author` and `link` is required. */
export const REVIEW_FIELDS: Record<string, FieldKind> = {
  title: { value: bounded(LIMITS.reviewTitleChars, true) },
  author: { value: bounded(LIMITS.reviewAuthorChars) },
  link: { value: isReviewLink },
  verdict: { value: isVerdict },
  why: { value: bounded(LIMITS.reviewWhyChars, true) },
  reviewerId: { value: (v) => typeof v === 'string' && v.length <= 200 },
  createdAt: { value: (v) => typeof v === 'number' && Number.isFinite(v) },
};
const REQUIRED_FIELDS = ['title', 'verdict', 'why', 'createdAt'] as const;

export const isReviewReaction = bounded(LIMITS.reviewReactionChars, true);

/** What a reviewer fills in. */
export interface ReviewInput {
  title: string;
  author: string;
  link: string;
  verdict: Verdict;
  why: string;
}

export interface ReviewSnapshot extends ReviewInput {
  id: string;
  reviewerId: string;
  createdAt: number;
  /** One per person, in participant-id order (stable on every peer). */
  reactions: Array<{ participantId: string; text: string }>;
}

/** The problem with a review's fields, or null: the rule the form shows and the server enforces. */
export function reviewProblem(fields: ReadonlyMap<string, unknown>): 'missing' | 'link' | 'invalid' | null {
  for (const key of REQUIRED_FIELDS) if (!fields.has(key)) return 'missing';
  for (const [key, value] of fields) {
    const kind = REVIEW_FIELDS[key];
    if (!kind || !('value' in kind) || !kind.value(value)) return key === 'link' ? 'link' : 'invalid';
  }
  return null;
}

// ---- rights (the writer's rights come from permissions.ts: `canReview`) ----

/** Adding a review: in the book-club round (the host at any time before the handover). */
export function newReviewVerdict(w: Writer, fields: ReadonlyMap<string, unknown>): WriteRefusal | null {
  if (!w.rights.canReview) return 'review';
  return reviewProblem(fields) ? 'review_invalid' : null;
}

/** Changing a field of a review: only its reviewer, while reviews are open to them. */
export function reviewEditVerdict(w: Writer, reviewerId: unknown): WriteRefusal | null {
  return w.rights.canReview && reviewerId === w.id ? null : 'review';
}

/** Removing a review: its reviewer, or the facilitator (who moderates). */
export function reviewDeleteVerdict(w: Writer, reviewerId: unknown): WriteRefusal | null {
  if (!w.rights.canReview) return 'review';
  return reviewerId === w.id || w.id === 'host' ? null : 'review';
}

/**
 * A reaction of `owner` to a review by `reviewerId` (null: no such review on this board): only
 * one's own entry, never to one's own review, while reviews are open.
 */
export function reviewReactionVerdict(
  w: Writer,
  owner: string,
  reviewerId: string | null | undefined,
): WriteRefusal | null {
  if (owner !== w.id) return 'own_entry';
  if (!w.rights.canReview || reviewerId === null) return 'review_reaction';
  return reviewerId === w.id ? 'review_reaction' : null;
}

// ---- accessors over the board document ----

export function reviewsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(REVIEWS_KEY);
}
export function reviewReactionsMap(doc: Y.Doc): Y.Map<Y.Map<string>> {
  return doc.getMap<Y.Map<string>>(REVIEW_REACTIONS_KEY);
}

/** Adds a review in one transaction (the server sets reviewerId to the writer whatever is sent). */
export function addReview(
  doc: Y.Doc,
  review: ReviewInput & { id: string; reviewerId: string; createdAt: number },
): void {
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set('title', review.title.trim());
    entry.set('author', review.author.trim());
    entry.set('link', review.link.trim());
    entry.set('verdict', review.verdict);
    entry.set('why', review.why.trim());
    entry.set('reviewerId', review.reviewerId);
    entry.set('createdAt', review.createdAt);
    reviewsMap(doc).set(review.id, entry);
  });
}

/** Sets (or, with an empty text, removes) one person's reaction to a review. */
export function setReviewReaction(doc: Y.Doc, participantId: string, reviewId: string, text: string): void {
  doc.transact(() => {
    let own = reviewReactionsMap(doc).get(participantId);
    if (!(own instanceof Y.Map)) {
      if (!text.trim()) return;
      own = new Y.Map<string>();
      reviewReactionsMap(doc).set(participantId, own);
    }
    if (text.trim()) own.set(reviewId, text.trim());
    else own.delete(reviewId);
  });
}

/** One review as written; null for an entry outside the schema. */
export function readReview(id: string, entry: unknown): Omit<ReviewSnapshot, 'reactions'> | null {
  if (!(entry instanceof Y.Map)) return null;
  const fields = new Map<string, unknown>(entry.entries());
  if (reviewProblem(fields)) return null;
  const author = entry.get('author');
  const link = entry.get('link');
  const reviewerId = entry.get('reviewerId');
  return {
    id,
    title: entry.get('title') as string,
    author: typeof author === 'string' ? author : '',
    link: typeof link === 'string' ? link : '',
    verdict: entry.get('verdict') as Verdict,
    why: entry.get('why') as string,
    reviewerId: typeof reviewerId === 'string' ? reviewerId : '',
    createdAt: entry.get('createdAt') as number,
  };
}

/** Every well-formed review with its reactions, oldest first (ties by id). */
export function readReviews(doc: Y.Doc): ReviewSnapshot[] {
  const reviews: ReviewSnapshot[] = [];
  reviewsMap(doc).forEach((entry, id) => {
    const review = readReview(id, entry);
    if (review) reviews.push({ ...review, reactions: [] });
  });
  const byId = new Map(reviews.map((r) => [r.id, r]));
  const owners = [...reviewReactionsMap(doc).keys()].sort();
  for (const owner of owners) {
    const own = reviewReactionsMap(doc).get(owner);
    if (!(own instanceof Y.Map)) continue;
    own.forEach((text, reviewId) => {
      const review = byId.get(reviewId);
      if (review && owner !== review.reviewerId && isReviewReaction(text)) {
        review.reactions.push({ participantId: owner, text });
      }
    });
  }
  return reviews.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---- the round ----

/** The book-club round as a method's first round (any method may open with it). */
export const BOOK_CLUB_ROUND_ID = 'book-club';
export const BOOK_CLUB_MINUTES = 15;

export function bookClubRound(minutes = BOOK_CLUB_MINUTES): Round {
  return round(BOOK_CLUB_ROUND_ID, BOOK_CLUB, minutes);
}

/** A method's rounds opened by one book-club round (an existing one is not doubled). */
export function withBookClub(rounds: readonly Round[]): Round[] {
  return [bookClubRound(), ...rounds.filter((r) => r.kind !== 'book-club')];
}

// ---- in the report and the archive ----

/** A review as the report shows it; names only of people who consented to be named. */
export interface ReportReading {
  id: string;
  title: string;
  author: string;
  link: string;
  verdict: Verdict;
  why: string;
  reviewer: string | null;
  reactions: Array<{ text: string; author: string | null }>;
}

/**
 * The reviews of a board for the report. `clean` is the report's text cleaner, `named` maps a
 * consenting participant's id to their name (anyone else stays anonymous).
 */
export function reportReadings(
  doc: Y.Doc,
  clean: (text: string) => string,
  named: ReadonlyMap<string, string>,
): ReportReading[] {
  return readReviews(doc).map((r) => ({
    id: r.id,
    title: clean(r.title),
    author: clean(r.author),
    link: r.link,
    verdict: r.verdict,
    why: clean(r.why),
    reviewer: named.get(r.reviewerId) ?? null,
    reactions: r.reactions
      .map((x) => ({ text: clean(x.text), author: named.get(x.participantId) ?? null }))
      .filter((x) => x.text.length > 0),
  }));
}

/** The searchable text of a reading: what a member would type to find it again. */
export function readingSearchText(r: Pick<ReportReading, 'title' | 'author' | 'why'>): string {
  return [r.title, r.author, r.why].filter((s) => s.trim()).join(' — ');
}
