import { z } from 'zod';
import { LIMITS } from './limits';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1);

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const METHOD_IDS = [
  'intervision-90',
  'case-day',
  'custom',
  /** Issue 15: the incident method, the gossip method, Balint, Socratic intervision, appreciative inquiry (case day). */
  'incident',
  'gossip',
  'balint',
  'socratic',
  'appreciative',
] as const;
export type MethodId = (typeof METHOD_IDS)[number];

/** POST /api/sessions */
export const createSessionBody = z.strictObject({
  title: required(LIMITS.titleChars),
  city: required(LIMITS.cityChars),
  question: required(LIMITS.questionChars),
  caseHolderName: text(LIMITS.nameChars).optional(),
  context: text(LIMITS.contextChars).optional(),
  method: z.enum(METHOD_IDS).optional(),
  locale: z.enum(LOCALES).optional(),
  /** Issue 9: create the session in a community; needs the community's facilitator key. */
  communityId: text(64).optional(),
  communityKey: text(200).optional(),
  /** Host-set tag for the archive filters. */
  theme: text(60).optional(),
  /** An archived session of the same community that this session follows up. */
  followUpOf: text(64).optional(),
  /** Issue 16: open with a book-club round, whatever the method. */
  bookClub: z.boolean().optional(),
});
export type CreateSessionBody = z.infer<typeof createSessionBody>;

/** Issue 16: the community member keys a browser holds (docs/API.md "Buddies"). */
const MEMBER_KEYS_MAX = 10;
const MEMBER_KEY_CHARS = 200;
const memberKeyList = z.array(z.string().max(MEMBER_KEY_CHARS)).max(MEMBER_KEYS_MAX);

/** POST /api/join */
export const joinBody = z.strictObject({
  code: required(LIMITS.codeInputChars),
  name: required(LIMITS.nameChars),
  /** May the report name this person? Asked at join; absent means no (privacy by default). */
  consent: z.boolean().optional(),
  /**
   * Issue 16: the community member keys this browser holds; the one of the session's community
   * links the participant to that member (their buddy sees them in the session). Others are ignored.
   */
  memberKeys: memberKeyList.optional(),
});
export type JoinBody = z.infer<typeof joinBody>;

/** `GET /api/join/:code`: the code as typed (normalised by the server). */
export const joinPreviewParams = z.strictObject({ code: required(LIMITS.codeInputChars) });

/**
 * `GET /api/join/:code` may carry the same member keys as the join, comma-separated in
 * `X-Member-Key`, so the join screen can say whose buddy is already there.
 */
export const joinPreviewMemberKeys = z
  .string()
  .max(MEMBER_KEYS_MAX * (MEMBER_KEY_CHARS + 2))
  .transform((header) =>
    header
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  )
  .pipe(memberKeyList);

/** An id of a table, participant or card in a Socket.io payload. */
const controlId = z.string().min(1).max(64);

/** Socket.io `host:settings`: dots per person, the case holder (null: none). */
export const hostSettingsPayload = z.strictObject({
  dotsPerPerson: z.number().int().min(1).max(LIMITS.dotsPerPersonMax).optional(),
  caseHolderId: controlId.nullable().optional(),
});
export type HostSettingsPayload = z.infer<typeof hostSettingsPayload>;

/** Socket.io `host:reveal`: no groupId = every table. */
export const hostRevealPayload = z.strictObject({ groupId: controlId.optional() });
export type HostRevealPayload = z.infer<typeof hostRevealPayload>;

/** Socket.io `host:tables`: the number of tables wanted. */
export const hostTablesPayload = z.strictObject({ count: z.number().int().min(1).max(LIMITS.tablesPerSession) });
export type HostTablesPayload = z.infer<typeof hostTablesPayload>;

/** Socket.io `host:move`: a participant to another table. */
export const hostMovePayload = z.strictObject({ participantId: controlId, groupId: controlId });
export type HostMovePayload = z.infer<typeof hostMovePayload>;

/** Socket.io `participant:ready` */
export const participantReadyPayload = z.strictObject({ ready: z.boolean() });
export type ParticipantReadyPayload = z.infer<typeof participantReadyPayload>;

/** Socket.io `card:promote`: a table's card onto the plenary board. */
export const cardPromotePayload = z.strictObject({ groupId: controlId, cardId: controlId });
export type CardPromotePayload = z.infer<typeof cardPromotePayload>;

/** Turns a zod failure into one readable sentence: "title: Too big: expected string to have <=200 characters". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
