import type { Messages } from './nl';

/**
 * A user-facing sentence for a failed call: known codes are translated, otherwise the
 * server's own message is shown (it is written for people), else a generic sentence.
 */
export function describeError(t: Messages, err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    const known = t.errors[err.code];
    if (known) return known;
    if ('message' in err && typeof err.message === 'string' && err.message) return err.message;
  }
  return t.errors.unknown ?? '';
}
