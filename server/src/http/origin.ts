import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';

/** The origin of a URL, or null for anything that is not one (`null`, `http://[`, a list "a, b"). */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Decides whether a browser page from `origin` may use the API and the sockets. Requests without
 * an Origin header (curl, server-side clients) are allowed: they carry no ambient credentials,
 * tokens travel explicitly. Pages are allowed from the app's own origin (same host as the request,
 * or PUBLIC_URL) and from ALLOWED_ORIGINS. Takes the header values as Node gives them and never
 * throws: a repeated Origin arrives joined ("a, b"), is no URL, and is refused.
 */
export function isOriginAllowed(config: Config, origin: unknown, host: unknown): boolean {
  if (origin === undefined || origin === '') return true;
  if (typeof origin !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (typeof host === 'string' && host !== '' && parsed.host === host) return true;
  if (config.publicUrl && originOf(config.publicUrl) === parsed.origin) return true;
  return config.allowedOrigins.includes(parsed.origin);
}

/** The app's address as people reach it: PUBLIC_URL, else the scheme and host of this request. */
export function publicUrl(
  config: Pick<Config, 'publicUrl'>,
  request: Pick<FastifyRequest, 'protocol' | 'host'>,
): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** The link participants open to join: `<public URL>/join/<code>`. */
export function joinUrl(
  config: Pick<Config, 'publicUrl'>,
  request: Pick<FastifyRequest, 'protocol' | 'host'>,
  joinCode: string,
): string {
  return `${publicUrl(config, request)}/join/${joinCode}`;
}
