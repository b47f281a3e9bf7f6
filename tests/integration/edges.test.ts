import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, addCard, readCards, type CreateSessionResponse, type JoinResponse } from '@casusbord/shared';
import { startServer, tempDataDir, type TestServer } from '../helpers/server';
import { createSession, join } from '../helpers/api';
import { connectPeer, synced, type Peer } from '../helpers/yjs';
import { openBoard } from '../helpers/control';
import { httpRequest, isErrorBody, rawRequest, upgradeRequest } from '../helpers/raw';
import { nextEvent, waitFor } from '../helpers/wait';

/**
 * Issue "One request from anyone must never take the server down": the inputs that used to crash
 * the process or came back in Fastify's own shape, against a real server on 127.0.0.1.
 */
let server: TestServer;
let session: CreateSessionResponse;
let anna: JoinResponse;
let a: Peer;
let b: Peer;
let edits = 0;
const sockets: Socket[] = [];

/** A built client of two files, so the static route is the real @fastify/static one. */
function fakeClientDist(): string {
  const dir = tempDataDir();
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Casusbord</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log("casusbord")');
  return dir;
}

async function expectAlive(): Promise<void> {
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  edits++;
  const id = `edge-${edits}`;
  addCard(a.doc, {
    id,
    column: 'question',
    text: `Nog steeds live ${edits}`,
    authorId: anna.participantId,
    createdAt: edits,
  });
  await waitFor(`card ${id} at the peer`, () => readCards(b.doc).some((c) => c.id === id));
}

beforeAll(async () => {
  server = await startServer({ clientDist: fakeClientDist() });
  session = await createSession(server.url);
  anna = await join(server.url, session.joinCode, 'Anna');
  // A running round with every column open, so Anna may write cards.
  await openBoard(server.url, session.hostToken);
  a = connectPeer(server.wsUrl, anna.docName, anna.token);
  b = connectPeer(server.wsUrl, anna.docName, session.hostToken);
  await Promise.all([synced(a), synced(b)]);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  a?.destroy();
  b?.destroy();
  await server?.close();
});

describe('the /yjs upgrade', () => {
  it('GET /yjs/%E0%A4%A?token=abc gets 400 JSON, and the server still answers and relays an honest edit', async () => {
    const answer = await rawRequest(server.port, upgradeRequest('/yjs/%E0%A4%A?token=abc'));
    expect(answer.outcome).toBe('response');
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'bad_request', message: 'The document name is not valid percent-encoded UTF-8' },
    });
    await expectAlive();
  });

  it('unreadable upgrades get 400/414 JSON before the handshake', async () => {
    const cases: [string, string, number, string][] = [
      ['NUL in the name', upgradeRequest('/yjs/ab%00cd.t1?token=abc'), 400, 'bad_request'],
      ['overlong UTF-8', upgradeRequest('/yjs/%C0%AF?token=abc'), 400, 'bad_request'],
      ['encoded surrogate', upgradeRequest('/yjs/%ED%A0%80?token=abc'), 400, 'bad_request'],
      ['3 KiB path', upgradeRequest(`/yjs/${'a'.repeat(3000)}?token=abc`), 414, 'uri_too_long'],
      ['token twice', upgradeRequest(`/yjs/${anna.docName}?token=${anna.token}&token=abc`), 400, 'bad_request'],
      [
        'no Sec-WebSocket-Key',
        upgradeRequest(`/yjs/${anna.docName}?token=abc`).replace(/Sec-WebSocket-Key.*\r\n/, ''),
        400,
        'bad_request',
      ],
      [
        'version 99',
        upgradeRequest(`/yjs/${anna.docName}?token=abc`).replace('Version: 13', 'Version: 99'),
        400,
        'bad_request',
      ],
      ['POST', upgradeRequest(`/yjs/${anna.docName}?token=abc`).replace(/^GET/, 'POST'), 400, 'bad_request'],
      ['raw UTF-8 bytes', upgradeRequest('/yjs/é😀?token=abc'), 400, 'bad_request'],
      ['an upgrade nobody serves', upgradeRequest('/elsewhere'), 404, 'not_found'],
    ];
    for (const [what, request, status, code] of cases) {
      const answer = await rawRequest(server.port, request);
      expect(answer.status, what).toBe(status);
      expect(isErrorBody(answer.body), `${what}: ${answer.body}`).toBe(true);
      expect(JSON.parse(answer.body).error.code, what).toBe(code);
    }
    await expectAlive();
  });

  it('readable upgrades keep their close codes (browsers read those): 4404, 4401, 4400', async () => {
    const cases: [string, string, number][] = [
      ['odd Unicode name', upgradeRequest('/yjs/%F0%9F%98%80%E2%80%AE?token=abc'), 4404],
      ['dot segments', upgradeRequest(`/yjs/../${anna.docName}?token=${anna.token}`), 4404],
      ['no token', upgradeRequest(`/yjs/${anna.docName}`), 4401],
      ['a token with a NUL', upgradeRequest(`/yjs/${anna.docName}?token=${anna.token}%00`), 4401],
      [
        'an Origin that is no URL',
        upgradeRequest(`/yjs/${anna.docName}?token=${anna.token}`, ['Origin: http://[']),
        4400,
      ],
      [
        'two Origin headers',
        upgradeRequest(`/yjs/${anna.docName}?token=${anna.token}`, [
          `Origin: ${server.url}`,
          'Origin: https://evil.example',
        ]),
        4400,
      ],
      ['Origin null', upgradeRequest(`/yjs/${anna.docName}?token=${anna.token}`, ['Origin: null']), 4400],
    ];
    for (const [what, request, closeCode] of cases) {
      const answer = await rawRequest(server.port, request);
      expect(answer.outcome, what).toBe('upgraded');
      expect(answer.closeCode, what).toBe(closeCode);
    }
    // Odd cookies, a second Host and a huge header value are not read at all: the connection opens.
    const odd = await rawRequest(
      server.port,
      upgradeRequest(`/yjs/${anna.docName}?token=${anna.token}`, [
        'Cookie: a=%E0%A4%A; ; =;;',
        'Host: other',
        `X-Big: ${'x'.repeat(8000)}`,
      ]),
    );
    expect(odd).toMatchObject({ outcome: 'upgraded', closeCode: null });
    await expectAlive();
  });
});

