import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCard, readCards, type CreateSessionResponse, type JoinResponse } from '@casusbord/shared';
import { startServer, tempDataDir, type TestServer } from '../helpers/server';
import { createSession, join } from '../helpers/api';
import { openBoard } from '../helpers/control';
import { connectPeer, synced, type Peer } from '../helpers/yjs';
import { httpRequest, isErrorBody, rawRequest, upgradeRequest, type RawAnswer } from '../helpers/raw';
import { waitFor } from '../helpers/wait';

/**
 * Property: whatever one outsider sends at the edge (a WebSocket upgrade or an HTTP request with
 * malformed percent-encodings, NUL bytes, very long paths, odd Unicode, repeated parameters, odd
 * headers), the server answers within 3 s, never with a 5xx, every HTTP error in the contract's
 * `{ error: { code, message } }`, /healthz keeps answering after each case, and at the end the
 * honest clients' edits still reach each other. Raw bytes over net.Socket to 127.0.0.1 only.
 * FUZZ_RUNS (default 200) and FUZZ_SEED as in fuzz.test.ts; `npm run fuzz` runs 2,000.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let server: TestServer;
let session: CreateSessionResponse;
let anna: JoinResponse;
const peers: Peer[] = [];

beforeAll(async () => {
  const dist = tempDataDir();
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Casusbord</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log("casusbord")');
  server = await startServer({ clientDist: dist });
  session = await createSession(server.url);
  anna = await join(server.url, session.joinCode, 'Anna');
  await openBoard(server.url, session.hostToken);
});
afterAll(async () => {
  for (const p of peers) p.destroy();
  await server?.close();
});

/** Pieces that have broken URL parsers: bad and overlong encodings, controls, dot segments, Unicode. */
const NASTY = [
  '%',
  '%E0%A4%A',
  '%zz',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%00',
  '%0A',
  '%0D%0A',
  '%2f',
  '%5C',
  '%2e%2e',
  '..',
  '.',
  '%F0%9F%98%80',
  '😀',
  '\u202e',
  'é',
  '\ufeff',
  '\u0000',
  '\u0007',
  ' ',
  '#',
  '?',
  '&',
  '=',
  ';',
  '\\',
  '//',
  '%25',
  'token=',
  '__proto__',
  'constructor',
  '[]',
  '{}',
  '"',
  "'",
  '<script>',
];

