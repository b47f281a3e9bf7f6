import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io, type Socket } from 'socket.io-client';
import { CLOSE_CODES, LIMITS, PROTOCOL_VERSION, addCard, readCards } from '@casusbord/shared';
import type { StoredDoc } from '../../server/src/store/Store';
import type { TestServer } from '../helpers/server';
import { useTestServer, type StartServer } from '../helpers/testServer';
import { createSession, join, postJson } from '../helpers/api';
import { handOver } from '../helpers/handover';
import { connectPeer, synced } from '../helpers/yjs';
import { nextEvent, waitFor } from '../helpers/wait';

/** Sync step 1 with an empty state vector: every open connection, read-only or not, answers it. */
const PROBE = Uint8Array.from([0, 0, 1, 0]);

/**
 * Opens a raw /yjs connection and resolves with 'open' once the server answered the probe (the
 * connection was accepted), or with the close code it was refused with. `keep` collects accepted
 * sockets so the test decides when they close.
 */
function attempt(url: string, keep: WebSocket[], headers: Record<string, string> = {}): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => ws.send(PROBE));
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) {
        keep.push(ws);
        resolve('open');
      }
    });
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => undefined);
  });
}

const isEmpty = (doc: StoredDoc) => doc.snapshot === null && doc.updates.length === 0;

/**
 * Issue "one request from anyone must never take the server down": caps on open connections
 * (per token, per address), on session creation per address, and no room for documents a session
 * does not have. Run on every store engine: connectionLimits.test.ts (SQLite) and
 * connectionLimits.redis.test.ts (Redis).
 */
