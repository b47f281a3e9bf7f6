import { z } from 'zod';
import type { Column } from '../domain/board';
import { REACTIONS } from '../domain/boardExtras';
import { LENS_SETS } from '../domain/lenses';
import { VERDICTS } from '../domain/bookClub';

/**
 * Communities and their archive (issue 9). A community has no accounts: a long secret member
 * link opens its archive, a facilitator key may also create sessions in it and delete it.
 */

export const COMMUNITY_LIMITS = {
  nameChars: 100,
  themeChars: 60,
  followUpNoteChars: 2000,
  searchQueryChars: 200,
  searchDefaultLimit: 20,
  searchMaxLimit: 50,
  /** Issue 16: what one member may pin for their newcomer (advice and readings). */
  pinsPerMember: 30,
} as const;

/** What became of an earlier advice, as the case holder marks it in the look-back round. */
export const FOLLOW_UP_STATUSES = ['done', 'in_progress', 'dropped', 'not_started'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** The case holder's reaction to an advice, spelled as the board stores it (REACTIONS). */
export type AdviceReaction = (typeof REACTIONS)[number];

/**
 * A reaction as stored in an archive entry or a look-back: archive entries written before the
 * spelling was unified say `not_now`; they are read as `not-now`.
 */
const storedReaction = z.preprocess((v) => (v === 'not_now' ? 'not-now' : v), z.enum(REACTIONS));

/** POST /api/communities → 201. The member token and facilitator key are shown once; only hashes are stored. */
export interface CreateCommunityResponse {
  communityId: string;
  name: string;
  memberToken: string;
  facilitatorKey: string;
  /** `<PUBLIC_URL or origin>/archief/<communityId>#<memberToken>` — the token is in the fragment so it never reaches a log */
  archiveUrl: string;
}

/** GET /api/communities/:id — the filter values come from the archive itself. */
export interface CommunityView {
  communityId: string;
  name: string;
  role: 'member' | 'facilitator';
  cities: string[];
  years: number[];
  themes: string[];
}

// ---- stored records (read back from the store through these schemas) ----

export const archiveAdviceSchema = z.object({
  cardId: z.string(),
  text: z.string(),
  dots: z.number(),
  reaction: storedReaction.nullable(),
  reactionNote: z.string().nullable(),
});
export type ArchiveAdvice = z.infer<typeof archiveAdviceSchema>;

export const followUpItemSchema = z.object({
  /** Card id of the earlier advice. */
  adviceId: z.string(),
  text: z.string(),
  dots: z.number(),
  reaction: storedReaction.nullable(),
  status: z.enum(FOLLOW_UP_STATUSES).nullable(),
  note: z.string(),
});
export type FollowUpItem = z.infer<typeof followUpItemSchema>;

/** SessionState.followUp: the look-back on the session this one follows up. Server-owned, persisted. */
export const followUpStateSchema = z.object({
  ofSessionId: z.string(),
  ofTitle: z.string(),
  /** ms since epoch */
  ofHandedOverAt: z.number(),
  items: z.array(followUpItemSchema),
});
export type FollowUpState = z.infer<typeof followUpStateSchema>;

/** Issue 16: a book-club review as the archive's reading list keeps it (anonymous, like the cards). */
export const archiveReadingSchema = z.object({
  /** The review's id on its board. */
  reviewId: z.string(),
  title: z.string(),
  author: z.string(),
  /** '' or an http(s) URL (checked when it was written on the board). */
  link: z.string(),
  verdict: z.enum(VERDICTS),
  why: z.string(),
  reactions: z.array(z.string()),
});
export type ArchiveReading = z.infer<typeof archiveReadingSchema>;

/**
 * Issue 16 (booklet): words of a named person. Only someone who consented to be named is ever
 * quoted (`consent: true`); the booklet leaves out any quote without it.
 */
export const archiveQuoteSchema = z.object({ text: z.string(), author: z.string(), consent: z.boolean() });
export type ArchiveQuote = z.infer<typeof archiveQuoteSchema>;

/** Issue 16: a row of the from → to table with its dots (as ReportMovement). */
export const archiveMovementSchema = z.object({ id: z.string(), from: z.string(), to: z.string(), dots: z.number() });
export type ArchiveMovement = z.infer<typeof archiveMovementSchema>;

/** Issue 16: a dilemma line and where each marker ended up: 0 = the `left` pole, 1 = the `right` pole. */
export const archiveDilemmaSchema = z.object({
  id: z.string(),
  text: z.string(),
  left: z.string(),
  right: z.string(),
  positions: z.array(z.number()),
});
export type ArchiveDilemma = z.infer<typeof archiveDilemmaSchema>;

/** An archive entry as the store keeps it; `thread` is computed on reading (ArchiveEntry). */
export const storedArchiveEntrySchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  city: z.string(),
  theme: z.string().nullable(),
  /** ms since epoch */
  handedOverAt: z.number(),
  coreQuestion: z.string(),
  followUpOf: z.string().nullable(),
  advice: z.array(archiveAdviceSchema),
  /** statuses given in this session's look-back round to the advice of `followUpOf` */
  followUp: z.array(followUpItemSchema),
  /** Issue 16: the book club's reviews (entries from before it have none). */
  readings: z.array(archiveReadingSchema).default([]),
  /** Issue 16 (booklet): the closing round's learning points, without names. */
  learnings: z.array(z.string()).optional(),
  /** Issue 16 (booklet): named words, of consenting people only. */
  quotes: z.array(archiveQuoteSchema).optional(),
  /** Issue 16: the from → to table, most dots first. */
  movements: z.array(archiveMovementSchema).optional(),
  /** Issue 16: the dilemma lines with their spreads. */
  dilemmas: z.array(archiveDilemmaSchema).optional(),
});