const nasty = fc.constantFrom(...NASTY);
const long = fc.integer({ min: 90, max: 4000 }).map((n) => 'a'.repeat(n));
/** One path segment or parameter value; real ids and tokens now and then, so deeper code runs too. */
const piece = (real: () => string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.array(nasty, { minLength: 1, maxLength: 4 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
    { weight: 1, arbitrary: long },
    { weight: 3, arbitrary: fc.nat(9).map((i) => real()[i % real().length]!) },
  );
const realIds = () => [session.sessionId, anna.docName, session.docName, session.joinCode, 'q3Zx8kLm2PaR.t1'];
const realTokens = () => [anna.token, `${anna.token}x`, anna.token.slice(1)];
const segment = piece(realIds);
const tokenish = piece(realTokens);

/**
 * Half of the cases are sent as generated: most break Node's request line or the percent-decoding.
 * The other half are "clean": every piece percent-encoded and header lines printable ASCII, so
 * that odd but well-formed requests reach the routes, the auth checks and the stores.
 */
function encode(text: string, clean: boolean): string {
  if (!clean) return text;
  try {
    return encodeURIComponent(text);
  } catch {
    return Buffer.from(text).toString('hex'); // a lone surrogate
  }
}
const printable = (line: string) => /^[\x20-\x7e]*$/.test(line);

const query = fc
  .array(
    fc.oneof(
      tokenish.map((t) => ['token', t]),
      fc.tuple(
        fc.constantFrom('format', 'lang', 'q', 'limit', 'city', 'year', 'EIO', 'sid', 'x', '__proto__'),
        segment,
      ),
      nasty.map((n) => [n, '']),
    ),
    { maxLength: 4 },
  )
  .map((params) => (clean: boolean) => {
    const pairs = params.map(([k, v]) => (v === '' ? encode(k!, clean) : `${encode(k!, clean)}=${encode(v!, clean)}`));
    return pairs.length ? `?${pairs.join('&')}` : '';
  });

/** Header lines: odd or repeated Origin and Host, cookies, WebSocket headers, random names. */
const headerLines = fc.array(
  fc.oneof(
    fc.constantFrom(
      'Origin: null',
      'Origin: http://[',
      'Origin: https://evil.example',
      'Origin: ',
      'Host: other',
      'Host: ',
    ),
    fc.constant('__own_origin__'),
    segment.map((v) => `Cookie: ${v}`),
    segment.map((v) => `Origin: ${v}`),
    segment.map((v) => `Sec-WebSocket-Protocol: ${v}`),
    fc.constantFrom('Sec-WebSocket-Version: 99', 'Sec-WebSocket-Key: x', 'Upgrade: h2c', 'Transfer-Encoding: chunked'),
    tokenish.map((t) => `Authorization: Bearer ${t}`),
    fc.constantFrom('Range: bytes=9999999-', 'Range: bytes=-0', 'If-Match: "x"', 'Accept-Version: 1'),
    fc.tuple(nasty, segment).map(([name, value]) => `X-${name}: ${value}`),
  ),
  { maxLength: 3 },
);
const headersFor = (lines: string[], clean: boolean) =>
  lines.map(ownOrigin).filter((line) => !clean || (printable(line) && /^[A-Za-z-]+: /.test(line)));

const ROUTES = [
  '/healthz',
  '/api/sessions',
  '/api/join',
  '/api/communities',
  '/api/join/:p',
  '/api/sessions/:p',
  '/api/sessions/:p/code',
  '/api/sessions/:p/handover',
  '/api/sessions/:p/reopen',
  '/api/sessions/:p/report',
  '/api/sessions/:p/lenses',
  '/api/reports/:p',
  '/r/:p',
  '/api/communities/:p',
  '/api/communities/:p/archive',
  '/api/communities/:p/search',
  '/api/communities/:p/export.zip',
  '/api/communities/:p/archive/:p/report',
  '/assets/:p',
  '/:p',
  '/s/:p',
  '/s/:p/host',
  '/archief/:p',
  '/api/:p',
  '/socket.io/:p',
];
const bodies = fc.oneof(
  fc.constant(''),
  fc.constantFrom('{', '[]', 'null', '{"__proto__":{"x":1}}', '{"code":"ABCDEF","name":"X"}', '{"title":1}'),
  fc.string({ maxLength: 200 }),
  fc.integer({ min: 60_000, max: 70_000 }).map((n) => JSON.stringify({ name: 'x'.repeat(n) })),
);

type Case = { kind: 'upgrade' | 'http'; target: string; request: string };

const UPGRADE_PREFIXES = ['/yjs/', '/yjs/', '/yjs/', '/yjs', '/socket.io/?EIO=4&transport=websocket&', '/'];
const upgradeCase = fc
  .tuple(fc.boolean(), fc.constantFrom(...UPGRADE_PREFIXES), segment, query, headerLines)
  .map(([clean, prefix, name, q, extra]): Case => {
    const target = `${prefix}${encode(name, clean)}${q(clean)}`;
    return { kind: 'upgrade', target, request: upgradeRequest(target, headersFor(extra, clean)) };
  });

const httpCase = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom('GET', 'POST', 'DELETE'),
    fc.constantFrom(...ROUTES),
    segment,
    segment,
    query,
    headerLines,
    bodies,
  )
  .map(([clean, method, route, p1, p2, q, extra, body]): Case => {
    const target = `${route.replace(':p', encode(p1, clean)).replace(':p', encode(p2, clean))}${q(clean)}`;
    const lines = headersFor(extra, clean).filter((l) => !l.startsWith('Transfer-Encoding'));
    if (body) lines.push('Content-Type: application/json');
    return { kind: 'http', target, request: httpRequest(method, target, lines, method === 'GET' ? '' : body) };
  });

function ownOrigin(line: string): string {
  return line === '__own_origin__' ? `Origin: ${server.url}` : line;
}

/** What the server may answer; `why` names the broken promise. */
function judge(c: Case, answer: RawAnswer): string | null {
  if (answer.outcome === 'timeout') return 'no answer within 3 s';
  if (answer.outcome === 'closed' && answer.status === null) return 'closed without an answer';
  if (answer.status !== null && answer.status >= 500) return `status ${answer.status}`;
  // Engine.IO speaks the Socket.io protocol, errors in its own shape (and after a 101 for EIO≠4).
  if (c.target.startsWith('/socket.io/')) return null;
  if (answer.outcome === 'upgraded') {
    if (answer.closeCode !== null && (answer.closeCode < 4000 || answer.closeCode >= 4500))
      return `close code ${answer.closeCode}`;
    return null;
  }
  if (answer.status !== null && answer.status >= 400) {
    // A report link answers people with a page.
    if (c.target.startsWith('/r/') && answer.status === 404 && answer.headers['content-type']?.startsWith('text/html'))
      return null;
    if (!isErrorBody(answer.body)) return `error body not in the contract shape: ${answer.body.slice(0, 200)}`;
  }
  return null;
}

describe('fuzzing the edge: upgrades and HTTP requests of every route', () => {
  it('no outsider request gets a 5xx, hangs, breaks the error shape or stops the honest clients', async () => {
    const a = connectPeer(server.wsUrl, anna.docName, anna.token);
    const b = connectPeer(server.wsUrl, anna.docName, session.hostToken);
    peers.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const seen = { upgrade: 0, http: 0, refusedBeforeHandshake: 0, closeCodes: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(upgradeCase, httpCase), async (c) => {
        const answer = await rawRequest(server.port, c.request);
        seen[c.kind]++;
        if (c.kind === 'upgrade' && answer.outcome === 'response') seen.refusedBeforeHandshake++;
        if (answer.closeCode !== null) seen.closeCodes++;
        const broken = judge(c, answer);
        expect(broken, `${c.request.slice(0, 300)}\n→ ${answer.status} ${answer.body.slice(0, 200)}`).toBeNull();
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Both kinds and both ways of refusing an upgrade were exercised.
    expect(Math.min(seen.upgrade, seen.http, seen.refusedBeforeHandshake, seen.closeCodes)).toBeGreaterThan(0);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    addCard(a.doc, {
      id: 'after-fuzz',
      column: 'advice',
      text: 'Nog steeds samen',
      authorId: anna.participantId,
      createdAt: 1,
    });
    await waitFor('the honest edit at the peer', () => readCards(b.doc).some((card) => card.id === 'after-fuzz'));
    const late = connectPeer(server.wsUrl, anna.docName, session.hostToken);
    peers.push(late);
    await waitFor('a new client gets the edit', () => readCards(late.doc).some((card) => card.id === 'after-fuzz'));
  }, 120_000);
});
