import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  PRIVATE_NOTES_REFUSAL,
  keepsPrivateNotes,
  privateNoteBody,
  type PrivateNoteResponse,
} from '@casusbord/shared';
import { audit } from '../audit';
import type { Principal } from '../auth/Auth';
import { inLocale, renderReport } from '../export/formats';
import { loadReport } from '../export/loadBoards';
import type { PrivateNoteRecord } from '../store/PrivateNoteStore';
import { parseRequest } from './errors';
import { principalOf, requireSessionToken } from './principal';
import { PRIVATE_HEADERS, parseFormat, parseLang, sendReportFile } from './reportReply';

/**
 * The case holder's private notes (issue 15; docs/API.md, "Private notes"):
 *   GET /api/sessions/:id/notes          the note of the token's participant
 *   PUT /api/sessions/:id/notes          { text, inReport } replaces it
 *   GET /api/sessions/:id/notes/report   the case holder's own copy of the report, with the note
 *                                        when `inReport` is set (?format=&lang= as the host's preview)
 * Only the case holder's own participant token gets past `caseHolderOnly`; the note lives in the
 * store, never in a Yjs document, so no other connection ever receives it.
 */

type Params = { Params: { id: string } };
type ReportParams = Params & { Querystring: { format?: unknown; lang?: unknown } };

/** What the client sees of a stored note; before the first save an empty one. */
function response(note: PrivateNoteRecord | null): PrivateNoteResponse {
  return {
    text: note?.text ?? '',
    inReport: note?.inReport ?? false,
    updatedAt: note ? new Date(note.updatedAt).toISOString() : null,
  };
}

export async function privateNoteRoutes(app: FastifyInstance): Promise<void> {
  const { store, registry, control } = app.deps;
  const reportDeps = { store, registry, control: control.control };

  /** preHandler after the token: the session's case holder, nobody else (403 for host, recipient, others). */
  async function caseHolderOnly(request: FastifyRequest): Promise<void> {
    const principal = principalOf(request);
    const { record } = await control.control.current(principal.sessionId);
    if (!keepsPrivateNotes(record.caseHolderId, principal)) throw new AppError('forbidden', PRIVATE_NOTES_REFUSAL);
  }
  const onlyTheCaseHolder = { preHandler: [requireSessionToken, caseHolderOnly] };
  /** The case holder's participant id; caseHolderOnly has made sure there is one. */
  const ownerOf = (principal: Principal): string => principal.participantId!;

  const send = (reply: FastifyReply, note: PrivateNoteRecord | null) =>
    reply.headers(PRIVATE_HEADERS).send(response(note));

  app.get<Params>('/api/sessions/:id/notes', onlyTheCaseHolder, async (request, reply) => {
    const principal = principalOf(request);
    return send(reply, await store.getPrivateNote(principal.sessionId, ownerOf(principal)));
  });

  app.put<Params>('/api/sessions/:id/notes', onlyTheCaseHolder, async (request, reply) => {
    const principal = principalOf(request);
    const body = parseRequest(privateNoteBody, request.body);
    const note: PrivateNoteRecord = {
      sessionId: principal.sessionId,
      participantId: ownerOf(principal),
      text: body.text,
      inReport: body.inReport,
      updatedAt: Date.now(),
    };
    await store.putPrivateNote(note);
    return send(reply, note);
  });

  app.get<ReportParams>('/api/sessions/:id/notes/report', onlyTheCaseHolder, async (request, reply) => {
    const principal = principalOf(request);
    const format = parseFormat(request.query.format);
    const lang = parseLang(request.query.lang);
    const [{ session }, note] = await Promise.all([
      control.control.current(principal.sessionId),
      store.getPrivateNote(principal.sessionId, ownerOf(principal)),
    ]);
    const notes = note?.inReport ? note.text : null;
    const report = inLocale(await loadReport(session, reportDeps, notes), lang);
    const sent = sendReportFile(reply, report, format, await renderReport(report, format));
    // Which copy and whether it held the notes; never the notes themselves.
    await audit(request, 'report:download', { format, lang: lang ?? null, copy: 'case-holder', notes: notes !== null });
    return sent;
  });
}
