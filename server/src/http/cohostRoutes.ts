import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AppError,
  addCohost,
  revokeCohost,
  type CohostEntry,
  type CohostFailure,
  type CohostLinkResponse,
  type CohostListResponse,
} from '@casusbord/shared';
import { audit } from '../audit';
import { generateId, generateToken, hashToken } from '../auth/tokens';
import { parseRequest } from './errors';
import { publicUrl } from './origin';
import { requireOwnHost } from './principal';

type Params = { Params: { id: string } };
const revokeParams = z.strictObject({ id: z.string(), cohostId: z.string().min(1).max(64) });

/** A refusal of the co-host rules (shared/src/domain/cohosts.ts) as the route's error. */
function orThrow<T extends { ok: true }>(result: T | CohostFailure): T {
  if (!result.ok) throw new AppError(result.code, result.message);
  return result;
}

/**
 * Co-host links (issue 15): a second facilitator with the host's rights to run the session, on a
 * token of their own that the host can revoke. Only the session's own host manages them; the list
 * lives in the session's control state, so changes are serialised with every host command.
 */
export async function cohostRoutes(app: FastifyInstance): Promise<void> {
  const { store, config, control } = app.deps;

  app.post<Params>(
    '/api/sessions/:id/cohosts',
    { preHandler: requireOwnHost('cohost:create') },
    async (request, reply) => {
      const sessionId = request.params.id;
      const token = generateToken();
      const cohost: CohostEntry = { id: `c${generateId()}`, createdAt: Date.now(), revokedAt: null };
      // The token first: until the control state lists it, it opens nothing (Auth.check).
      await store.addToken({
        tokenHash: hashToken(token),
        role: 'host',
        sessionId,
        participantId: cohost.id,
        createdAt: cohost.createdAt,
      });
      await control.control.update(sessionId, (_session, record) => {
        record.cohosts = orThrow(addCohost(record.cohosts, cohost)).list;
      });
      await audit(request, 'cohost:create', { cohostId: cohost.id });
      const body: CohostLinkResponse = {
        cohost,
        token,
        url: `${publicUrl(config, request)}/s/${encodeURIComponent(sessionId)}/host#cohost=${token}`,
      };
      return reply.status(201).send(body);
    },
  );

  app.get<Params>('/api/sessions/:id/cohosts', { preHandler: requireOwnHost('cohost:list') }, async (request) => {
    const { record } = await control.control.current(request.params.id);
    const body: CohostListResponse = { cohosts: record.cohosts ?? [] };
    return body;
  });

  /** Revokes a link at once: its sockets and board connections end, its token opens nothing. */
  app.delete(
    '/api/sessions/:id/cohosts/:cohostId',
    { preHandler: requireOwnHost('cohost:revoke') },
    async (request) => {
      const { id, cohostId } = parseRequest(revokeParams, request.params);
      const { result, session } = await control.control.update(id, (_session, record) => {
        const revoked = orThrow(revokeCohost(record.cohosts, cohostId, Date.now()));
        record.cohosts = revoked.list;
        return { changed: revoked.changed, cohost: revoked.list.find((c) => c.id === cohostId)! };
      });
      if (result.changed) {
        await control.revokeCohost(session, cohostId);
        await audit(request, 'cohost:revoke', { cohostId });
      }
      return { cohost: result.cohost };
    },
  );
}
