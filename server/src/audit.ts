import type { FastifyRequest } from 'fastify';
import type { Principal } from './auth/Auth';
import { AUDIT_DETAIL_CHARS, AUDIT_DETAIL_FIELDS } from './store/records';
import type { AuditAction, AuditEntry, Store } from './store/Store';

/**
 * The audit log (issue 18): who did what to a session, with which role, when and from which
 * address. Routes and socket handlers call `audit` (HTTP) or `recordAudit` once their action has
 * succeeded. A failed audit write is logged and never fails the action it records.
 */

export type AuditDetail = AuditEntry['detail'];
/** Who acted: the principal of the token, or the parts of it a route knows. */
export type AuditActor = Pick<Principal, 'role' | 'sessionId' | 'participantId' | 'cohostId'>;

type Log = { error(obj: object, msg: string): void };

/** Longest client address kept (an IPv6 address with a zone fits; a forged X-Forwarded-For is cut). */
const ADDRESS_CHARS = 100;

/**
 * The flat, small part of a payload as an entry's detail: the top-level strings (cut to
 * AUDIT_DETAIL_CHARS), numbers, booleans and nulls, at most AUDIT_DETAIL_FIELDS of them.
 */
export function auditDetail(payload: unknown): AuditDetail {
  const detail: AuditDetail = {};
  if (!payload || typeof payload !== 'object') return detail;
  let fields = 0;
  for (const [key, value] of Object.entries(payload)) {
    if (fields === AUDIT_DETAIL_FIELDS) break;
    if (key.length > 40) continue;
    if (typeof value === 'string') detail[key] = value.slice(0, AUDIT_DETAIL_CHARS);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) detail[key] = value;
    else continue;
    fields++;
  }
  return detail;
}

/** Stores one entry; resolves either way (a failure is logged with the action, not thrown). */
export async function recordAudit(
  store: Store,
  log: Log,
  actor: AuditActor,
  address: string | null,
  action: AuditAction,
  detail: AuditDetail = {},
): Promise<void> {
  const entry: AuditEntry = {
    at: Date.now(),
    sessionId: actor.sessionId,
    role: actor.role,
    // A co-host's actions carry the co-host's id, so the log tells the two facilitators apart.
    participantId: actor.participantId ?? actor.cohostId ?? null,
    address: address ? address.slice(0, ADDRESS_CHARS) : null,
    action,
    detail,
  };
  try {
    await store.appendAudit(entry);
  } catch (err) {
    log.error({ err, sessionId: entry.sessionId, action }, 'could not write the audit log');
  }
}

/**
 * Records an HTTP action: by the request's principal (set by requireHost & co.) unless `actor`
 * names who acted, from the request's address (Fastify's `request.ip`, which follows TRUST_PROXY).
 */
export function audit(
  request: FastifyRequest,
  action: AuditAction,
  detail: AuditDetail = {},
  actor: AuditActor | null = request.principal,
): Promise<void> {
  if (!actor) throw new Error(`audit(${action}) without a principal on ${request.routeOptions.url}`);
  return recordAudit(request.server.deps.store, request.log, actor, request.ip, action, detail);
}
