import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  AppError,
  REPORT_FORMATS,
  type HandoverResponse,
  type Locale,
  type ReopenResponse,
  type ReportFormat,
  type SessionState,
} from '@casusbord/shared';
import { audit } from '../audit';
import { generateToken, hashToken } from '../auth/tokens';
import { inLocale, isLocale, renderReport, warmExports } from '../export/formats';
import { REPORT_CSP, renderHtml } from '../export/html';
import { PRIVATE_HEADERS, parseFormat, parseLang, sendReportFile } from './reportReply';
import { loadReport } from '../export/loadBoards';
import { archiveSession } from '../export/archiveEntry';
import type { SessionRecord } from '../store/Store';
import { pruneUnusedPhotos } from '../photos/prunePhotos';
import { existingSession } from '../sessions';
import { publicUrl } from './origin';
import { requireHost } from './principal';

type Params = { Params: { id: string } };

/** The recipient as the audit log names them: a report link identifies no person. */
const recipientOf = (session: SessionRecord) => ({
  role: 'recipient' as const,
  sessionId: session.id,
  participantId: null,
});
type PreviewParams = Params & { Querystring: { format?: unknown; lang?: unknown } };
type TokenParams = { Params: { token: string }; Querystring: { format?: unknown; lang?: unknown } };

const NOT_FOUND_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Casusbord</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>Rapport niet gevonden</h1>
<p>Deze link hoort bij geen adviesrapport. Vraag de procesbegeleider om een nieuwe link.</p>
<p lang="en">This link does not belong to an advice report. Ask the facilitator for a new link.</p></body></html>`;

export interface ReportRouteOptions {
  /** Tells the session's sockets it was locked or unlocked, with its state after the change. */
  announceLock(sessionId: string, locked: boolean, state: SessionState): void;
}

/**
 * The handover (overdracht) and the advice report: the host locks the session and gets a
 * read-only recipient link; the report is rendered from the boards on every request, as html,
 * md, docx or pdf. A recipient token opens the report and nothing else.
 */
export async function reportRoutes(app: FastifyInstance, { announceLock }: ReportRouteOptions): Promise<void> {
  const { store, auth, config, registry, control } = app.deps;
  const reportDeps = { store, registry, control: control.control };

  /** The session a recipient token belongs to; anything else (unknown, host or participant token) is not a report. */
  async function reportSession(token: string): Promise<SessionRecord> {
    const principal = await auth.resolve(token);
    const session = principal?.role === 'recipient' ? await store.getSession(principal.sessionId) : null;
    if (!session) throw new AppError('not_found', 'No report belongs to this link');
    return session;
  }

  /**
   * Locks or unlocks the session: stored first, then enforced on every open /yjs connection and
   * announced. Serialised with the host's other session changes, so a table change and a
   * handover never overwrite each other's record.
   */
  async function setLocked(sessionId: string, locked: boolean, extra: Partial<SessionRecord> = {}): Promise<void> {
    const { session, record } = await control.control.update(sessionId, async (current) => {
      const next: SessionRecord = { ...current, ...extra, locked };
      await store.updateSession(next);
      Object.assign(current, next);
      await registry.setSessionReadOnly(sessionId, locked);
    });
    announceLock(sessionId, locked, control.control.view(session, record, Date.now()));
  }

  async function sendFile(
    reply: FastifyReply,
    session: SessionRecord,
    format: ReportFormat,
    lang: Locale | undefined,
  ): Promise<FastifyReply> {
    const report = inLocale(await loadReport(session, reportDeps), lang);
    return sendReportFile(reply, report, format, await renderReport(report, format));
  }

  app.post<Params>('/api/sessions/:id/handover', { preHandler: requireHost }, async (request) => {
    const sessionId = request.params.id;
    // A report is reachable from now on: load the Word and PDF renderers before the first download.
    warmExports().catch((err: unknown) => request.log.error({ err }, 'loading the report renderers failed'));
    const reportToken = generateToken();
    const tokenHash = hashToken(reportToken);
    const now = Date.now();
    // The token first: if locking fails, an unused token is left that nobody has seen.
    await store.addToken({ tokenHash, role: 'recipient', sessionId, participantId: null, createdAt: now });
    await setLocked(sessionId, true, { handedOverAt: now, reportTokenHash: tokenHash });
    await audit(request, 'session:handover');
    const handedOver = await store.getSession(sessionId);
    // Photos no card refers to any more go now, not at retention. A failure is logged (they then go
    // with the session) and does not undo the handover; nor does the archive's, below.
    if (handedOver) {
      await pruneUnusedPhotos(handedOver, store, registry).then(
        (ids) => ids.length > 0 && request.log.info({ sessionId, photos: ids.length }, 'deleted unused photos'),
        (err: unknown) => request.log.error({ err, sessionId }, 'could not delete unused photos'),
      );
    }
    // A community session's archive entry is written (or replaced) at every handover.
    if (handedOver?.communityId) {
      await archiveSession(handedOver, reportDeps).catch((err: unknown) =>
        request.log.error({ err, sessionId }, 'could not write the archive entry'),
      );
    }
    const base = publicUrl(config, request);
    const downloads = Object.fromEntries(
      REPORT_FORMATS.map((f) => [f, `${base}/api/reports/${reportToken}?format=${f}`]),
    ) as Record<ReportFormat, string>;
    const res: HandoverResponse = {
      reportToken,
      reportUrl: `${base}/r/${reportToken}`,
      locked: true,
      handedOverAt: new Date(now).toISOString(),
      downloads,
    };
    return res;
  });

  app.post<Params>('/api/sessions/:id/reopen', { preHandler: requireHost }, async (request) => {
    const sessionId = request.params.id;
    await setLocked(sessionId, false);
    await audit(request, 'session:reopen');
    const res: ReopenResponse = { locked: false };
    return res;
  });

  // The host's preview of the report before (or after) the handover, with the host token in a header.
  app.get<PreviewParams>('/api/sessions/:id/report', { preHandler: requireHost }, async (request, reply) => {
    const format = parseFormat(request.query.format);
    const lang = parseLang(request.query.lang);
    const sent = await sendFile(reply, await existingSession(store, request.params.id), format, lang);
    await audit(request, 'report:download', { format, lang: lang ?? null });
    return sent;
  });

  app.get<TokenParams>('/api/reports/:token', async (request, reply) => {
    const format = parseFormat(request.query.format);
    const lang = parseLang(request.query.lang);
    const session = await reportSession(request.params.token);
    const sent = await sendFile(reply, session, format, lang);
    await audit(request, 'report:download', { format, lang: lang ?? null }, recipientOf(session));
    return sent;
  });

  app.get<TokenParams>('/r/:token', async (request, reply) => {
    reply.headers(PRIVATE_HEADERS).header('content-security-policy', REPORT_CSP).type('text/html; charset=utf-8');
    // An unknown language falls back to the session's: a person followed a link, show the report.
    const lang = isLocale(request.query.lang) ? request.query.lang : undefined;
    let session: SessionRecord;
    try {
      session = await reportSession(request.params.token);
    } catch (err) {
      // A person followed a link: answer with a page, not JSON.
      if (err instanceof AppError && err.code === 'not_found') return reply.status(404).send(NOT_FOUND_PAGE);
      throw err;
    }
    const sent = reply.send(renderHtml(inLocale(await loadReport(session, reportDeps), lang)));
    await audit(request, 'report:view', { lang: lang ?? null }, recipientOf(session));
    return sent;
  });
}
