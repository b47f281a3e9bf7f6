import type { ErrorCode } from '@casusbord/shared';

export const YJS_PREFIX = '/yjs/';

/**
 * Longest /yjs request target accepted, in characters. An honest one is under 200
 * (`/yjs/<64>.<32>?token=<43>`); Node itself would accept up to its 16 KiB header limit.
 */
export const MAX_UPGRADE_URL_LENGTH = 2048;

/** A /yjs upgrade that can be read: which document, which token (null when none was sent). */
export interface UpgradeTarget {
  ok: true;
  docName: string;
  token: string | null;
  origin: string | undefined;
  host: string | undefined;
}

/** A /yjs upgrade that cannot be read; answered with this HTTP status before any handshake. */
export interface UpgradeRefusal {
  ok: false;
  status: 400 | 404 | 414;
  code: ErrorCode;
  message: string;
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** Control characters (C0, DEL, C1) are never part of a document name. */
const CONTROL = /\p{Cc}/u;

function refuse(status: UpgradeRefusal['status'], code: ErrorCode, message: string): UpgradeRefusal {
  return { ok: false, status, code, message };
}

/** A header Node gives as one string; anything else (a list, another type) is not a single value. */
function single(headers: Headers, name: string): { value: string | undefined } | null {
  const value = headers[name];
  if (value === undefined || typeof value === 'string') return { value };
  return null;
}

/**
 * Reads `/yjs/<docName>?token=<token>` from a raw request target, exactly as sent (no dot-segment
 * or backslash normalisation as `new URL` would do). Never throws: whatever an outsider sends
 * is either a target or a refusal. Whether the document exists, the token is valid and the
 * origin is allowed is decided later and answered with a close code, which browsers can read.
 */
export function parseUpgradeRequest(url: unknown, headers: Headers): UpgradeTarget | UpgradeRefusal {
  if (typeof url !== 'string') return refuse(400, 'bad_request', 'The request has no URL');
  if (url.length > MAX_UPGRADE_URL_LENGTH) {
    return refuse(414, 'uri_too_long', `The URL is over ${MAX_UPGRADE_URL_LENGTH} characters`);
  }
  if (!url.startsWith(YJS_PREFIX)) return refuse(404, 'not_found', 'No WebSocket route at this path');
  const queryAt = url.indexOf('?');
  const rawName = url.slice(YJS_PREFIX.length, queryAt < 0 ? url.length : queryAt);
  let docName: string;
  try {
    docName = decodeURIComponent(rawName);
  } catch {
    return refuse(400, 'bad_request', 'The document name is not valid percent-encoded UTF-8');
  }
  if (CONTROL.test(docName)) return refuse(400, 'bad_request', 'The document name contains control characters');
  // URLSearchParams replaces bad percent-encodings instead of throwing.
  const tokens = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)).getAll('token');
  if (tokens.length > 1) return refuse(400, 'bad_request', 'Send the token parameter once');
  const origin = single(headers, 'origin');
  const host = single(headers, 'host');
  if (!origin || !host) return refuse(400, 'bad_request', 'Send the Origin and Host headers once');
  return { ok: true, docName, token: tokens[0] ?? null, origin: origin.value, host: host.value };
}
