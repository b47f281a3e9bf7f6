import { z } from 'zod';

/*
 * A second facilitator (co-host), pure. The host makes a co-host link: a token of its own with the
 * host's rights to run the session (clock, rounds, tables, reveal, bring everyone here, handover).
 * Managing co-host links and deleting the session stay with the host who created the session, so
 * a leaked co-host link can be revoked and can never revoke or outlive the host. A revoked link
 * stays in the list (who had access, until when) but opens nothing any more.
 */

/** Co-host links a session may hold at once (revoked ones do not count). */
export const MAX_ACTIVE_COHOSTS = 5;
/** Links kept per session, revoked ones included; a new link past it is refused. */
export const MAX_COHOST_LINKS = 20;

export const cohostEntrySchema = z.object({
  /** `c` + random id; also the co-host's id in the audit log. */
  id: z.string(),
  /** ms since epoch */
  createdAt: z.number(),
  /** ms since epoch; null while the link works. */
  revokedAt: z.number().nullable(),
});
export type CohostEntry = z.infer<typeof cohostEntrySchema>;

/** Which facilitator acts: the one who created the session, or a co-host. */
export type HostKind = 'host' | 'cohost';

/** Actions only the session's own host may take; everything else a host may do, a co-host may do too. */
export const HOST_ONLY_ACTIONS = ['cohost:create', 'cohost:list', 'cohost:revoke', 'session:delete'] as const;
export type HostOnlyAction = (typeof HOST_ONLY_ACTIONS)[number];

/** Whether this facilitator may take `action` (a host command or route name): a co-host all but the host-only ones. */
export function facilitatorMay(kind: HostKind, action: string): boolean {
  return kind === 'host' || !(HOST_ONLY_ACTIONS as readonly string[]).includes(action);
}

export type CohostFailure = { ok: false; code: 'not_found' | 'conflict'; message: string };

/** Whether a co-host link works: listed and not revoked. */
export function isActiveCohost(list: readonly CohostEntry[] | undefined, id: string): boolean {
  return (list ?? []).some((c) => c.id === id && c.revokedAt === null);
}

/** The list with a new link, or why not (too many active links, or too many links in all). */
export function addCohost(
  list: readonly CohostEntry[] | undefined,
  entry: CohostEntry,
): { ok: true; list: CohostEntry[] } | CohostFailure {
  const all = list ?? [];
  if (all.filter((c) => c.revokedAt === null).length >= MAX_ACTIVE_COHOSTS) {
    return {
      ok: false,
      code: 'conflict',
      message: `At most ${MAX_ACTIVE_COHOSTS} co-host links at once; revoke one first`,
    };
  }
  if (all.length >= MAX_COHOST_LINKS) {
    return { ok: false, code: 'conflict', message: `This session has had ${MAX_COHOST_LINKS} co-host links already` };
  }
  return { ok: true, list: [...all, entry] };
}

/** The list with link `id` revoked at `now`; revoking it again changes nothing and succeeds. */
export function revokeCohost(
  list: readonly CohostEntry[] | undefined,
  id: string,
  now: number,
): { ok: true; list: CohostEntry[]; changed: boolean } | CohostFailure {
  const all = list ?? [];
  const entry = all.find((c) => c.id === id);
  if (!entry) return { ok: false, code: 'not_found', message: 'No such co-host link in this session' };
  if (entry.revokedAt !== null) return { ok: true, list: [...all], changed: false };
  return { ok: true, list: all.map((c) => (c.id === id ? { ...c, revokedAt: now } : c)), changed: true };
}
