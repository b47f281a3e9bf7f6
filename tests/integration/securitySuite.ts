import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import type * as decoding from 'lib0/decoding';
import { LIMITS, PROTOCOL_VERSION, addCard, learningsMap, readCards } from '@casusbord/shared';
import { useTestServer, type StartServer } from '../helpers/testServer';
import { createSession, join, postJson } from '../helpers/api';
import { openBoard } from '../helpers/control';
import { connectPeer, synced, type Peer } from '../helpers/yjs';
import { nextEvent, waitFor } from '../helpers/wait';
import { purgeExpired } from '../../server/src/sessions';

/**
 * The hardening promises of SECURITY.md, as one suite run on every store engine
 * (security.test.ts: SQLite; security.redis.test.ts: Redis).
 */
export function registerSecuritySuite(engine: string, startServer: StartServer): void {
  const server = useTestServer(startServer);
  const { peers } = server;

  function closeCodeOf(ws: WebSocket): Promise<number> {
    return new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  describe(`${engine}: tokens and codes`, () => {
    it('tokens carry at least 128 bits; codes avoid ambiguous characters', async () => {
      const s = await createSession(server.url);
      const a = await join(server.url, s.joinCode, 'Anna');
      for (const token of [s.hostToken, a.token]) {
        expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      }
      expect(s.joinCode).not.toMatch(/[01OIL]/);
    });

    it('30 laptops behind one address all get in; wrong guesses are limited per address', async () => {
      // Its own server: the address is blocked for ten minutes afterwards.
      const server = await startServer();
      const s = await createSession(server.url);
      const joins = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          postJson(`${server.url}/api/join`, { code: s.joinCode, name: `Deelnemer ${i + 1}` }),
        ),
      );
      expect(joins.map((r) => r.status)).toEqual(Array(30).fill(200));
      const guesses: number[] = [];
      for (let i = 0; i < 22; i++) {
        guesses.push(
          (await postJson(`${server.url}/api/join`, { code: 'ZZZZZ' + 'ABCDEFGHJKMNPQRSTUVWXYZ'[i], name: 'Raden' }))
            .status,
        );
      }
      expect(guesses.slice(0, 20)).toEqual(Array(20).fill(404));
      expect(guesses.slice(20)).toEqual([429, 429]);
      // Even the right code waits now, from this address: guessing cannot continue by mixing in hits.
      const blocked = await postJson(`${server.url}/api/join`, { code: s.joinCode, name: 'Laat' });
      expect(blocked.status).toBe(429);
      expect(blocked.json.error?.code).toBe('rate_limited');
      await server.close();
    });

    it('the host rotates the join code; the old code stops working, joined people stay in', async () => {
      const fresh = await startServer();
      try {
        const s = await createSession(fresh.url);
        const anna = await join(fresh.url, s.joinCode, 'Anna');
        const forbidden = await postJson(
          `${fresh.url}/api/sessions/${s.sessionId}/code`,
          {},
          { authorization: `Bearer ${anna.token}` },
        );
        expect(forbidden.status).toBe(403);
        const rotated = await postJson(
          `${fresh.url}/api/sessions/${s.sessionId}/code`,
          {},
          { authorization: `Bearer ${s.hostToken}` },
        );
        expect(rotated.status).toBe(200);
        const newCode = rotated.json.joinCode as string;
        expect(newCode).not.toBe(s.joinCode);
        expect((await postJson(`${fresh.url}/api/join`, { code: s.joinCode, name: 'Eva' })).status).toBe(404);
        expect((await postJson(`${fresh.url}/api/join`, { code: newCode, name: 'Eva' })).status).toBe(200);
        const stillIn = await fetch(`${fresh.url}/api/sessions/${s.sessionId}`, {
          headers: { authorization: `Bearer ${anna.token}` },
        });
        expect(stillIn.status).toBe(200);
      } finally {
        await fresh.close();
      }
    });
  });

  describe(`${engine}: origin allowlist on all three planes`, () => {
    it('refuses a page from https://evil.example', async () => {
      const s = await createSession(server.url);
      const api = await postJson(
        `${server.url}/api/join`,
        { code: s.joinCode, name: 'X' },
        { origin: 'https://evil.example' },
      );
      expect(api.status).toBe(403);
      const ws = new WebSocket(`${server.wsUrl}/yjs/${s.docName}?token=${s.hostToken}`, {
        origin: 'https://evil.example',
      });
      expect(await closeCodeOf(ws)).toBe(4400);
      const socket = io(server.url, {
        auth: { protocol: PROTOCOL_VERSION, token: s.hostToken },
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { origin: 'https://evil.example' },
      });
      await nextEvent(socket, 'connect_error');
      expect(socket.connected).toBe(false);
      socket.close();
      // The app's own origin passes.
      const own = await postJson(
        `${server.url}/api/sessions`,
        { title: 't', city: 'c', question: 'q' },
        { origin: server.url },
      );
      expect(own.status).toBe(201);
    });
  });

  describe(`${engine}: limits`, () => {
    it('a frame over 1 MiB closes only that connection (1009)', async () => {
      const s = await createSession(server.url);
      const ws = new WebSocket(`${server.wsUrl}/yjs/${s.docName}?token=${s.hostToken}`);
      await new Promise((r) => ws.on('open', r));
      ws.send(Buffer.alloc(1024 * 1024 + 16, 1));
      expect(await closeCodeOf(ws)).toBe(1009);
    });

    it('a flood of messages is cut off with 4429', async () => {
      const s = await createSession(server.url);
      const ws = new WebSocket(`${server.wsUrl}/yjs/${s.docName}?token=${s.hostToken}`);
      await new Promise((r) => ws.on('open', r));
      const code = closeCodeOf(ws);
      // Query-awareness messages (type 3) are valid and cheap: only the rate can close this.
      for (let i = 0; i < 1000 && ws.readyState === ws.OPEN; i++) ws.send(Buffer.from([3]));
      expect(await code).toBe(4429);
    });

    it('card text and cards per board are bounded on the server: the excess is removed, the sender told why', async () => {
      const s = await createSession(server.url);
      // A closing round with every column open: Anna writes cards and her own learning point.
      await openBoard(server.url, s.hostToken, 'closing');
      const anna = await join(server.url, s.joinCode, 'Anna');
      expect(anna.docName).toBe(s.docName);
      const a = connectPeer(server.wsUrl, s.docName, anna.token);
      const b = connectPeer(server.wsUrl, s.docName, s.hostToken);
      peers.push(a, b);
      const refusals: string[] = [];
      // The official provider hands permission-denied reasons to a handler; record them.
      a.provider.messageHandlers[2] = (_encoder: unknown, decoder: decoding.Decoder) =>
        authProtocol.readAuthMessage(decoder, a.doc, (_doc, reason) => refusals.push(reason));
      await Promise.all([synced(a), synced(b)]);
      const card = (id: string, text: string, createdAt: number, authorId = anna.participantId) => ({
        id,
        column: 'question' as const,
        text,
        authorId,
        createdAt,
      });
      const textOf = (peer: Peer, id: string) => readCards(peer.doc).find((c) => c.id === id)?.text.length;

      addCard(a.doc, card('long', 'x'.repeat(LIMITS.cardChars + 500), 1));
      learningsMap(a.doc).set(anna.participantId, 'y'.repeat(LIMITS.cardChars * 2));
      await waitFor('peer sees the cut card', () => textOf(b, 'long') === LIMITS.cardChars);
      await waitFor('peer sees the cut learning point', () => learningsMap(b.doc).size === 1);
      expect(learningsMap(b.doc).get(anna.participantId)).toHaveLength(LIMITS.cardChars);
      // The sender converges on the bounded state too, and is told why.
      await waitFor('sender corrected', () => textOf(a, 'long') === LIMITS.cardChars);
      await waitFor('refusal received', () => refusals.length >= 2);
      expect(refusals.some((r) => r.startsWith('card_too_long:'))).toBe(true);
      expect(refusals.some((r) => r.startsWith('text_too_long:'))).toBe(true);

      // Fill the board to its limit in one update (accepted), then one card more from the other peer.
      a.doc.transact(() => {
        for (let i = 1; i < LIMITS.cardsPerBoard; i++) addCard(a.doc, card(`c${i}`, `kaart ${i}`, 10 + i));
      });
      await waitFor('full board relayed', () => readCards(b.doc).length === LIMITS.cardsPerBoard, 10_000);
      addCard(b.doc, card('over', 'een te veel', 99_999, 'host'));
      await waitFor(
        'extra card removed on both',
        () =>
          readCards(b.doc).length === LIMITS.cardsPerBoard &&
          readCards(a.doc).length === LIMITS.cardsPerBoard &&
          !readCards(b.doc).some((c) => c.id === 'over'),
      );
      expect(refusals.filter((r) => r.startsWith('too_many_cards'))).toHaveLength(0); // b was refused, not a

      // A late joiner loads the bounded state: nothing over the limits was kept.
      const c = connectPeer(server.wsUrl, s.docName, s.hostToken);
      peers.push(c);
      await synced(c);
      expect(readCards(c.doc)).toHaveLength(LIMITS.cardsPerBoard);
      expect(textOf(c, 'long')).toBe(LIMITS.cardChars);
    });

    it('the 41st participant gets a clear refusal', async () => {
      const fresh = await startServer();
      try {
        const s = await createSession(fresh.url);
        for (let i = 0; i < 40; i++) await join(fresh.url, s.joinCode, `P${i}`);
        const res = await postJson(`${fresh.url}/api/join`, { code: s.joinCode, name: 'P41' });
        expect(res.status).toBe(409);
        expect(res.json.error).toMatchObject({ code: 'session_full' });
        expect(res.json.error?.message).toMatch(/40/);
      } finally {
        await fresh.close();
      }
    });
  });

  describe(`${engine}: identity`, () => {
    it('a client that claims another name in its awareness state is corrected by the server', async () => {
      const s = await createSession(server.url);
      const anna = await join(server.url, s.joinCode, 'Anna');
      const bram = await join(server.url, s.joinCode, 'Bram');
      const a = connectPeer(server.wsUrl, anna.docName, anna.token);
      const b = connectPeer(server.wsUrl, bram.docName, bram.token);
      peers.push(a, b);
      await Promise.all([synced(a), synced(b)]);
      a.provider.awareness.setLocalStateField('user', { name: 'Wethouder', role: 'host', color: '#c00' });
      const seenByB = () =>
        b.provider.awareness.getStates().get(a.doc.clientID) as { user?: Record<string, unknown> } | undefined;
      await waitFor('awareness at B', () => seenByB()?.user !== undefined);
      expect(seenByB()!.user).toMatchObject({
        name: 'Anna',
        role: 'participant',
        participantId: anna.participantId,
        color: '#c00',
      });
    });
  });

  describe(`${engine}: retention`, () => {
    it('the host deletes a session: boards, people and tokens are gone and sockets closed', async () => {
      const s = await createSession(server.url);
      await openBoard(server.url, s.hostToken);
      const anna = await join(server.url, s.joinCode, 'Anna');
      const a = connectPeer(server.wsUrl, anna.docName, anna.token);
      peers.push(a);
      await synced(a);
      addCard(a.doc, { id: 'c', column: 'pitfall', text: 'Privé', authorId: anna.participantId, createdAt: 1 });
      await waitFor(
        'stored',
        async () =>
          (await server.app.deps.store.loadDoc(anna.docName)).updates.length > 0 ||
          (await server.app.deps.store.loadDoc(anna.docName)).snapshot !== null,
      );
      const byAnna = await fetch(`${server.url}/api/sessions/${s.sessionId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${anna.token}` },
      });
      expect(byAnna.status).toBe(403);
      const res = await fetch(`${server.url}/api/sessions/${s.sessionId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${s.hostToken}` },
      });
      expect(res.status).toBe(204);
      await waitFor('A disconnected', () => a.closes.some((c) => c.code === 4404));
      a.provider.disconnect();
      const store = server.app.deps.store;
      expect(await store.getSession(s.sessionId)).toBeNull();
      expect(await store.listParticipants(s.sessionId)).toEqual([]);
      const doc = await store.loadDoc(anna.docName);
      expect(doc.snapshot === null && doc.updates.length === 0).toBe(true);
      const again = await fetch(`${server.url}/api/sessions/${s.sessionId}`, {
        headers: { authorization: `Bearer ${anna.token}` },
      });
      expect(again.status).toBe(401);
    });

    it('sessions older than RETENTION_DAYS are purged, younger ones kept', async () => {
      const fresh = await startServer({ retentionDays: 90 });
      try {
        const old = await createSession(fresh.url);
        const young = await createSession(fresh.url);
        const store = fresh.app.deps.store;
        const record = (await store.getSession(old.sessionId))!;
        const dayMs = 24 * 60 * 60_000;
        // Pretend "now" is 91 days after the old one was created and 89 after the young one.
        const youngRecord = (await store.getSession(young.sessionId))!;
        await store.deleteSession(young.sessionId);
        await store.createSession(
          { ...youngRecord, createdAt: record.createdAt + 2 * dayMs },
          {
            tokenHash: 'x'.repeat(64),
            role: 'host',
            sessionId: young.sessionId,
            participantId: null,
            createdAt: 0,
          },
        );
        const purged = await purgeExpired(fresh.app.deps, record.createdAt + 91 * dayMs);
        expect(purged).toEqual([old.sessionId]);
        expect(await store.getSession(old.sessionId)).toBeNull();
        expect(await store.getSession(young.sessionId)).not.toBeNull();
      } finally {
        await fresh.close();
      }
    });
  });

  describe(`${engine}: headers and errors`, () => {
    it('sends a CSP and no stack traces', async () => {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(((await res.json()) as { store: string }).store).toBe(engine);
      const bad = await postJson(`${server.url}/api/sessions`, '{"title":');
      expect(JSON.stringify(bad.json)).not.toMatch(/at .*\.ts:\d+|stack/);
    });

    it('the text of a card never affects another document', async () => {
      // Sanity for isolation: two sessions' docs are independent.
      const one = await createSession(server.url);
      const two = await createSession(server.url);
      const p1 = connectPeer(server.wsUrl, one.docName, one.hostToken);
      const p2 = connectPeer(server.wsUrl, two.docName, two.hostToken);
      peers.push(p1, p2);
      await Promise.all([synced(p1), synced(p2)]);
      addCard(p1.doc, { id: 'x', column: 'advice', text: 'Alleen hier', authorId: 'host', createdAt: 1 });
      const reader = connectPeer(server.wsUrl, one.docName, one.hostToken);
      peers.push(reader);
      await waitFor('card in session one', () => readCards(reader.doc).length === 1);
      expect(readCards(p2.doc)).toHaveLength(0);
      expect(Y.encodeStateVector(p2.doc).length).toBeLessThan(4);
    });
  });
}
