import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PresenceEntry } from '@casusbord/shared';
import { SharedCompactor } from '../../server/src/scale/SharedCompactor';
import { RedisStore } from '../../server/src/store/RedisStore';
import { createSession, join } from '../helpers/api';
import { command, connectControl, openBoard } from '../helpers/control';
import { handOver } from '../helpers/handover';
import { startFront } from '../helpers/front';
import { freePort } from '../helpers/ports';
import { REDIS_URL, deleteKeys, describeWithRedis, listKeys, startOwnRedis, uniquePrefix } from '../helpers/redis';
import { card, cardIds, convergedEverywhere, startInstances, storedCardIds, within } from '../helpers/scale';
import type { ServerProcess } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { sessionWith } from '../helpers/testServer';
import { connectPeer, synced, type Peer } from '../helpers/yjs';

const prefix = uniquePrefix('scale');
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});
afterAll(async () => {
  await deleteKeys(prefix);
});

function peer(wsUrl: string, docName: string, token: string): Peer {
  const p = connectPeer(wsUrl, docName, token);
  cleanup.push(() => p.destroy());
  return p;
}
/** Instances "one" and "two" on `redisUrl`, killed after the test. */
async function pair(redisUrl: string, env: Record<string, string> = {}): Promise<[ServerProcess, ServerProcess]> {
  const [one, two] = await startInstances(redisUrl, prefix, ['one', 'two'], env);
  cleanup.push(() => one!.kill(), () => two!.kill());
  return [one!, two!];
}

/** A session (board open) made on `first`, Anna joined there and Bram on `second`; each one's peer synced on their server. */
async function annaAndBram(first: { url: string; wsUrl: string }, second: { url: string; wsUrl: string }) {
  const {
    session,
    people: [anna],
  } = await sessionWith(first.url, { open: true, people: ['Anna'] });
  const bram = await join(second.url, session.joinCode, 'Bram');
  const a = peer(first.wsUrl, anna.docName, anna.token);
  const b = peer(second.wsUrl, bram.docName, bram.token);
  await Promise.all([synced(a), synced(b)]);
  return { session, anna, bram, a, b };
}

/** Every peer and Redis (under this file's prefix) hold exactly `expected`; how long that took, ms. */
const converged = (what: string, peers: Peer[], docName: string, expected: string[], timeoutMs: number, redisUrl = REDIS_URL) =>
  convergedEverywhere({ what, peers, redisUrl, prefix, docName, expected, timeoutMs });

