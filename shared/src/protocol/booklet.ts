import { z } from 'zod';
import { isIsoDay } from '../domain/days';
import { LOCALES } from './schemas';

/** Issue 16: the formats the community booklet comes in. */
export const BOOKLET_FORMATS = ['docx', 'pdf'] as const;
export type BookletFormat = (typeof BOOKLET_FORMATS)[number];

const isoDay = z.string().trim().refine(isIsoDay, { message: 'must be a date written YYYY-MM-DD' });

/**
 * GET /api/communities/:id/booklet query: a period of Dutch calendar days, both ends included.
 * The client's period picker checks the same schema before it asks.
 */
export const bookletQuery = z
  .object({
    format: z.enum(BOOKLET_FORMATS),
    lang: z.enum(LOCALES).default('nl'),
    from: isoDay,
    to: isoDay,
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export type BookletQuery = z.infer<typeof bookletQuery>;
