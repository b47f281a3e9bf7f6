import type { Config } from '../config';

/**
 * Decides whether a browser page from `origin` may use the API and the sockets. Requests without
 * an Origin header (curl, server-side clients) are allowed: they carry no ambient credentials,
 * tokens travel explicitly. Pages are allowed from the app's own origin (same host as the request,
 * or PUBLIC_URL) and from ALLOWED_ORIGINS.
 */
export function isOriginAllowed(config: Config, origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host && parsed.host === host) return true;
  if (config.publicUrl && new URL(config.publicUrl).origin === parsed.origin) return true;
  return config.allowedOrigins.includes(parsed.origin);
}
