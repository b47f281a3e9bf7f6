import { z } from 'zod';
import {
  AppError,
  COLUMNS,
  ROUND_STATUSES,
  cohostEntrySchema,
  focusSchema,
  followUpStateSchema,
  roundSchema,
  sessionCaseSchema,
  storedArchiveEntrySchema,
  type RoundState,
  type SearchDocument,
} from '@casusbord/shared';

/**
 * What the stores keep as JSON, one zod schema per record; the record types are inferred from
 * them, so what is written and what is read back cannot drift apart. Every engine reads a stored
 * value through parseStored, which turns a damaged record into a logged AppError('internal') for
 * the one request that met it.
 */

export const groupRecordSchema = z.object({ id: z.string(), name: z.string() });
export type GroupRecord = z.infer<typeof groupRecordSchema>;

export const sessionRecordSchema = sessionCaseSchema.extend({
  id: z.string(),
  /** Normalised (upper-case, no separators); unique among live sessions. */
  joinCode: z.string(),
  /** ms since epoch */
  createdAt: z.number(),
  groups: z.array(groupRecordSchema),
  /** Handover: every board is read-only while true. Absent in records from before the handover existed. */
  locked: z.boolean().optional(),
  /** ms since epoch of the last handover; null/absent before the first. */
  handedOverAt: z.number().nullish(),
  /** SHA-256 of the latest report (recipient) token; the token itself is never stored. */
  reportTokenHash: z.string().nullish(),
  /** Issue 9: the community the session belongs to (absent/null: none). */
  communityId: z.string().nullish(),
  /** Issue 9: host-set tag for the archive filters. */
  theme: z.string().nullish(),
  /** Issue 9: the archived session of the same community this one follows up. */
  followUpOf: z.string().nullish(),
  /** Issue 16: the session opens with a book-club round (absent: no). */
  bookClub: z.boolean().optional(),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export const participantRecordSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  name: z.string(),
  groupId: z.string(),
  createdAt: z.number(),
  /** Consent to be named in the report, asked at join. Older records lack it: read as false. */
  consentToBeNamed: z.boolean().default(false),
  /** Issue 16: the community member this participant joined as (their buddy sees them here). */
  communityMemberId: z.string().nullish(),
});
export type ParticipantRecord = z.infer<typeof participantRecordSchema>;

/** What a token grants. Only the SHA-256 of a token is stored, never the token itself. */
export const tokenRecordSchema = z.object({
  tokenHash: z.string(),
  role: z.enum(['host', 'participant', 'recipient']),
  sessionId: z.string(),
  /** The participant of a participant token; for a co-host's host token the co-host's id; else null. */
  participantId: z.string().nullable(),
  createdAt: z.number(),
});
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

const roundStateSchema = z.object({
  status: z.enum(ROUND_STATUSES),
  roundIndex: z.number().int().min(0),
  endsAt: z.number().nullable(),
  remainingMs: z.number().nullable(),
  rounds: z.array(roundSchema),
}) satisfies z.ZodType<RoundState>;

/** What the server keeps per session beside the session record (SessionControl loads and saves it). */
export const controlRecordSchema = z.object({
  version: z.number(),
  tables: z.record(z.string(), z.object({ round: roundStateSchema, revealedRounds: z.array(z.string()) })),
  dotsPerPerson: z.number(),
  caseHolderId: z.string().nullable(),
  ready: z.array(z.string()),
  /** Issue 9: the look-back on the session this one follows up (absent in older records). */
  followUp: followUpStateSchema.nullish(),
  /** Issue 9: the lens deck is open (absent in older records). */
  lensesOpen: z.boolean().optional(),
  /** Issue 15: the co-host links (shared/src/domain/cohosts.ts); absent: none. */
  cohosts: z.array(cohostEntrySchema).optional(),
  /** Issue 15: where the facilitator brought everyone (shared/src/domain/focus.ts); absent: nowhere. */
  focus: focusSchema.nullish(),
});
export type ControlRecord = z.infer<typeof controlRecordSchema>;

export const communityRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** ms since epoch */
  createdAt: z.number(),
  /** SHA-256 of the member token (opens the archive); the token itself is never stored. */
  memberTokenHash: z.string(),
  /** SHA-256 of the facilitator key (may also create sessions in it and delete it). */
  facilitatorKeyHash: z.string(),
});
export type CommunityRecord = z.infer<typeof communityRecordSchema>;

export const communityRoleSchema = z.enum(['member', 'facilitator']);
export type CommunityRole = z.infer<typeof communityRoleSchema>;

