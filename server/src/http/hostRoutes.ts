import type { FastifyInstance } from 'fastify';
import { audit } from '../audit';
import { deleteSessionEverywhere, existingSession, withFreshJoinCode } from '../sessions';
import { joinUrl } from './origin';
import { requireHost, requireOwnHost } from './principal';

type Params = { Params: { id: string } };

/** Host-only administration of a session: rotate the join code, delete the session. */
export async function hostRoutes(app: FastifyInstance): Promise<void> {
  const { store, config } = app.deps;

  /** A new join code; the old one stops working at once. People who joined keep their tokens. */
  app.post<Params>('/api/sessions/:id/code', { preHandler: requireHost }, async (request) => {
    const session = await existingSession(store, request.params.id);
    const joinCode = await withFreshJoinCode(async (code) => {
      await store.updateSession({ ...session, joinCode: code });
      return code;
    });
    await audit(request, 'code:rotate');
    return { joinCode, joinUrl: joinUrl(config, request, joinCode) };
  });

  /** Deletes the session with its boards, participants and reports; the session's own host only, not a co-host. */
  app.delete<Params>('/api/sessions/:id', { preHandler: requireOwnHost('session:delete') }, async (request, reply) => {
    await existingSession(store, request.params.id);
    await deleteSessionEverywhere(app.deps, request.params.id, 'host');
    return reply.status(204).send();
  });
}
