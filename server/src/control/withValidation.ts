import type { z } from 'zod';
import { AppError, describeZodError, type Ack, type SessionState, type StateAck } from '@casusbord/shared';

type Log = { error(obj: object, msg: string): void };

/**
 * Wraps a Socket.io handler once: parse the payload with its schema, run, acknowledge
 * `{ ok: true, data }` or `{ ok: false, error }`. Nothing thrown inside ever crosses the socket
 * or crashes the process; unexpected errors are logged and answered as `internal`.
 */
export function withValidation<S extends z.ZodType, R>(
  schema: S,
  run: (data: z.infer<S>) => Promise<R> | R,
  log: Log,
): (payload: unknown, ack?: unknown) => void {
  return (payload, ack) => {
    const reply = (res: Ack<R>) => {
      if (typeof ack === 'function') (ack as (res: Ack<R>) => void)(res);
    };
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply({ ok: false, error: { code: 'validation_failed', message: describeZodError(parsed.error) } });
      return;
    }
    Promise.resolve()
      .then(() => run(parsed.data))
      .then(
        (data) => reply({ ok: true, data }),
        (err: unknown) => {
          if (err instanceof AppError) {
            reply({ ok: false, error: err.toJSON() });
          } else {
            log.error({ err }, 'socket handler failed');
            reply({ ok: false, error: { code: 'internal', message: 'Something went wrong on the server' } });
          }
        },
      );
  };
}

/**
 * withValidation for commands that answer with the new session state: the ack carries it as
 * `{ ok: true, state }` (StateAck), the shape every state-changing control event acknowledges with.
 */
export function stateHandler<S extends z.ZodType>(
  schema: S,
  run: (data: z.infer<S>) => Promise<SessionState>,
  log: Log,
): (payload: unknown, ack?: unknown) => void {
  const wrapped = withValidation(schema, run, log);
  return (payload, ack) =>
    wrapped(payload, (res: Ack<SessionState>) => {
      if (typeof ack !== 'function') return;
      const answer: StateAck = res.ok ? { ok: true, state: res.data } : res;
      (ack as (a: StateAck) => void)(answer);
    });
}
