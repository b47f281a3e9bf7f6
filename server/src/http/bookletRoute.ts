import type { FastifyInstance } from 'fastify';
import { bookletQuery, buildBooklet, type Booklet, type BookletFormat } from '@casusbord/shared';
import { CONTENT_TYPES, slug } from '../export/formats';
import { requireCommunity } from './communityAccess';
import { parseRequest } from './errors';
import { PRIVATE_HEADERS } from './reportReply';

/** Word and PDF load with the first booklet, as the report renderers do (formats.ts). */
async function renderBooklet(booklet: Booklet, format: BookletFormat): Promise<Buffer> {
  return format === 'docx'
    ? (await import('../export/bookletDocx')).renderBookletDocx(booklet)
    : (await import('../export/bookletPdf')).renderBookletPdf(booklet);
}

/**
 * GET /api/communities/:id/booklet?format=docx|pdf&lang=nl|en&from=YYYY-MM-DD&to=YYYY-MM-DD —
 * the community booklet of a period (issue 16), for members as the archive export. A period
 * without sessions gives a booklet that says so. Communities keep no audit trail of their own
 * (the audit log is per session), so the download is only logged, without names or contents.
 */
export function bookletRoute(app: FastifyInstance): void {
  const { store } = app.deps;
  app.get<{ Params: { id: string }; Querystring: unknown }>('/api/communities/:id/booklet', async (request, reply) => {
    const query = parseRequest(bookletQuery, request.query);
    const { community } = await requireCommunity(store, request.headers.authorization, request.params.id);
    const entries = (await store.listArchive(community.id)).map((r) => r.entry);
    const booklet = buildBooklet(entries, {
      from: query.from,
      to: query.to,
      language: query.lang,
      community: community.name,
    });
    const body = await renderBooklet(booklet, query.format);
    request.log.info(
      { communityId: community.id, format: query.format, lang: query.lang, sessions: booklet.sessionCount },
      'community booklet downloaded',
    );
    const name = `${query.lang === 'en' ? 'booklet' : 'boekje'}-${slug(community.name)}-${query.from}-${query.to}.${query.format}`;
    return reply
      .headers(PRIVATE_HEADERS)
      .header('content-type', CONTENT_TYPES[query.format])
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(body);
  });
}
