import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { createSession, join } from '../helpers/api';

let server: TestServer;
beforeAll(async () => {
  // Every case creates its own sessions; the per-address limit on new sessions is not under test here.
  server = await startServer({ sessionsPerAddress: 1000 });
});
afterAll(() => server.close());

type Route = [label: string, method: string, path: (sessionId: string) => string, hostOnly: boolean];

/** Every session route behind a bearer token (request.principal), and whether only the host may use it. */
const ROUTES: Route[] = [
  ['GET /api/sessions/:id', 'GET', (id) => `/api/sessions/${id}`, false],
  ['GET /api/sessions/:id/lenses', 'GET', (id) => `/api/sessions/${id}/lenses`, false],
  ['POST /api/sessions/:id/code', 'POST', (id) => `/api/sessions/${id}/code`, true],
  ['POST /api/sessions/:id/reopen', 'POST', (id) => `/api/sessions/${id}/reopen`, true],
  ['POST /api/sessions/:id/handover', 'POST', (id) => `/api/sessions/${id}/handover`, true],
  ['GET /api/sessions/:id/report?format=md', 'GET', (id) => `/api/sessions/${id}/report?format=md`, true],
  ['DELETE /api/sessions/:id', 'DELETE', (id) => `/api/sessions/${id}`, true],
];

async function call(method: string, path: string, token?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  return { status: res.status, code: body?.error?.code };
}

describe('the bearer token of the session routes', () => {
  it.each(ROUTES)(
    '%s: no token or an unknown one is 401, another session’s token 403',
    async (_label, method, path) => {
      const s = await createSession(server.url);
      const other = await createSession(server.url);
      expect(await call(method, path(s.sessionId))).toEqual({ status: 401, code: 'unauthorized' });
      expect(await call(method, path(s.sessionId), 'x'.repeat(43))).toEqual({ status: 401, code: 'unauthorized' });
      expect(await call(method, path(s.sessionId), other.hostToken)).toEqual({ status: 403, code: 'forbidden' });
    },
  );

  it.each(ROUTES)(
    '%s: a participant is let through only where not host-only',
    async (_label, method, path, hostOnly) => {
      const s = await createSession(server.url);
      const anna = await join(server.url, s.joinCode, 'Anna');
      const res = await call(method, path(s.sessionId), anna.token);
      if (hostOnly) expect(res).toEqual({ status: 403, code: 'forbidden' });
      else expect(res.status).toBe(200);
    },
  );

  it.each(ROUTES)('%s: the host is let through', async (_label, method, path) => {
    const s = await createSession(server.url);
    expect((await call(method, path(s.sessionId), s.hostToken)).status).toBeLessThan(300);
  });

  it('answers a failing token lookup with a JSON 503 (try again) and keeps serving', async () => {
    const s = await createSession(server.url);
    const spy = vi.spyOn(server.app.deps.store, 'getToken').mockRejectedValueOnce(new Error('disk gone'));
    try {
      expect(await call('GET', `/api/sessions/${s.sessionId}`, s.hostToken)).toEqual({ status: 503, code: 'unavailable' });
    } finally {
      spy.mockRestore();
    }
    expect((await call('GET', `/api/sessions/${s.sessionId}`, s.hostToken)).status).toBe(200);
  });
});
