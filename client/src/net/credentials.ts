import type { Role } from '@casusbord/shared';
import { forgetSessionCache } from './offlineCache';

/** What a browser keeps per session so a reload or reconnect keeps the same identity. */
export interface StoredCredentials {
  token: string;
  role: Role;
  docName: string;
  /** Null for the host, who is not a participant. */
  name: string | null;
  participantId: string | null;
}

const ROLES: readonly string[] = ['host', 'participant', 'recipient'];

export function credentialsKey(sessionId: string): string {
  return `casusbord:session:${sessionId}`;
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** Reads and checks stored credentials; anything malformed counts as "not joined". */
export function loadCredentials(sessionId: string, storage: Storage = localStorage): StoredCredentials | null {
  let parsed: unknown;
  try {
    const raw = storage.getItem(credentialsKey(sessionId));
    if (!raw) return null;
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const c = parsed as Record<string, unknown>;
  if (typeof c.token !== 'string' || !c.token) return null;
  if (typeof c.docName !== 'string' || !c.docName) return null;
  if (typeof c.role !== 'string' || !ROLES.includes(c.role)) return null;
  const name = c.name ?? null;
  const participantId = c.participantId ?? null;
  if (!isNullableString(name) || !isNullableString(participantId)) return null;
  return { token: c.token, role: c.role as Role, docName: c.docName, name, participantId };
}

export function saveCredentials(
  sessionId: string,
  credentials: StoredCredentials,
  storage: Storage = localStorage,
): void {
  try {
    storage.setItem(credentialsKey(sessionId), JSON.stringify(credentials));
  } catch {
    // Storage full or disabled (private mode): the session still works until the tab closes.
  }
}

/** Also drops the offline copies of the session (net/offlineCache.ts): nothing lingers on a shared laptop. */
export function forgetCredentials(sessionId: string, storage: Storage = localStorage): void {
  forgetSessionCache(sessionId);
  try {
    storage.removeItem(credentialsKey(sessionId));
  } catch {
    // Nothing to do: storage unavailable.
  }
}