describe('Fastify refusals in the contract shape', () => {
  it('a path parameter over 100 characters is 414 uri_too_long; bad percent-encoding is 400 bad_request', async () => {
    const long = await fetch(`${server.url}/api/sessions/${'a'.repeat(200)}`);
    expect(long.status).toBe(414);
    expect(await long.json()).toEqual({
      error: { code: 'uri_too_long', message: 'A path segment is over 100 characters' },
    });
    const bad = await rawRequest(server.port, httpRequest('GET', '/api/sessions/%E0%A4%A'));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({
      error: { code: 'bad_request', message: 'The path is not valid percent-encoded UTF-8' },
    });
    // Neither repeats the path: it may hold a report token.
    const token = await rawRequest(server.port, httpRequest('GET', `/api/reports/${'t'.repeat(150)}`));
    expect(token.status).toBe(414);
    expect(token.body).not.toContain('ttttt');
  });

  it('requests Node cannot parse, without Host, or with 16 KiB of headers get JSON too', async () => {
    const cases: [string, string, number, string][] = [
      ['NUL in the request line', 'GET /a\u0000b HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad_request'],
      ['not HTTP', 'HELLO\r\n\r\n', 400, 'bad_request'],
      ['no Host', 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n', 400, 'bad_request'],
      [
        'headers over 16 KiB',
        httpRequest('GET', '/healthz', [`X-Big: ${'x'.repeat(20000)}`]),
        431,
        'headers_too_large',
      ],
      [
        'a Content-Length that lies',
        httpRequest('POST', '/api/join', ['Content-Length: 5', 'Content-Length: 6']),
        400,
        'bad_request',
      ],
    ];
    for (const [what, request, status, code] of cases) {
      const answer = await rawRequest(server.port, request);
      expect(answer.status, what).toBe(status);
      expect(JSON.parse(answer.body).error.code, `${what}: ${answer.body}`).toBe(code);
    }
    await expectAlive();
  });

  it('every route with a path parameter answers a malformed one with a 4xx JSON error', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/join/:p'],
      ['GET', '/api/sessions/:p'],
      ['DELETE', '/api/sessions/:p'],
      ['POST', '/api/sessions/:p/code'],
      ['POST', '/api/sessions/:p/handover'],
      ['POST', '/api/sessions/:p/reopen'],
      ['GET', '/api/sessions/:p/report'],
      ['GET', '/api/sessions/:p/lenses'],
      ['GET', '/api/reports/:p'],
      ['GET', '/api/communities/:p'],
      ['DELETE', '/api/communities/:p'],
      ['GET', '/api/communities/:p/archive'],
      ['GET', '/api/communities/:p/search?q=x'],
      ['GET', '/api/communities/:p/export.zip'],
      ['GET', '/api/communities/x/archive/:p/report'],
    ];
    const params = ['%E0%A4%A', '%00', '%zz', 'a'.repeat(101), '%F0%9F%98%80', '..%2f..%2fetc%2fpasswd'];
    for (const [method, route] of routes) {
      for (const param of params) {
        const answer = await rawRequest(server.port, httpRequest(method, route.replace(':p', param)));
        const what = `${method} ${route} with ${param.slice(0, 20)}: ${answer.status} ${answer.body.slice(0, 120)}`;
        expect(answer.status, what).toBeGreaterThanOrEqual(400);
        expect(answer.status, what).toBeLessThan(500);
        expect(isErrorBody(answer.body), what).toBe(true);
      }
    }
    await expectAlive();
  });
});

