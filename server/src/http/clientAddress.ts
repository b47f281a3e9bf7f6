import type { IncomingMessage } from 'node:http';

/**
 * The client address of a raw request (the /yjs upgrade, which does not pass through Fastify), as
 * Fastify's `request.ip` gives it with the same `trustProxy` setting: the socket's address, or with
 * TRUST_PROXY the left-most `X-Forwarded-For` entry (Fastify trusts every hop when it is `true`).
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const socketAddress = req.socket.remoteAddress ?? '';
  if (!trustProxy) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[0] ?? socketAddress;
}
