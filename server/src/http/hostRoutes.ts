import type { FastifyInstance } from 'fastify';
import { AppError } from '@casusbord/shared';
import { bearerToken } from '../auth/Auth';
import { generateJoinCode } from '../auth/tokens';
import { deleteSessionEverywhere } from '../sessions';

/** Tries a few fresh codes before giving up (a collision among ~9e8 codes is rare). */
const CODE_ATTEMPTS = 5;

/** Host-only administration of a session: rotate the join code, delete the session. */
export async function hostRoutes(app: FastifyInstance): Promise<void> {
  const { store, auth, config } = app.deps;

  async function requireHost(authorization: string | undefined, sessionId: string) {
    const principal = await auth.resolve(bearerToken(authorization));
    if (!principal) throw new AppError('unauthorized', 'Send a valid token as "Authorization: Bearer <token>"');
    if (principal.sessionId !== sessionId || principal.role !== 'host') {
      throw new AppError('forbidden', 'Only the facilitator of this session may do this');
    }
    const session = await store.getSession(sessionId);
    if (!session) throw new AppError('session_not_found', 'This session no longer exists');
    return session;
  }

  /** A new join code; the old one stops working at once. People who joined keep their tokens. */
  app.post<{ Params: { id: string } }>('/api/sessions/:id/code', async (request) => {
    const session = await requireHost(request.headers.authorization, request.params.id);
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const joinCode = generateJoinCode();
      try {
        await store.updateSession({ ...session, joinCode });
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') continue;
        throw err;
      }
      const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
      return { joinCode, joinUrl: `${base}/join/${joinCode}` };
    }
    throw new AppError('unavailable', 'Could not allocate a join code; try again');
  });

  /** Deletes the session with its boards, participants and reports. */
  app.delete<{ Params: { id: string } }>('/api/sessions/:id', async (request, reply) => {
    await requireHost(request.headers.authorization, request.params.id);
    await deleteSessionEverywhere(app.deps, request.params.id);
    return reply.status(204).send();
  });
}