describe('the static route', () => {
  it('answers malformed paths with 400/404 JSON, never 500, and still serves the app and its files', async () => {
    const cases: [string, number][] = [
      ['/assets/%E0%A4%A', 400],
      ['/%00', 404],
      ['/..%2f..%2fetc/passwd', 404],
      ['/assets/..%2f..%2fetc/passwd', 404],
      ['/assets/%2e%2e/%2e%2e/etc/passwd', 404],
      ['/assets/../index.html', 404],
      ['/assets/app-abc123.js%00', 404],
      ['/assets/nope.js', 404],
      ['/.env', 404],
      ['/s/%C0%AF', 400],
    ];
    for (const [target, status] of cases) {
      const answer = await rawRequest(server.port, httpRequest('GET', target));
      expect(answer.status, target).toBe(status);
      expect(isErrorBody(answer.body), `${target}: ${answer.body}`).toBe(true);
    }
    const range = await rawRequest(server.port, httpRequest('GET', '/assets/app-abc123.js', ['Range: bytes=999999-']));
    expect([range.status, JSON.parse(range.body).error.code]).toEqual([416, 'range_not_satisfiable']);
    const page = await fetch(`${server.url}/s/${session.sessionId}`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const asset = await fetch(`${server.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    await expectAlive();
  });
});

describe('the Socket.io handshake', () => {
  it('refuses auth tokens of any wrong type or size with connect_error unauthorized', async () => {
    const tokens: unknown[] = [
      123,
      null,
      true,
      [],
      [session.hostToken],
      { token: session.hostToken },
      'x'.repeat(60_000),
      '',
    ];
    for (const token of tokens) {
      const s = io(server.url, { auth: { protocol: PROTOCOL_VERSION, token }, transports: ['websocket'], reconnection: false });
      sockets.push(s);
      const err = await nextEvent<Error & { data?: { code: string } }>(s, 'connect_error');
      expect(err.data?.code, JSON.stringify(token).slice(0, 40)).toBe('unauthorized');
      s.close();
    }
    await expectAlive();
  });

  it('malformed CONNECT packets, queries and headers close or refuse only that connection', async () => {
    // Engine.IO over a raw WebSocket: "0{…}" opens, "40<json>" asks to join the main namespace.
    const packets = [
      '40[1,2]',
      '40"token"',
      '40{"token":{"toString":1}}',
      '40{"token":',
      '4',
      '49',
      '40/nope,{}',
      'x'.repeat(1000),
    ];
    for (const packet of packets) {
      const ws = new WebSocket(`${server.wsUrl}/socket.io/?EIO=4&transport=websocket`);
      const answer = await new Promise<string>((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), 3000);
        ws.on('message', (data: Buffer) => {
          const text = data.toString();
          if (text.startsWith('0')) return ws.send(packet);
          clearTimeout(timer);
          resolve(text);
        });
        ws.on('close', () => {
          clearTimeout(timer);
          resolve('closed');
        });
        ws.on('error', () => undefined);
      });
      ws.terminate();
      expect(answer === 'closed' || answer.startsWith('44'), `${packet.slice(0, 30)} → ${answer}`).toBe(true);
    }
    const raw: string[] = [
      httpRequest('GET', '/socket.io/?EIO=4&transport=polling&%E0%A4%A=%zz&EIO=5'),
      httpRequest('GET', '/socket.io/?EIO=4&transport=polling&sid=%E0%A4%A'),
      httpRequest('GET', '/socket.io/?EIO=4&transport=polling', ['Origin: http://[']),
      httpRequest('GET', '/socket.io/?EIO=4&transport=polling', [
        `Origin: ${server.url}`,
        'Origin: https://evil.example',
      ]),
      httpRequest(
        'POST',
        '/socket.io/?EIO=4&transport=polling&sid=nope',
        ['Content-Type: text/plain'],
        '40{"token":1}',
      ),
      upgradeRequest('/socket.io/?EIO=4&transport=websocket', ['Origin: http://[']),
      upgradeRequest('/socket.io/?EIO=%00&transport=websocket'),
    ];
    for (const request of raw) {
      const answer = await rawRequest(server.port, request);
      expect(answer.outcome === 'timeout' || (answer.status ?? 0) >= 500, request.split('\r\n')[0]).toBe(false);
    }
    const honest = io(server.url, {
      auth: { protocol: PROTOCOL_VERSION, token: session.hostToken },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(honest);
    await nextEvent(honest, 'connect');
    await expectAlive();
  });
});
