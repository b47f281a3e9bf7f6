import type { FastifyInstance } from 'fastify';
import { AppError } from '@casusbord/shared';
import { inLocale, renderReport, slug } from '../export/formats';
import { renderHtml } from '../export/html';
import { parseFormat, parseLang, sendReportFile } from './reportReply';
import { dutchDay, loadReport } from '../export/loadBoards';
import { escapeMarkdownInline, renderMarkdown } from '../export/markdown';
import type { CommunityRecord } from '../store/ArchiveStore';
import { requireCommunity } from './communityAccess';

function reportDeps(app: FastifyInstance) {
  const { store, registry, control } = app.deps;
  return { store, registry, control: control.control };
}

/**
 * GET /api/communities/:id/archive/:sessionId/report?format=&lang= — an archived session's report
 * for members. `lang=nl|en` renders the fixed words in that language; the HTML then has no
 * language link (the archive page shows it embedded and switches language itself).
 */
export function archiveReportRoute(app: FastifyInstance): void {
  const { store } = app.deps;
  app.get<{ Params: { id: string; sessionId: string }; Querystring: { format?: unknown; lang?: unknown } }>(
    '/api/communities/:id/archive/:sessionId/report',
    async (request, reply) => {
      const format = parseFormat(request.query.format);
      const lang = parseLang(request.query.lang);
      const { community } = await requireCommunity(store, request.headers.authorization, request.params.id);
      const record = await store.getArchiveEntry(request.params.sessionId);
      const session = record?.communityId === community.id ? await store.getSession(record.entry.sessionId) : null;
      if (!session) throw new AppError('session_not_found', 'No session of this archive has that id');
      const report = inLocale(await loadReport(session, reportDeps(app)), lang);
      const body =
        format === 'html' && lang !== undefined
          ? Buffer.from(renderHtml(report, { languageLink: false }), 'utf8')
          : await renderReport(report, format);
      return sendReportFile(reply, report, format, body);
    },
  );
}

/** The whole archive as Markdown: index.md plus one `<date>-<city>-<title>.md` per session, newest first. */
export async function archiveZip(
  app: FastifyInstance,
  community: CommunityRecord,
): Promise<{ filename: string; body: Buffer }> {
  const { store } = app.deps;
  // Loaded on the first archive download, not at start-up.
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const index: string[] = [`# ${escapeMarkdownInline(community.name)}`, ''];
  const used = new Set<string>();
  const records = await store.listArchive(community.id);
  for (const r of records) {
    const session = await store.getSession(r.entry.sessionId);
    if (!session) continue;
    const report = await loadReport(session, reportDeps(app));
    const day = dutchDay(r.entry.handedOverAt);
    const base = `${day}-${slug(r.entry.city)}-${slug(r.entry.title)}`;
    let name = `${base}.md`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.md`;
    used.add(name);
    zip.file(name, renderMarkdown(report), { date: new Date(r.entry.handedOverAt) });
    const theme = r.entry.theme ? ` · ${escapeMarkdownInline(r.entry.theme)}` : '';
    index.push(
      `- ${day} · ${escapeMarkdownInline(r.entry.city)}${theme} — [${escapeMarkdownInline(r.entry.title)}](${name})`,
    );
  }
  if (records.length === 0) index.push('*—*');
  index.push('');
  zip.file('index.md', index.join('\n'));
  const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { filename: `archief-${slug(community.name)}.zip`, body };
}