await describeWithRedis('scale-out: several instances on one Redis', () => {
  // Shared by the tests that do not kill anything. COMPACT_AFTER_UPDATES=10: both instances compact
  // the shared log again and again while the other appends.
  let one: ServerProcess;
  let two: ServerProcess;
  beforeAll(async () => {
    const [first, second] = await startInstances(REDIS_URL, prefix, ['one', 'two'], { COMPACT_AFTER_UPDATES: '10' });
    [one, two] = [first!, second!];
  });
  afterAll(async () => {
    await Promise.all([one?.kill(), two?.kill()]);
  });

  it('clients on two instances converge; awareness crosses; compaction under concurrent appends loses nothing', async () => {
    const { session, anna, bram, a, b } = await annaAndBram(one, two);
    expect(bram.docName).toBe(anna.docName);

    const expected: string[] = [];
    for (let i = 0; i < 30; i++) {
      card(a.doc, `a${i}`, anna.participantId);
      card(b.doc, `b${i}`, bram.participantId);
      expected.push(`a${i}`, `b${i}`);
    }
    await converged('A, B and Redis hold all 60 cards', [a, b], anna.docName, expected, 10000);

    a.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await waitFor('B sees Anna in awareness', () =>
      [...b.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Anna'),
    );

    // A late client on instance two gets everything, including Anna's awareness from instance one.
    const c = peer(two.wsUrl, anna.docName, session.hostToken);
    await synced(c);
    expect(cardIds(c.doc)).toEqual([...expected].sort());
    await waitFor('late client sees Anna', () => c.provider.awareness.getStates().has(a.doc.clientID));
  });

  it('a host command through instance 1 reaches a participant on instance 2; presence spans both', async () => {
    const session = await createSession(one.url);
    const anna = await join(two.url, session.joinCode, 'Anna');
    const participant = await connectControl(two.url, anna.token);
    cleanup.push(() => participant.close());

    // The host connects to instance one: the presence update it causes reaches instance two.
    const presence = new Promise<PresenceEntry[]>((resolve) => {
      participant.on('presence:update', (entries) => {
        if (entries.some((e) => e.role === 'host' && e.online)) resolve(entries);
      });
    });
    const host = await connectControl(one.url, session.hostToken);
    cleanup.push(() => host.close());
    const entries = await within('presence with the host online on instance two', presence);
    expect(entries.find((e) => e.participantId === anna.participantId)?.online).toBe(true);

    // Instance one counts Anna, whose socket lives on instance two, as online.
    const listed = (await host.timeout(5000).emitWithAck('presence:list', {})) as { ok: boolean; data: PresenceEntry[] };
    expect(listed.data.find((e) => e.participantId === anna.participantId)?.online).toBe(true);

    const ack = await command(host, 'host:command', { type: 'start' });
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
    if (!ack.ok) return;
    await waitFor('participant on instance two has the new state', () =>
      participant.states.some((s) => s.version === ack.state.version && s.tables[0]?.round.status === 'running'),
    );

    // Anna leaves instance two: the host on instance one sees her go offline.
    const offline = new Promise<void>((resolve) =>
      host.on('presence:update', (list) => {
        if (list.find((e) => e.participantId === anna.participantId)?.online === false) resolve();
      }),
    );
    participant.close();
    await within('Anna offline on instance one', offline);
  });

  it('control state changes made at once on two instances are all kept (one writer per session at a time)', async () => {
    const session = await createSession(one.url);
    const people = await Promise.all(
      Array.from({ length: 8 }, (_, i) => join(i % 2 ? two.url : one.url, session.joinCode, `Deelnemer ${i}`)),
    );
    const sockets = await Promise.all(people.map((p, i) => connectControl(i % 2 ? two.url : one.url, p.token)));
    for (const s of sockets) cleanup.push(() => s.close());
    const acks = await Promise.all(sockets.map((s) => command(s, 'participant:ready', { ready: true })));
    expect(acks.every((a) => a.ok), JSON.stringify(acks.find((a) => !a.ok))).toBe(true);
    const versions = acks.map((a) => (a.ok ? a.state.version : -1));
    expect(new Set(versions).size, 'every change got its own version').toBe(versions.length);
    const last = acks.find((a) => a.ok && a.state.version === Math.max(...versions));
    expect(last?.ok && [...last.state.ready].sort()).toEqual(people.map((p) => p.participantId).sort());
  });

  it('a table move and a handover on instance 1 reach board connections held by instance 2', async () => {
    const session = await createSession(one.url, { method: 'case-day' });
    const host = await connectControl(one.url, session.hostToken);
    cleanup.push(() => host.close());
    expect((await command(host, 'host:tables', { count: 2 })).ok).toBe(true);
    await openBoard(one.url, session.hostToken);
    const anna = await join(two.url, session.joinCode, 'Anna');
    const bram = await join(two.url, session.joinCode, 'Bram');

    // Anna's board connection lives on instance two; the host moves her through instance one.
    const a = peer(two.wsUrl, anna.docName, anna.token);
    await synced(a);
    const moved = await command(host, 'host:move', { participantId: anna.participantId, groupId: bram.groupId });
    expect(moved.ok, JSON.stringify(moved)).toBe(true);
    await waitFor('Anna’s old board connection closed with 4403', () => a.closes.some((c) => c.code === 4403));
    a.destroy();

    // Bram writes on instance two; the host watches on instance one and hands over there.
    const b = peer(two.wsUrl, bram.docName, bram.token);
    const watcher = peer(one.wsUrl, bram.docName, session.hostToken);
    await Promise.all([synced(b), synced(watcher)]);
    card(b.doc, 'before', bram.participantId);
    await waitFor('the host sees the card written before', () => cardIds(watcher.doc).includes('before'));
    await handOver(one.url, session.sessionId, session.hostToken);
    card(b.doc, 'after', bram.participantId);
    // Bram's next message on the same connection is processed after the card: once the host sees
    // it, the card has been dropped (or it would have arrived first).
    b.provider.awareness.setLocalStateField('marker', 'after-handover');
    await waitFor('the host sees Bram’s marker', () =>
      [...watcher.provider.awareness.getStates().values()].some((st) => st.marker === 'after-handover'),
    );
    expect(cardIds(watcher.doc)).toEqual(['before']);
    expect(await storedCardIds(REDIS_URL, prefix, bram.docName)).toEqual(['before']);
  });

  it('deleting a session through instance 1 closes its boards on instance 2 and leaves no key behind', async () => {
    const session = await createSession(one.url);
    await openBoard(one.url, session.hostToken);
    const bram = await join(two.url, session.joinCode, 'Bram');
    const b = peer(two.wsUrl, bram.docName, bram.token);
    await synced(b);
    let i = 0;
    const writing = setInterval(() => card(b.doc, `w${i++}`, bram.participantId), 5);
    cleanup.push(() => clearInterval(writing));
    await waitFor('some writes stored', async () => (await storedCardIds(REDIS_URL, prefix, bram.docName)).length > 5);
    const res = await fetch(`${one.url}/api/sessions/${session.sessionId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.hostToken}` },
    });
    expect(res.status).toBe(204);
    await waitFor('Bram’s board connection on instance two closed with 4404', () => b.closes.some((c) => c.code === 4404));
    clearInterval(writing);
    await waitFor('no key of the session left in Redis', async () =>
      (await listKeys(prefix)).every((key) => !key.includes(session.sessionId)),
    );
  });

  it('only one instance compacts a document at a time', async () => {
    const store = RedisStore.connect(REDIS_URL, prefix);
    cleanup.push(() => store.close());
    const docName = 'compactlock01.t1';
    const source = new Y.Doc();
    source.on('update', (u: Uint8Array) => void store.appendUpdate(docName, u));
    for (let i = 0; i < 20; i++) card(source, `c${i}`, 'host');
    await waitFor('20 appends stored', async () => (await store.loadDoc(docName)).updates.length === 20);

    const log = { error: () => undefined };
    const first = new SharedCompactor({ client: store.client, store, prefix, log });
    const second = new SharedCompactor({ client: store.client, store, prefix, log });
    const results = await Promise.all([first.compact(docName), second.compact(docName)]);
    expect(results.sort()).toEqual(['busy', 'compacted']);
    expect((await store.loadDoc(docName)).updates).toEqual([]);
    expect(await storedCardIds(REDIS_URL, prefix, docName)).toHaveLength(20);
    // The lock was released: the next compaction runs (and finds nothing to do).
    expect(await second.compact(docName)).toBe('nothing');
  });

  it('failover: SIGKILL the instance A is on while A edits; within 5 s every edit is everywhere', async () => {
    const [one, two] = await pair(REDIS_URL);
    const front = await startFront(one.port, two.port);
    cleanup.push(() => front.close());
    // A through the front (to instance one), B on instance two.
    const { anna, bram, a, b } = await annaAndBram(front, two);

    const expected: string[] = [];
    const edit = (i: number) => {
      card(a.doc, `a${i}`, anna.participantId);
      card(b.doc, `b${i}`, bram.participantId);
      expected.push(`a${i}`, `b${i}`);
    };
    let i = 0;
    for (; i < 15; i++) edit(i);
    await waitFor('B has A’s first edits', () => cardIds(b.doc).includes('a14'));

    const killedAt = Date.now();
    const killed = one.kill('SIGKILL');
    // A keeps editing while its connection drops and comes back through the front.
    for (; i < 40; i++) {
      edit(i);
      await new Promise((r) => setTimeout(r, 10));
    }
    await killed;
    const ms = await converged('every edit on A, B and in Redis', [a, b], anna.docName, expected, 5000 - (Date.now() - killedAt));
    expect(a.closes.length, 'A lost its connection to instance one').toBeGreaterThan(0);
    expect(a.provider.wsconnected).toBe(true);
    console.log(`[scale] failover (${front.kind}): all ${expected.length} edits everywhere ${Date.now() - killedAt} ms after SIGKILL (${ms} ms after the last edit)`);
  });

  it('Redis restarted mid-session (AOF on): nothing accepted is missing; both instances serve again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-redis-'));
    const own = await startOwnRedis(await freePort(), dir);
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    cleanup.push(() => own.stop());
    const [one, two] = await pair(own.url);
    const { session, anna, bram, a, b } = await annaAndBram(one, two);

    const expected: string[] = [];
    for (let i = 0; i < 10; i++) {
      card(a.doc, `a${i}`, anna.participantId);
      card(b.doc, `b${i}`, bram.participantId);
      expected.push(`a${i}`, `b${i}`);
    }
    await converged('before the restart', [a, b], anna.docName, expected, 5000, own.url);

    await own.stop('SIGKILL');
    // Written while Redis is down: the instances hold them until they can be stored.
    for (let i = 0; i < 10; i++) {
      card(a.doc, `x${i}`, anna.participantId);
      card(b.doc, `y${i}`, bram.participantId);
      expected.push(`x${i}`, `y${i}`);
    }
    await own.start();
    const restartedAt = Date.now();
    await converged('after the restart', [a, b], anna.docName, expected, 10000, own.url);
    const ms = Date.now() - restartedAt;

    // Both instances serve again, without a restart: HTTP, Yjs and Socket.io across them.
    const cas = await join(two.url, session.joinCode, 'Cas');
    const fresh = [peer(one.wsUrl, anna.docName, session.hostToken), peer(two.wsUrl, cas.docName, cas.token)];
    await Promise.all(fresh.map((p) => synced(p)));
    for (const p of fresh) expect(cardIds(p.doc)).toEqual([...expected].sort());
    const watcher = await connectControl(two.url, cas.token);
    cleanup.push(() => watcher.close());
    const host = await connectControl(one.url, session.hostToken);
    cleanup.push(() => host.close());
    // The board's round is running (openBoard): the host gives it more time.
    const ack = await command(host, 'host:command', { type: 'extend', ms: 60_000 });
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
    if (ack.ok) await waitFor('state crosses instances again', () => watcher.states.some((s) => s.version === ack.state.version));
    console.log(`[scale] Redis restart: all ${expected.length} edits everywhere ${ms} ms after Redis was back`);
  });
});
