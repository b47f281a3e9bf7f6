import { describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, addCard, cardText, readCards, type PresenceEntry } from '@casusbord/shared';
import { createSession, join } from '../helpers/api';
import { sessionWith, useTestServer } from '../helpers/testServer';
import { synced } from '../helpers/yjs';
import { nextEvent, waitFor } from '../helpers/wait';

const server = useTestServer();
const { peer, sockets } = server;

describe('content plane with the official y-websocket client', () => {
  it('two providers converge on a card text and a late third receives it', async () => {
    const {
      session,
      people: [anna],
    } = await sessionWith(server.url, { open: true, people: ['Anna'] });
    const bram = await join(server.url, session.joinCode.toLowerCase(), 'Bram');
    expect(bram.docName).toBe(anna.docName);

    const a = peer(anna.docName, anna.token);
    const b = peer(bram.docName, bram.token);
    await Promise.all([synced(a), synced(b)]);

    addCard(a.doc, { id: 'c1', column: 'pitfall', text: 'Iedereen wacht op elkaar', authorId: anna.participantId, createdAt: 1 });
    await waitFor('card at B', () => readCards(b.doc).length === 1);
    // Concurrent edits of the same text from both sides merge.
    cardText(a.doc, 'c1')!.insert(0, 'Let op: ');
    cardText(b.doc, 'c1')!.insert(cardText(b.doc, 'c1')!.length, '.');
    const expected = 'Let op: Iedereen wacht op elkaar.';
    await waitFor('convergence', () => cardText(a.doc, 'c1')?.toString() === expected && cardText(b.doc, 'c1')?.toString() === expected);

    const c = peer(anna.docName, session.hostToken);
    await synced(c);
    await waitFor('late peer has the card', () => cardText(c.doc, 'c1')?.toString() === expected);
    expect(readCards(c.doc)[0]).toMatchObject({ column: 'pitfall', authorId: anna.participantId });
  });

  it('refuses a missing, wrong or foreign token with a close code, and an unknown doc', async () => {
    const one = await createSession(server.url);
    const two = await createSession(server.url);
    const outsider = await join(server.url, two.joinCode, 'Eva');
    const cases: [string, string, number][] = [
      [one.docName, '', 4401],
      [one.docName, 'x'.repeat(43), 4401],
      [one.docName, outsider.token, 4403],
      ['no-such-doc', one.hostToken, 4404],
    ];
    for (const [docName, token, code] of cases) {
      const url = `${server.wsUrl}/yjs/${docName}${token ? `?token=${token}` : ''}`;
      const ws = new WebSocket(url);
      const [closeCode] = await new Promise<[number, string]>((resolve) =>
        ws.on('close', (c, r) => resolve([c, r.toString()])),
      );
      expect(closeCode, `${docName} with "${token.slice(0, 8)}"`).toBe(code);
    }
  });

  it('a malformed frame closes only its own connection; others keep converging', async () => {
    const {
      session,
      people: [anna],
    } = await sessionWith(server.url, { open: true, people: ['Anna'] });
    const [a, b] = await server.syncedPeers([anna.docName, anna.token], [anna.docName, session.hostToken]);

    const frames = [
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), // huge varint
      Buffer.from([7, 1, 2, 3]), // unknown message type
      Buffer.from([0, 2, 200, 1, 5]), // update with a length prefix past the end
      Buffer.from([0, 2, 5, 1, 2, 3, 4, 5]), // an update that is not a Yjs update
      Buffer.from([1, 250, 250, 250, 250, 15]), // awareness with a huge length prefix
    ];
    for (const frame of frames) {
      const bad = new WebSocket(`${server.wsUrl}/yjs/${anna.docName}?token=${anna.token}`);
      await new Promise((resolve) => bad.on('open', resolve));
      bad.send(frame);
      const code = await new Promise<number>((resolve) => bad.on('close', (c) => resolve(c)));
      expect(code, `frame ${frame.toString('hex')}`).toBe(4402);
    }
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    addCard(a.doc, { id: 'after', column: 'advice', text: 'Nog steeds in sync', authorId: anna.participantId, createdAt: 2 });
    await waitFor('card after malformed frames', () => readCards(b.doc).some((c) => c.text === 'Nog steeds in sync'));
  });
});

describe('control plane', () => {
  it('runs over the websocket transport and carries presence from the server record', async () => {
    const session = await createSession(server.url);
    const anna = await join(server.url, session.joinCode, 'Anna');
    const host = io(server.url, { auth: { protocol: PROTOCOL_VERSION, token: session.hostToken }, transports: ['websocket'] });
    sockets.push(host);
    const first = await nextEvent<PresenceEntry[]>(host, 'presence:update');
    expect(host.io.engine.transport.name).toBe('websocket');
    expect(first.find((e) => e.name === 'Anna')?.online).toBe(false);

    // A client that starts on polling upgrades to websocket: both planes share the port.
    const annaSocket = io(server.url, { auth: { protocol: PROTOCOL_VERSION, token: anna.token } });
    sockets.push(annaSocket);
    await waitFor('upgrade to websocket', () => annaSocket.io.engine?.transport.name === 'websocket', 10000);
    await waitFor('Anna online at host', async () => {
      const res = await host.emitWithAck('presence:list', {});
      return res.ok && res.data.some((e: PresenceEntry) => e.name === 'Anna' && e.online);
    });
  });

  it('refuses a socket without a valid token', async () => {
    const s = io(server.url, { auth: { protocol: PROTOCOL_VERSION, token: 'nope' }, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    const err = await nextEvent<Error & { data?: { code: string } }>(s, 'connect_error');
    expect(err.data?.code).toBe('unauthorized');
  });
});
