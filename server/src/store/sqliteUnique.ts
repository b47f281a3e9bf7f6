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
