import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { createSession, join, postJson } from '../helpers/api';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const valid = { title: 'Casus Kruiskamp', city: 'Amersfoort', question: 'Hoe houden we de jongeren in beeld?' };

describe('HTTP API', () => {
  it('GET /healthz answers 200 JSON', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
  });

  it('creates a session and joins it by code, ignoring case and separators', async () => {
    const created = await postJson(`${server.url}/api/sessions`, valid);
    expect(created.status).toBe(201);
    const { sessionId, joinCode, hostToken, docName } = created.json as Record<string, string>;
    expect(joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(hostToken!.length).toBeGreaterThanOrEqual(43);
    const typed = `${joinCode!.slice(0, 3).toLowerCase()}-${joinCode!.slice(3)} `;
    const joined = await postJson(`${server.url}/api/join`, { code: typed, name: 'Anna' });
    expect(joined.status).toBe(200);
    expect(joined.json).toMatchObject({ sessionId, docName, name: 'Anna', role: 'participant' });
  });

  it('shows the session per role: the host sees code, tables and people; a participant only their own table', async () => {
    const s = await createSession(server.url);
    const anna = await join(server.url, s.joinCode, 'Anna');
    const asHost = await fetch(`${server.url}/api/sessions/${s.sessionId}`, {
      headers: { authorization: `Bearer ${s.hostToken}` },
    }).then((r) => r.json());
    expect(asHost).toMatchObject({
      joinCode: s.joinCode,
      you: { role: 'host' },
      groups: [{ docName: s.docName }],
      participants: [{ name: 'Anna' }],
    });
    const asAnna = await fetch(`${server.url}/api/sessions/${s.sessionId}`, {
      headers: { authorization: `Bearer ${anna.token}` },
    }).then((r) => r.json());
    expect(asAnna.you).toMatchObject({ role: 'participant', name: 'Anna', participantId: anna.participantId });
    expect(asAnna.joinCode).toBeUndefined();
    expect(asAnna.participants).toBeUndefined();
  });

  it.each([
    ['missing fields', {}, 400, 'validation_failed'],
    ['wrong types', { title: 1, city: ['x'], question: null }, 400, 'validation_failed'],
    ['blank title', { ...valid, title: '   ' }, 400, 'validation_failed'],
    ['oversized question', { ...valid, question: 'x'.repeat(2001) }, 400, 'validation_failed'],
    ['unknown field', { ...valid, admin: true }, 400, 'validation_failed'],
    ['unknown method', { ...valid, method: 'chaos' }, 400, 'validation_failed'],
    ['not JSON', '{"title":', 400, 'bad_request'],
    ['body over 64 KiB', { ...valid, context: 'x'.repeat(70000) }, 413, 'payload_too_large'],
  ])('POST /api/sessions with %s → %i %s', async (_label, body, status, code) => {
    const res = await postJson(`${server.url}/api/sessions`, body);
    expect(res.status).toBe(status);
    expect(res.json.error?.code).toBe(code);
    expect(typeof res.json.error?.message).toBe('string');
  });

  it('join preview: the case and the round for a valid code, before joining; clear errors otherwise', async () => {
    const s = await createSession(server.url, valid);
    const res = await fetch(`${server.url}/api/join/${s.joinCode.toLowerCase()}`);
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview).toMatchObject({
      title: valid.title,
      city: valid.city,
      locked: false,
      round: { status: 'idle', index: 0 },
    });
    expect(preview.round.count).toBeGreaterThan(3);
    expect(preview.round.instruction.nl.length).toBeGreaterThan(10);
    // Nothing about people, tokens or the board.
    expect(Object.keys(preview).sort()).toEqual(['caseHolderName', 'city', 'locale', 'locked', 'round', 'title']);
    const unknown = await fetch(`${server.url}/api/join/ZZZZZZ`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('session_not_found');
    const tooLong = await fetch(`${server.url}/api/join/${'A'.repeat(40)}`);
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.code).toBe('validation_failed');
  });

  it('join preview: wrong codes count against the address like wrong joins', async () => {
    // Its own server: the address is blocked for ten minutes afterwards.
    const fresh = await startServer();
    try {
      const s = await createSession(fresh.url, valid);
      const misses: number[] = [];
      for (let i = 0; i < 20; i++)
        misses.push((await fetch(`${fresh.url}/api/join/ZZZZZ${'ABCDEFGHJKMNPQRSTUVW'[i]}`)).status);
      expect(misses).toEqual(Array(20).fill(404));
      const preview = await fetch(`${fresh.url}/api/join/${s.joinCode}`);
      expect(preview.status).toBe(429);
      expect(preview.headers.get('retry-after')).toMatch(/^\d+$/);
      const joinNow = await postJson(`${fresh.url}/api/join`, { code: s.joinCode, name: 'Anna' });
      expect(joinNow.status).toBe(429);
    } finally {
      await fresh.close();
    }
  });

  it('join: unknown code → 404 session_not_found; bad fields → 400', async () => {
    const unknown = await postJson(`${server.url}/api/join`, { code: 'ZZZZZZ', name: 'Eva' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.code).toBe('session_not_found');
    const s = await createSession(server.url);
    for (const body of [
      { code: s.joinCode },
      { code: s.joinCode, name: '' },
      { code: s.joinCode, name: 'x'.repeat(61) },
      { code: 5, name: 'A' },
    ]) {
      const res = await postJson(`${server.url}/api/join`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error?.code).toBe('validation_failed');
    }
  });

  it('GET /api/sessions/:id: no token 401, wrong token 401, other session 403', async () => {
    const s = await createSession(server.url);
    const other = await createSession(server.url);
    const get = (id: string, token?: string) =>
      fetch(`${server.url}/api/sessions/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await get(s.sessionId)).status).toBe(401);
    expect((await get(s.sessionId, 'a'.repeat(43))).status).toBe(401);
    const res = await get(s.sessionId, other.hostToken);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });

  it('unknown API routes answer JSON 404; client routes serve the app or explain the missing build', async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('refuses API calls from a foreign page origin', async () => {
    const res = await postJson(`${server.url}/api/sessions`, valid, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.json.error?.code).toBe('forbidden');
  });
});
