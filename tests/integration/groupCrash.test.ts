import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addCard, cardText, readCards } from '@casusbord/shared';
import { ROOT, spawnServer, startServer, tempDataDir, type ServerProcess } from '../helpers/server';
import { createSession, join } from '../helpers/api';
import { openBoard } from '../helpers/control';
import { connectPeer, synced, type Peer } from '../helpers/yjs';
import { waitFor } from '../helpers/wait';

/**
 * Group commit (server/src/store/groupCommit.ts) under kill -9: the server dies in the middle of a
 * group of appends (tests/helpers/groupKillPreload.mjs kills it after half the group's rows are
 * inserted, before the commit). Every update any client received before the kill — relayed, or in
 * a late joiner's first sync — must be on disk after the restart: nothing is sent before its
 * group is committed.
 */
const ROOMS = 3;
const WRITERS_PER_ROOM = 3;
/** Readers that join each room while the writers type (each with the room's host token). */
const LATE_JOINERS = 8;

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

interface Room {
  docName: string;
  hostToken: string;
  writers: { peer: Peer; cardId: string }[];
  observer: Peer;
}

async function startRoom(server: ServerProcess, index: number): Promise<Room> {
  const session = await createSession(server.url, { title: `Groepscommit ${index}` });
  await openBoard(server.url, session.hostToken);
  const writers: Room['writers'] = [];
  let docName = '';
  for (let w = 0; w < WRITERS_PER_ROOM; w++) {
    const person = await join(server.url, session.joinCode, `Schrijver ${w}`);
    docName = person.docName;
    const peer = connectPeer(server.wsUrl, person.docName, person.token);
    cleanup.push(() => peer.destroy());
    await synced(peer);
    const cardId = `r${index}w${w}`;
    addCard(peer.doc, { id: cardId, column: 'question', text: '', authorId: person.participantId, createdAt: w });
    writers.push({ peer, cardId });
  }
  const observer = connectPeer(server.wsUrl, docName, session.hostToken);
  cleanup.push(() => observer.destroy());
  await synced(observer);
  return { docName, hostToken: session.hostToken, writers, observer };
}

describe('group commit and kill -9', () => {
  for (const group of [25, 120]) {
    it(`killed in the middle of group ${group}: every update a client received is on disk after the restart`, async () => {
      const dataDir = tempDataDir();
      const preload = pathToFileURL(path.join(ROOT, 'tests', 'helpers', 'groupKillPreload.mjs')).href;
      const first = await spawnServer({
        DATA_DIR: dataDir,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(),
        CASUSBORD_TEST_KILL_GROUP: String(group),
      });
      cleanup.push(() => first.kill());
      const exited = new Promise<NodeJS.Signals | null>((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));

      const rooms: Room[] = [];
      for (let i = 0; i < ROOMS; i++) rooms.push(await startRoom(first, i));
      // Every writer types into its own card every 10 ms (below the per-connection message rate) until the server is gone.
      let n = 0;
      const typing = setInterval(() => {
        for (const room of rooms) {
          for (const { peer, cardId } of room.writers) cardText(peer.doc, cardId)!.insert(cardText(peer.doc, cardId)!.length, String(n % 10));
        }
        n++;
      }, 10);
      cleanup.push(() => clearInterval(typing));
      // Late joiners while the typing goes on: their first sync must hold only what is stored too.
      const late: Peer[][] = rooms.map(() => []);
      const joining = setInterval(() => {
        rooms.forEach((room, i) => {
          if (late[i]!.length >= LATE_JOINERS || !room.observer.provider.wsconnected) return;
          const peer = connectPeer(first.wsUrl, room.docName, room.hostToken);
          cleanup.push(() => peer.destroy());
          late[i]!.push(peer);
        });
      }, 30);
      cleanup.push(() => clearInterval(joining));

      expect(await exited).toBe('SIGKILL');
      clearInterval(typing);
      clearInterval(joining);
      expect(first.output()).toMatch(new RegExp(`group-kill: SIGKILL after \\d+ of \\d+ appends of group ${group}`));
      // What each observer holds is what the server relayed to it. Its connection is dropped
      // before the restart, and so are the writers', so nothing reaches the new server but the disk.
      await waitFor('observers notice the loss', () => rooms.every((r) => !r.observer.provider.wsconnected));
      await waitFor('late joiners notice the loss', () => late.flat().every((p) => !p.provider.wsconnected));
      for (const [i, room] of rooms.entries()) {
        room.observer.provider.destroy();
        for (const { peer } of room.writers) peer.provider.destroy();
        for (const peer of late[i]!) peer.provider.destroy();
      }
      const lateSeen = late.map((peers) => peers.map((p) => Y.decodeStateVector(Y.encodeStateVector(p.doc))));
      expect(lateSeen.flat().some((sv) => sv.size > 0)).toBe(true);
      const relayed = rooms.map((room) => ({
        stateVector: Y.decodeStateVector(Y.encodeStateVector(room.observer.doc)),
        texts: room.writers.map(({ cardId }) => cardText(room.observer.doc, cardId)?.toString() ?? ''),
      }));
      expect(relayed.every((r) => r.texts.every((t) => t.length > 0))).toBe(true);

      const second = await spawnServer({ DATA_DIR: dataDir });
      cleanup.push(() => second.kill());
      for (const [i, room] of rooms.entries()) {
        const fresh = connectPeer(second.wsUrl, room.docName, room.hostToken);
        cleanup.push(() => fresh.destroy());
        await synced(fresh);
        const stored = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
        for (const seen of [relayed[i]!.stateVector, ...lateSeen[i]!]) {
          for (const [client, clock] of seen) {
            expect(stored.get(client) ?? 0, `room ${i}, client ${client}`).toBeGreaterThanOrEqual(clock);
          }
        }
        room.writers.forEach(({ cardId }, w) => {
          expect(cardText(fresh.doc, cardId)!.toString().startsWith(relayed[i]!.texts[w]!)).toBe(true);
        });
      }
    });
  }
});

describe('nothing is seen before it is stored', () => {
  it('while an append waits for the store, peers get no relay and a joiner’s first sync leaves it out', async () => {
    const server = await startServer();
    cleanup.push(() => server.close());
    const session = await createSession(server.url);
    await openBoard(server.url, session.hostToken);
    const anna = await join(server.url, session.joinCode, 'Anna');
    const writer = connectPeer(server.wsUrl, anna.docName, anna.token);
    const observer = connectPeer(server.wsUrl, anna.docName, session.hostToken);
    cleanup.push(() => writer.destroy(), () => observer.destroy());
    await Promise.all([synced(writer), synced(observer)]);

    // Hold the store's appends until released, as a slow disk would.
    const store = server.app.deps.store;
    const append = store.appendUpdate.bind(store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(store, 'appendUpdate').mockImplementation(async (doc, update) => {
      await gate;
      return append(doc, update);
    });
    cleanup.push(() => spy.mockRestore());

    addCard(writer.doc, { id: 'held', column: 'question', text: 'Wie beslist?', authorId: anna.participantId, createdAt: 1 });
    await waitFor('the server asked the store', () => spy.mock.calls.length > 0);
    const joiner = connectPeer(server.wsUrl, anna.docName, session.hostToken);
    cleanup.push(() => joiner.destroy());
    await new Promise((r) => setTimeout(r, 300));
    expect(readCards(observer.doc)).toHaveLength(0);
    expect(readCards(joiner.doc)).toHaveLength(0);

    release();
    await waitFor('relayed once stored', () => readCards(observer.doc).length === 1);
    await waitFor('the joiner syncs once stored', () => readCards(joiner.doc).length === 1);
  });
});
