import type { IncomingMessage } from 'node:http';

interface Log {
  error(obj: object, msg: string): void;
}

type Next = (err?: Error) => void;

/** What the client's connect_error carries when the server itself failed during the handshake. */
function internalError(): Error {
  const err = new Error('internal') as Error & { data?: unknown };
  err.data = { code: 'internal', message: 'The server could not check this connection' };
  return err;
}

/**
 * A Socket.io middleware that cannot throw out of the handshake: Socket.io calls middlewares
 * without a try/catch, inside Engine.IO's socket events, so a throw there would be an uncaught
 * exception. A throw or rejection refuses this one handshake (`internal`) and is logged; `next`
 * is called at most once, and a throw from `next` itself (the connection handlers) ends only
 * this socket.
 */
export function guardMiddleware<S extends { disconnect(close?: boolean): unknown }>(
  log: Log,
  middleware: (socket: S, next: Next) => void | Promise<void>,
): (socket: S, next: Next) => void {
  return (socket, next) => {
    let called = false;
    const once: Next = (err) => {
      if (called) return;
      called = true;
      try {
        next(err);
      } catch (thrown) {
        log.error({ err: thrown }, 'a control connection failed while it was set up');
        socket.disconnect(true);
      }
    };
    const fail = (err: unknown) => {
      log.error({ err }, 'control handshake failed');
      once(internalError());
    };
    try {
      const result = middleware(socket, once);
      if (result instanceof Promise) result.catch(fail);
    } catch (err) {
      fail(err);
    }
  };
}

type AllowRequest = (
  req: IncomingMessage,
  callback: (err: string | null | undefined, success: boolean) => void,
) => void;

/** Engine.IO's `allowRequest` that refuses instead of throwing (it runs inside the HTTP request listener). */
export function guardAllowRequest(log: Log, allowRequest: AllowRequest): AllowRequest {
  return (req, callback) => {
    let called = false;
    const once: Parameters<AllowRequest>[1] = (err, success) => {
      if (called) return;
      called = true;
      callback(err, success);
    };
    try {
      allowRequest(req, once);
    } catch (err) {
      log.error({ err }, 'control request check failed');
      once('request could not be checked', false);
    }
  };
}
