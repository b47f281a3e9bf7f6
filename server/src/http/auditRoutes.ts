import type { FastifyInstance } from 'fastify';
import { audit } from '../audit';
import { auditCsv } from '../export/auditCsv';
import { existingSession } from '../sessions';
import { requireHost } from './principal';
import { PRIVATE_HEADERS } from './reportReply';

type Params = { Params: { id: string } };

/** The host's download of the session's audit log (issue 18). */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app.deps;

  app.get<Params>('/api/sessions/:id/audit.csv', { preHandler: requireHost }, async (request, reply) => {
    const session = await existingSession(store, request.params.id);
    const csv = auditCsv(await store.listAudit(session.id));
    // After the read: this download is in the next one.
    await audit(request, 'audit:download');
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .headers(PRIVATE_HEADERS)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="casusbord-audit-${session.id}-${day}.csv"`)
      .send(csv);
  });
}