/** The community and role a member token or facilitator key (by its hash) belongs to. */
export const communityTokenSchema = z.object({ communityId: z.string(), role: communityRoleSchema });
export type CommunityToken = z.infer<typeof communityTokenSchema>;

const searchDocumentSchema = z.object({
  index: z.number().int().min(0),
  kind: z.enum(['card', 'question', 'reading', 'movement']),
  column: z.enum(COLUMNS).nullable(),
  cardId: z.string().nullable(),
  text: z.string(),
}) satisfies z.ZodType<SearchDocument>;

/** What one handover of a community session leaves in the archive. `thread` is computed on reading. */
export const archiveRecordSchema = z.object({
  communityId: z.string(),
  entry: storedArchiveEntrySchema,
  /** Every card of every board and the core question: what search indexes. */
  documents: z.array(searchDocumentSchema),
});
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;

/**
 * Issue 18: what the audit log records. Host commands are their Socket.io event names; the rest
 * are the HTTP actions. Entries live as long as their session (deleteSession removes them).
 */
export const AUDIT_ACTIONS = [
  'host:command',
  'host:rounds',
  'host:settings',
  'host:reveal',
  'host:tables',
  'host:move',
  'session:handover',
  'session:reopen',
  'code:rotate',
  'report:download',
  'report:view',
  'audit:download',
  /** Issue 16: a site-visit photo added to a card. */
  'photo:upload',
  /** Issue 15: bring everyone to a board, or let them go. */
  'host:focus',
  /** Issue 15: a co-host link made or revoked by the host. */
  'cohost:create',
  'cohost:revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** At most this many fields of at most this many characters in an entry's detail. */
export const AUDIT_DETAIL_FIELDS = 8;
export const AUDIT_DETAIL_CHARS = 200;

export const auditEntrySchema = z.object({
  /** ms since epoch */
  at: z.number(),
  sessionId: z.string(),
  role: tokenRecordSchema.shape.role,
  /** The participant behind a participant token, the co-host behind a co-host's; null for the host and recipients. */
  participantId: z.string().nullable(),
  /** The client address as the server saw it (with TRUST_PROXY, the proxy's X-Forwarded-For). */
  address: z.string().max(100).nullable(),
  action: z.enum(AUDIT_ACTIONS),
  /** Small and flat: e.g. `{ type: 'start', groupId: 't1' }` or `{ format: 'pdf' }`. */
  detail: z
    .record(z.string().max(40), z.union([z.string().max(AUDIT_DETAIL_CHARS), z.number(), z.boolean(), z.null()]))
    .refine((d) => Object.keys(d).length <= AUDIT_DETAIL_FIELDS, `at most ${AUDIT_DETAIL_FIELDS} fields`),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Who or what deleted a session: its host, the retention sweep, or its community's facilitator. */
export const DELETION_CAUSES = ['host', 'retention', 'community'] as const;

/**
 * What is left of a deleted session: that it existed, when it went and why. No names, no
 * addresses: it is kept after everything else of the session is gone.
 */
export const deletionRecordSchema = z.object({
  sessionId: z.string(),
  /** ms since epoch */
  at: z.number(),
  by: z.enum(DELETION_CAUSES),
});
export type DeletionRecord = z.infer<typeof deletionRecordSchema>;

/** Where the stores report a damaged record (the app's logger; console when none is given). */
export interface StoreLog {
  error(obj: object, msg: string): void;
}

/**
 * Reads one stored JSON value through its schema. `what` names the record for the log and the
 * error, e.g. `session 3f9a…`. A value that is not JSON or does not fit is logged with the
 * reasons and thrown as AppError('internal'): that request fails, nothing else is affected.
 */
export function parseStored<S extends z.ZodType>(schema: S, json: string, what: string, log: StoreLog): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return damaged(what, log, { reason: 'not JSON', err: (err as Error).message });
  }
  return checkStored(schema, value, what, log);
}

/** Like parseStored, for a value the engine has already taken apart (e.g. SQLite columns). */
export function checkStored<S extends z.ZodType>(schema: S, value: unknown, what: string, log: StoreLog): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) return damaged(what, log, { reason: 'schema', issues: z.prettifyError(result.error) });
  return result.data;
}

function damaged(what: string, log: StoreLog, details: object): never {
  log.error({ record: what, ...details }, 'stored record is damaged');
  throw new AppError('internal', `The stored ${what} is damaged and cannot be read`);
}

/** The console as a StoreLog, for stores made without the app's logger (tests, tools). */
export const consoleLog: StoreLog = { error: (obj, msg) => console.error(msg, obj) };
