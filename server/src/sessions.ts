import { AppError, CLOSE_CODES } from '@casusbord/shared';
import type { AppDeps } from './app';
import { generateJoinCode } from './auth/tokens';
import type { DeletionRecord, SessionRecord, Store } from './store/Store';

/** Fresh codes tried before giving up: a collision among ~9e8 codes is rare, five in a row means trouble. */
const CODE_ATTEMPTS = 5;

/**
 * Runs `store` with fresh join codes until the store accepts one (a `conflict` means the code is
 * taken) and returns its result; `503 unavailable` after CODE_ATTEMPTS. `save` should only store:
 * a conflict anywhere in it is read as a taken code.
 */
export async function withFreshJoinCode<T>(save: (joinCode: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    try {
      return await save(generateJoinCode());
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') continue;
      throw err;
    }
  }
  throw new AppError('unavailable', 'Could not allocate a join code; try again');
}

/** The session record, or `404 session_not_found` (deleted since the token was issued). */
export async function existingSession(store: Store, sessionId: string): Promise<SessionRecord> {
  const session = await store.getSession(sessionId);
  if (!session) throw new AppError('session_not_found');
  return session;
}

type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * Deletes a session everywhere: open board connections and control sockets are ended first (so
 * nothing is written after), then the store drops the session, its participants, tokens,
 * documents, control state, reports and audit log. `by` is kept as the session's deletion record.
 */
export async function deleteSessionEverywhere(
  deps: AppDeps,
  sessionId: string,
  by: DeletionRecord['by'],
  at = Date.now(),
): Promise<void> {
  await deps.registry.closeSession(sessionId, CLOSE_CODES.notFound, 'session deleted');
  deps.control.disconnectSession(sessionId);
  await deps.store.deleteSession(sessionId, { at, by });
}

/** Milliseconds between retention sweeps. */
const SWEEP_MS = 60 * 60_000;

/**
 * Deletes sessions older than RETENTION_DAYS (AVG/GDPR: boards hold names and frank opinions),
 * once at start-up and then every hour. Returns a function that stops the sweeps.
 */
export function startRetention(deps: AppDeps, log: Log): () => void {
  const days = deps.config.retentionDays;
  if (days <= 0) return () => undefined;
  const sweep = async () => {
    try {
      const ids = await purgeExpired(deps, Date.now());
      if (ids.length) log.info({ count: ids.length, days }, 'retention: deleted expired sessions');
    } catch (err) {
      log.error({ err }, 'retention sweep failed');
    }
  };
  const first = setTimeout(() => void sweep(), 1000);
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** Deletes every session created more than RETENTION_DAYS before `now`; returns their ids. */
export async function purgeExpired(deps: AppDeps, now: number): Promise<string[]> {
  const cutoff = now - deps.config.retentionDays * 24 * 60 * 60_000;
  const ids = await deps.store.listSessionsCreatedBefore(cutoff);
  for (const id of ids) await deleteSessionEverywhere(deps, id, 'retention', now);
  return ids;
}