export function registerConnectionLimitsSuite(engine: string, startServer: StartServer): void {
  const server = useTestServer(startServer);
  const { peers } = server;
  /** Raw /yjs sockets the server accepted; terminated (no close handshake) after the file. */
  const sockets: WebSocket[] = [];
  server.afterFile(() => sockets.forEach((ws) => ws.terminate()));

  const yjsUrl = (srv: TestServer, docName: string, token: string) => `${srv.wsUrl}/yjs/${docName}?token=${token}`;

  describe(`${engine}: open connections per token and per address`, () => {
    it(`a token's ${LIMITS.yjsConnectionsPerToken + 1}th /yjs connection is closed with 4430; its first ${LIMITS.yjsConnectionsPerToken} keep syncing`, async () => {
      const s = await createSession(server.url);
      const anna = await join(server.url, s.joinCode, 'Anna');
      const tabs = Array.from({ length: LIMITS.yjsConnectionsPerToken }, () =>
        connectPeer(server.wsUrl, anna.docName, anna.token),
      );
      peers.push(...tabs);
      await Promise.all(tabs.map((p) => synced(p)));
      const url = yjsUrl(server, anna.docName, anna.token);
      expect(await attempt(url, sockets)).toBe(CLOSE_CODES.tooManyConnections);
      // A burst gets no further: the cap holds for connections accepted at the same time too.
      const burst = await Promise.all(Array.from({ length: 40 }, () => attempt(url, sockets)));
      expect(burst).toEqual(Array(40).fill(CLOSE_CODES.tooManyConnections));

      // The host writes (which columns a participant may write depends on the round); all 8 get it.
      const host = connectPeer(server.wsUrl, anna.docName, s.hostToken);
      peers.push(host);
      await synced(host);
      addCard(host.doc, { id: 'c1', column: 'question', text: 'Nog steeds', authorId: 'host', createdAt: 1 });
      await waitFor('every tab has the card', () => tabs.every((p) => readCards(p.doc).length === 1));
      expect(tabs.every((p) => p.provider.wsconnected)).toBe(true);
      // Another token of the same session is not affected, and the host has a cap of its own.
      const bram = await join(server.url, s.joinCode, 'Bram');
      expect(await attempt(yjsUrl(server, bram.docName, bram.token), sockets)).toBe('open');
      const hostTabs = await Promise.all(
        Array.from({ length: LIMITS.yjsConnectionsPerToken + 1 }, () =>
          attempt(yjsUrl(server, s.docName, s.hostToken), sockets),
        ),
      );
      expect(hostTabs.every((r) => r === 'open')).toBe(true);

      // A closed tab gives its place back.
      const closed = tabs.pop()!;
      peers.splice(peers.indexOf(closed), 1);
      closed.destroy();
      await waitFor('a place is free again', async () => (await attempt(url, sockets)) === 'open');
      expect(await attempt(url, sockets)).toBe(CLOSE_CODES.tooManyConnections);
    });

    it('places are given back when accepting fails half way: a load error, a socket closed during the load', async () => {
      const fresh = await startServer();
      const keep: WebSocket[] = [];
      try {
        const s = await createSession(fresh.url);
        const anna = await join(fresh.url, s.joinCode, 'Anna');
        const url = yjsUrl(fresh, anna.docName, anna.token);
        const store = fresh.app.deps.store;
        const n = LIMITS.yjsConnectionsPerToken;

        // The store fails to load the document: every connection is closed with 4500.
        const loadDoc = store.loadDoc.bind(store);
        store.loadDoc = () => Promise.reject(new Error('disk on fire'));
        expect(await Promise.all(Array.from({ length: n }, () => attempt(url, keep)))).toEqual(
          Array(n).fill(CLOSE_CODES.storeFailure),
        );
        store.loadDoc = loadDoc;

        // The clients leave while the server still reads the session.
        const getSession = store.getSession.bind(store);
        const waiting: (() => void)[] = [];
        store.getSession = (id) => new Promise((resolve) => waiting.push(() => resolve(getSession(id))));
        // The server side of each upgraded socket; its 'close' runs after the route's WebSocket saw it.
        const gone: Promise<void>[] = [];
        const onUpgrade = (req: IncomingMessage) => {
          gone.push(new Promise((resolve) => req.socket.once('close', () => resolve())));
        };
        fresh.app.server.on('upgrade', onUpgrade);
        const leaving = Array.from({ length: n }, () => new WebSocket(url).on('error', () => undefined));
        await waitFor('every connection reads the session', () => waiting.length === n);
        for (const ws of leaving) ws.terminate();
        await Promise.all(gone);
        fresh.app.server.off('upgrade', onUpgrade);
        store.getSession = getSession;
        // Each of them goes on to load the document, finds its socket closed and lets the room go.
        const { registry } = fresh.app.deps;
        const released = registry.released.bind(registry);
        let left = 0;
        registry.released = (room) => {
          left++;
          released(room);
        };
        for (const go of waiting) go();
        await waitFor('the server let them go', () => left === n);
        registry.released = released;

        // All places are free again: exactly the cap opens, one more is refused.
        const again = await Promise.all(Array.from({ length: n }, () => attempt(url, keep)));
        expect(again).toEqual(Array(n).fill('open'));
        expect(await attempt(url, keep)).toBe(CLOSE_CODES.tooManyConnections);
      } finally {
        for (const ws of keep) ws.terminate();
        await fresh.close();
      }
    });

    it('connections per client address are capped; X-Forwarded-For counts only with TRUST_PROXY', async () => {
      const venue = { 'x-forwarded-for': '203.0.113.7' };
      const other = { 'x-forwarded-for': '198.51.100.9, 10.0.0.2' };
      for (const trustProxy of [true, false]) {
        const fresh = await startServer({ trustProxy, yjsConnectionsPerAddress: 3 });
        const keep: WebSocket[] = [];
        try {
          const s = await createSession(fresh.url);
          const people = [];
          for (const name of ['Anna', 'Bram', 'Cas', 'Dirk']) people.push(await join(fresh.url, s.joinCode, name));
          const urls = people.map((p) => yjsUrl(fresh, p.docName, p.token));
          const first = await Promise.all(urls.slice(0, 3).map((url) => attempt(url, keep, venue)));
          expect(first).toEqual(['open', 'open', 'open']);
          expect(await attempt(urls[3]!, keep, venue)).toBe(CLOSE_CODES.tooManyConnections);
          // Another address behind the proxy gets in; without TRUST_PROXY the header is ignored.
          expect(await attempt(urls[3]!, keep, other)).toBe(trustProxy ? 'open' : CLOSE_CODES.tooManyConnections);
        } finally {
          for (const ws of keep) ws.terminate();
          await fresh.close();
        }
      }
    });

    it(`a token's ${LIMITS.socketsPerToken + 1}th Socket.io connection is refused with rate_limited`, async () => {
      const s = await createSession(server.url);
      const anna = await join(server.url, s.joinCode, 'Anna');
      const open = (): Socket =>
        io(server.url, { auth: { protocol: PROTOCOL_VERSION, token: anna.token }, transports: ['websocket'], reconnection: false });
      const tabs = Array.from({ length: LIMITS.socketsPerToken }, open);
      try {
        await Promise.all(tabs.map((t) => nextEvent(t, 'connect')));
        const extra = open();
        tabs.push(extra);
        const err = await nextEvent<Error & { data?: { code: string; message: string } }>(extra, 'connect_error');
        expect(err.data).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/tab/) });
        expect(tabs.slice(0, -1).every((t) => t.connected)).toBe(true);
        // A closed tab gives its place back.
        tabs.shift()!.close();
        await waitFor('a place is free again', () => {
          const next = open();
          tabs.push(next);
          return new Promise<boolean>((resolve) => {
            next.once('connect', () => resolve(true));
            next.once('connect_error', () => resolve(false));
          });
        });
      } finally {
        for (const t of tabs) t.close();
      }
    });
  });

  describe(`${engine}: session creation per address`, () => {
    it('by default 20 new sessions per address in 10 minutes, even in one burst; then 429 with Retry-After', async () => {
      const fresh = await startServer();
      try {
        const body = { title: 't', city: 'c', question: 'q' };
        const burst = await Promise.all(Array.from({ length: 25 }, () => postJson(`${fresh.url}/api/sessions`, body)));
        const statuses = burst.map((r) => r.status).sort();
        expect(statuses).toEqual([...Array(20).fill(201), ...Array(5).fill(429)]);
        const res = await fetch(`${fresh.url}/api/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status).toBe(429);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
        const retryAfter = Number(res.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(600);
      } finally {
        await fresh.close();
      }
    });

    it('SESSIONS_PER_ADDRESS sets the number; another address behind the proxy is unaffected', async () => {
      const fresh = await startServer({ trustProxy: true, sessionsPerAddress: 2 });
      try {
        const create = (address: string) =>
          postJson(
            `${fresh.url}/api/sessions`,
            { title: 't', city: 'c', question: 'q' },
            { 'x-forwarded-for': address },
          );
        expect((await create('203.0.113.7')).status).toBe(201);
        expect((await create('203.0.113.7')).status).toBe(201);
        const third = await create('203.0.113.7');
        expect(third.status).toBe(429);
        expect(third.json.error?.code).toBe('rate_limited');
        expect((await create('198.51.100.9')).status).toBe(201);
      } finally {
        await fresh.close();
      }
    });
  });

  describe(`${engine}: only the documents a session has`, () => {
    it('a recipient or the host opening a name the session does not have gets 4404; no room, nothing stored', async () => {
      const s = await createSession(server.url);
      const anna = await join(server.url, s.joinCode, 'Anna');
      const { registry, store } = server.app.deps;
      const unknown = [`${s.sessionId}.nonexistent`, `${s.sessionId}.t2`, `${s.sessionId}.plenary`];
      for (const name of unknown) {
        expect(await attempt(yjsUrl(server, name, s.hostToken), sockets), `host ${name}`).toBe(CLOSE_CODES.notFound);
      }
      // A draft stays the owner's alone (4403, as before); the owner's own draft opens.
      expect(await attempt(yjsUrl(server, `${s.sessionId}.d-${anna.participantId}`, s.hostToken), sockets)).toBe(
        CLOSE_CODES.forbidden,
      );
      expect(await attempt(yjsUrl(server, `${s.sessionId}.d-${anna.participantId}`, anna.token), sockets)).toBe('open');

      const { reportToken } = await handOver(server.url, s.sessionId, s.hostToken);
      for (const name of unknown) {
        expect(await attempt(yjsUrl(server, name, reportToken), sockets), `recipient ${name}`).toBe(
          CLOSE_CODES.notFound,
        );
      }
      for (const name of unknown) {
        expect(await registry.peek(name), name).toBeNull();
        expect(isEmpty(await store.loadDoc(name)), name).toBe(true);
      }
      // Honest connections keep working: the recipient reads the real board, the host writes it.
      expect(await attempt(yjsUrl(server, s.docName, reportToken), sockets)).toBe('open');
      const host = connectPeer(server.wsUrl, s.docName, s.hostToken);
      peers.push(host);
      await synced(host);
    });

    it('a case day has its plenary board; a table the host adds can be opened at once', async () => {
      const s = await createSession(server.url, { method: 'case-day' });
      expect(await attempt(yjsUrl(server, `${s.sessionId}.plenary`, s.hostToken), sockets)).toBe('open');
      const t2 = `${s.sessionId}.t2`;
      expect(await attempt(yjsUrl(server, t2, s.hostToken), sockets)).toBe(CLOSE_CODES.notFound);
      const host = io(server.url, { auth: { protocol: PROTOCOL_VERSION, token: s.hostToken }, transports: ['websocket'], reconnection: false });
      try {
        await nextEvent(host, 'connect');
        const ack = (await host.timeout(5000).emitWithAck('host:tables', { count: 2 })) as { ok: boolean };
        expect(ack.ok).toBe(true);
        expect(await attempt(yjsUrl(server, t2, s.hostToken), sockets)).toBe('open');
      } finally {
        host.close();
      }
    });
  });
}