export type StoredArchiveEntry = z.infer<typeof storedArchiveEntrySchema>;

export interface ArchiveEntry extends StoredArchiveEntry {
  /** session ids of the whole thread on this case, oldest first, this one included */
  thread: string[];
}

export interface SearchSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  sessionId: string;
  title: string;
  city: string;
  handedOverAt: number;
  /** 'reading': a book-club review (issue 16); `cardId` is the review's id. 'movement': a from → to row, `cardId` its id. */
  kind: 'card' | 'question' | 'reading' | 'movement';
  column: Column | null;
  cardId: string | null;
  score: number;
  snippet: SearchSegment[];
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
}

/** A prompt card of the lens deck in the analysis round. */
export interface Lens {
  id: string;
  text: string;
  source: 'builtin' | 'archive';
  /** How often the archive names this pitfall (0 for a built-in lens not seen there). */
  count: number;
  /** The column a card made from this lens goes into; absent means 'pitfall'. */
  column?: Column;
}

/** GET /api/sessions/:id/lenses */
export interface LensesResponse {
  lenses: Lens[];
}

/** GET /api/communities/:id/archive */
export interface ArchiveResponse {
  entries: ArchiveEntry[];
}

// ---- validation schemas (client → server) ----

/** POST /api/communities */
export const createCommunityBody = z.strictObject({
  name: z.string().trim().min(1).max(COMMUNITY_LIMITS.nameChars),
});
export type CreateCommunityBody = z.infer<typeof createCommunityBody>;

/** GET /api/communities/:id/archive query */
export const archiveQuery = z.object({
  city: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().min(1970).max(9999).optional(),
  theme: z.string().trim().max(COMMUNITY_LIMITS.themeChars).optional(),
});
export type ArchiveQuery = z.infer<typeof archiveQuery>;

/** GET /api/communities/:id/search query */
export const searchQuery = z.object({
  q: z.string().trim().min(1).max(COMMUNITY_LIMITS.searchQueryChars),
  limit: z.coerce.number().int().min(1).max(COMMUNITY_LIMITS.searchMaxLimit).optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** GET /api/sessions/:id/lenses query: which lens set (the current round's `lensSet`). */
export const lensesQuery = z.object({ set: z.enum(LENS_SETS).optional() });
export type LensesQuery = z.infer<typeof lensesQuery>;

/** Socket.io `host:lenses` */
export const lensesPayload = z.strictObject({ open: z.boolean() });
export type LensesPayload = z.infer<typeof lensesPayload>;

/** Socket.io `followup:mark` (host or the case holder) */
export const followUpMarkPayload = z.strictObject({
  adviceId: z.string().min(1).max(100),
  status: z.enum(FOLLOW_UP_STATUSES),
  note: z.string().trim().max(COMMUNITY_LIMITS.followUpNoteChars).default(''),
});
export type FollowUpMarkPayload = z.infer<typeof followUpMarkPayload>;

// ---- Issue 16: buddies (members with a personal key, pairs, pins) ----

/** Bounds of the buddy part (characters unless noted). */
export const BUDDY_LIMITS = {
  memberNameChars: 60,
  membersPerCommunity: 500,
} as const;

/** What a member pins for their newcomer: an advice (card id) or a reading (review id) of the archive. */
export const communityPinSchema = z.strictObject({
  kind: z.enum(['advice', 'reading']),
  sessionId: z.string().min(1).max(64),
  itemId: z.string().min(1).max(64),
});
export type CommunityPin = z.infer<typeof communityPinSchema>;

/** A pin with what it points at in the archive. */
export interface PinnedItem extends CommunityPin {
  sessionTitle: string;
  city: string;
  handedOverAt: number;
  /** The advice's text, or the reading's title. */
  text: string;
  reading: ArchiveReading | null;
}

/** POST /api/communities/:id/members — introduce oneself; the key is shown once. */
export const createMemberBody = z.strictObject({
  name: z.string().trim().min(1).max(BUDDY_LIMITS.memberNameChars),
});
export interface CreateMemberResponse {
  memberId: string;
  name: string;
  /** Personal: sent as `X-Member-Key` beside the community token; only its hash is stored. */
  memberKey: string;
}

export interface MemberView {
  memberId: string;
  name: string;
  /** The member's buddy (this member is a newcomer), or null. */
  buddyId: string | null;
}

/** GET /api/communities/:id/members */
export interface MembersResponse {
  members: MemberView[];
}

/** PUT /api/communities/:id/buddies (facilitator key) */
export const pairBody = z.strictObject({
  newcomerId: z.string().min(1).max(64),
  buddyId: z.string().min(1).max(64),
});
export type PairBody = z.infer<typeof pairBody>;

/** PUT /api/communities/:id/pins (the member's own key): pin or unpin one item. */
export const pinBody = communityPinSchema.extend({ pinned: z.boolean() });
export type PinBody = z.infer<typeof pinBody>;

/** GET /api/communities/:id/me — who the key's member is and what their buddy recommends. */
export interface MeResponse {
  member: MemberView;
  buddy: { memberId: string; name: string } | null;
  /** Newcomers this member is the buddy of. */
  newcomers: { memberId: string; name: string }[];
  /** What the buddy pinned, newest first: "wat je buddy aanraadt". */
  buddyPins: PinnedItem[];
  /** This member's own pins. */
  pins: CommunityPin[];
}

/** A member's buddy (`buddy`) or a newcomer they are the buddy of (`newcomer`), by name. */
export interface SessionBuddy {
  name: string;
  relation: 'buddy' | 'newcomer';
}

/** GET /api/sessions/:id/buddy — the caller's buddy or newcomer in this session, when both joined it. */
export interface SessionBuddyResponse {
  buddies: SessionBuddy[];
}
