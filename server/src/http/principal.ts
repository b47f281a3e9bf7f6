import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, facilitatorMay, type HostOnlyAction } from '@casusbord/shared';
import { bearerToken, type Principal, type Resolution } from '../auth/Auth';

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
  let resolution: Resolution;
  try {
    resolution = await request.server.deps.auth.check(bearerToken(request.headers.authorization));
  } catch (err) {
    request.log.error({ err }, 'token lookup failed');
    throw new AppError('unavailable');
  }
  if ('refused' in resolution) {
    throw resolution.refused === 'cohost_revoked'
      ? new AppError('cohost_revoked')
      : new AppError('unauthorized', BEARER_HINT);
  }
  request.principal = resolution.principal;
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

/**
 * preHandler of the routes only the session's own host may use (cohosts.ts HOST_ONLY_ACTIONS):
 * that session's host token, not a co-host's (403).
 */
export function requireOwnHost(action: HostOnlyAction) {
  return async (request: FastifyRequest): Promise<void> => {
    await requireHost(request);
    if (!facilitatorMay(principalOf(request).cohostId ? 'cohost' : 'host', action)) {
      throw new AppError('forbidden', 'Only the facilitator who created the session may do this, not a co-host');
    }
  };
}

/** The principal one of the preHandlers above has set; a route without one is a programming error. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`${request.method} ${request.routeOptions.url} has no principal preHandler`);
  return request.principal;
}
