import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@casusbord/shared';
import { bearerToken, type Principal } from '../auth/Auth';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who sent the request, from `Authorization: Bearer <session token>` and the server's records.
     * Set by the preHandlers below; null on routes without one.
     */
    principal: Principal | null;
  }
}

/** The 401 of every session route: what to send instead. */
export const BEARER_HINT = 'Send a valid token as "Authorization: Bearer <token>"';
/** The 403 of a token used on another session's route. */
export const OTHER_SESSION = 'This token belongs to another session';

/**
 * Declares `request.principal` on the root instance (before the routes are registered), so every
 * route plugin shares it. Null to start with: Fastify keeps the request object's shape stable.
 */
export function registerPrincipal(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
}

/**
 * preHandler: any valid session token → `request.principal`; none or an unknown one → 401. A
 * failing store lookup is logged and answered `503 unavailable` (try again), as the control plane
 * answers it.
 */
export async function requirePrincipal(request: FastifyRequest): Promise<void> {
  let principal: Principal | null;
  try {
    principal = await request.server.deps.auth.resolve(bearerToken(request.headers.authorization));
  } catch (err) {
    request.log.error({ err }, 'token lookup failed');
    throw new AppError('unavailable');
  }
  if (!principal) throw new AppError('unauthorized', BEARER_HINT);
  request.principal = principal;
}

/** preHandler of `/api/sessions/:id/…`: a token of that very session (403 for another's). */
export async function requireSessionToken(request: FastifyRequest): Promise<void> {
  await requirePrincipal(request);
  const { id } = request.params as { id?: unknown };
  if (principalOf(request).sessionId !== id) throw new AppError('forbidden', OTHER_SESSION);
}

/** preHandler of the host's `/api/sessions/:id/…` routes: that session's host token (403 for any other). */
export async function requireHost(request: FastifyRequest): Promise<void> {
  await requireSessionToken(request);
  if (principalOf(request).role !== 'host') throw new AppError('forbidden');
}

/** The principal one of the preHandlers above has set; a route without one is a programming error. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`${request.method} ${request.routeOptions.url} has no principal preHandler`);
  return request.principal;
}
