import { z } from 'zod';
import { LIMITS } from './limits';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1);

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const METHOD_IDS = ['intervision-90', 'case-day', 'custom'] as const;
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
});
export type CreateSessionBody = z.infer<typeof createSessionBody>;

/** POST /api/join */
export const joinBody = z.strictObject({
  code: required(LIMITS.codeInputChars),
  name: required(LIMITS.nameChars),
  /** May the report name this person? Asked at join; absent means no (privacy by default). */
  consent: z.boolean().optional(),
});
export type JoinBody = z.infer<typeof joinBody>;

/** `GET /api/join/:code`: the code as typed (normalised by the server). */
export const joinPreviewParams = z.strictObject({ code: required(LIMITS.codeInputChars) });

/** Turns a zod failure into one readable sentence: "title: Too big: expected string to have <=200 characters". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
