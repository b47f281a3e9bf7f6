import type { z } from 'zod';
import {
  AppError,
  CLIENT_EVENTS,
  describeZodError,
  type Ack,
  type ClientEvent,
  type DataEvent,
  type EventData,
  type EventResult,
  type SessionState,
  type StateAck,
  type StateEvent,
} from '@casusbord/shared';

type Log = { error(obj: object, msg: string): void };

/** A Socket.io listener as the server registers it: any payload, maybe an ack callback. */
export type RawHandler = (payload: unknown, ack?: unknown) => void;

/** Parse with `schema`, run, acknowledge `Ack<R>`; see withValidation. */
function validated<S extends z.ZodType, R>(
  schema: S,
  run: (data: z.infer<S>) => Promise<R> | R,
  log: Log,
): (payload: unknown, reply: (res: Ack<R>) => void) => void {
  return (payload, reply) => {
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
 * The catalogue's schema of `event`. The type checker cannot resolve the table's entry for a
 * generic event name, so this states what the table guarantees: it parses into EventData<E>.
 */
const schemaOf = <E extends ClientEvent>(event: E) => CLIENT_EVENTS[event].schema as z.ZodType<EventData<E>>;

/** Calls the client's ack callback, if it sent one. */
const replyTo =
  <A>(ack: unknown) =>
  (res: A): void => {
    if (typeof ack === 'function') (ack as (res: A) => void)(res);
  };

/**
 * Wraps the handler of `event` once: parse the payload with the event's schema from the
 * catalogue (CLIENT_EVENTS), run, acknowledge `{ ok: true, data }` or `{ ok: false, error }`.
 * Nothing thrown inside ever crosses the socket or crashes the process; unexpected errors are
 * logged and answered as `internal`.
 */
export function withValidation<E extends DataEvent>(
  event: E,
  run: (data: EventData<E>) => Promise<EventResult<E>> | EventResult<E>,
  log: Log,
): RawHandler {
  const handle = validated(schemaOf(event), run, log);
  return (payload, ack) => handle(payload, replyTo<Ack<EventResult<E>>>(ack));
}

/**
 * withValidation for the events that answer with the new session state: the ack carries it as
 * `{ ok: true, state }` (StateAck), the shape every state-changing control event acknowledges with.
 */
export function stateHandler<E extends StateEvent>(
  event: E,
  run: (data: EventData<E>) => Promise<SessionState>,
  log: Log,
): RawHandler {
  const handle = validated(schemaOf(event), run, log);
  return (payload, ack) => {
    const reply = replyTo<StateAck>(ack);
    handle(payload, (res) => reply(res.ok ? { ok: true, state: res.data } : res));
  };
}

/** The part of a socket that handlers are registered on. */
export interface HandlerSocket {
  on(event: string, listener: RawHandler): unknown;
}

/** Registers `run` for a state event on `socket`, validated with that event's schema. */
export function onState<E extends StateEvent>(
  socket: HandlerSocket,
  event: E,
  run: (data: EventData<E>) => Promise<SessionState>,
  log: Log,
): void {
  socket.on(event, stateHandler(event, run, log));
}

/** Registers `run` for a data event on `socket`, validated with that event's schema. */
export function onData<E extends DataEvent>(
  socket: HandlerSocket,
  event: E,
  run: (data: EventData<E>) => Promise<EventResult<E>> | EventResult<E>,
  log: Log,
): void {
  socket.on(event, withValidation(event, run, log));
}
