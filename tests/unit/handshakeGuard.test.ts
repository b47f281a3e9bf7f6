import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { guardAllowRequest, guardMiddleware } from '../../server/src/control/handshakeGuard';

function fakeLog() {
  const errors: string[] = [];
  return { errors, error: (_obj: object, msg: string) => void errors.push(msg) };
}

function fakeSocket() {
  return {
    disconnected: false,
    disconnect(this: { disconnected: boolean }) {
      this.disconnected = true;
    },
  };
}

type Refusal = Error & { data?: { code: string } };

describe('guardMiddleware', () => {
  it('a throwing middleware refuses that handshake with `internal` instead of throwing', () => {
    const log = fakeLog();
    const calls: (Refusal | undefined)[] = [];
    const guarded = guardMiddleware(log, () => {
      throw new TypeError('token.toString is not a function');
    });
    expect(() => guarded(fakeSocket(), (err) => calls.push(err))).not.toThrow();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.data?.code).toBe('internal');
    expect(log.errors).toEqual(['control handshake failed']);
  });

  it('a rejecting async middleware refuses that handshake too', async () => {
    const log = fakeLog();
    const calls: (Refusal | undefined)[] = [];
    const guarded = guardMiddleware(log, async () => {
      throw new Error('store down');
    });
    guarded(fakeSocket(), (err) => calls.push(err));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.map((e) => e?.data?.code)).toEqual(['internal']);
  });

  it('calls next at most once, and a throw from next ends only that socket', () => {
    const log = fakeLog();
    const socket = fakeSocket();
    let calls = 0;
    const guarded = guardMiddleware(log, (_s, next) => {
      next();
      next(new Error('twice'));
      throw new Error('after next');
    });
    guarded(socket, () => {
      calls++;
      throw new Error('connection handler failed');
    });
    expect(calls).toBe(1);
    expect(socket.disconnected).toBe(true);
  });

  it('lets an honest middleware through unchanged', () => {
    const calls: unknown[] = [];
    guardMiddleware(fakeLog(), (_s, next) => next())(fakeSocket(), (err) => calls.push(err));
    expect(calls).toEqual([undefined]);
  });
});

describe('guardAllowRequest', () => {
  it('a throwing check refuses the request once instead of throwing out of the HTTP listener', () => {
    const log = fakeLog();
    const answers: [unknown, boolean][] = [];
    const guarded = guardAllowRequest(log, () => {
      throw new Error('bad header');
    });
    expect(() => guarded({ headers: {} } as IncomingMessage, (err, ok) => answers.push([err, ok]))).not.toThrow();
    expect(answers).toEqual([['request could not be checked', false]]);
  });

  it('passes an honest answer through', () => {
    const answers: [unknown, boolean][] = [];
    guardAllowRequest(fakeLog(), (_req, callback) => callback(null, true))(
      { headers: {} } as IncomingMessage,
      (e, ok) => answers.push([e, ok]),
    );
    expect(answers).toEqual([[null, true]]);
  });
});
