import type Database from 'better-sqlite3';
import { AppError } from '@casusbord/shared';

/**
 * Runs an SQLite write; a taken primary key or unique value (a session id, a join code, a token
 * hash) becomes AppError('conflict', message). Any other failure is rethrown as it is.
 */
export function uniqueOrConflict<T>(write: () => T, message: string): T {
  try {
    return write();
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? (err as { code: string }).code : '';
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new AppError('conflict', message);
    }
    throw err;
  }
}

/**
 * A check for inside a write transaction: throws AppError('session_not_found') unless the session
 * row exists, so that nothing stored with a session (photos, dilemmas) can outlive it.
 */
export function sessionRowCheck(db: Database.Database): (sessionId: string) => void {
  const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM sessions WHERE id = ?');
  return (sessionId) => {
    if (!exists.get(sessionId)) throw new AppError('session_not_found');
  };
}
