import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack, CreateSessionResponse, DilemmaView, JoinResponse } from '@casusbord/shared';
import type { Config } from '../../server/src/config';
import { createSession, join } from '../helpers/api';
import { connectControl, type ControlClient } from '../helpers/control';
import { describeWithRedis, redisServers } from '../helpers/redis';
import { startServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/**
 * Issue 16, the dilemma line: anonymity before the reveal is the server's, not the client's. Raw
 * socket.io clients of the host and three participants record everything the server sends them;
 * before the reveal nobody receives another person's position, after it everyone receives all of
 * them (without names). Only the host sets and reveals, one marker per person, bad values refused
 * with `{ ok: false, error }`. Run on SQLite and on Redis.
 */

/** Everything one socket received, in order: events and the answers to its own emits. */
interface Recorder {
  socket: ControlClient;
  received: { event: string; payload: unknown }[];
  /** The last `dilemma:update` it received. */
  last(): DilemmaView | null | undefined;
}

async function recorder(url: string, token: string): Promise<Recorder> {
  const socket = await connectControl(url, token);
  const received: Recorder['received'] = [];
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }));
  return {
    socket,
    received,
    last: () => {
      const updates = received.filter((r) => r.event === 'dilemma:update');
      return updates.length ? (updates[updates.length - 1]!.payload as DilemmaView | null) : undefined;
    },
  };
}

async function emit(r: Recorder, event: string, payload: unknown): Promise<Ack<DilemmaView | null>> {
  const answer = (await (r.socket as unknown as Socket)
    .timeout(5000)
    .emitWithAck(event, payload)) as Ack<DilemmaView | null>;
  r.received.push({ event: `ack:${event}`, payload: answer });
  return answer;
}

/** Every dilemma view in what `r` received (updates and answers alike). */
function viewsOf(r: Recorder): DilemmaView[] {
  return r.received.flatMap(({ event, payload }) => {
    if (event === 'dilemma:update') return payload ? [payload as DilemmaView] : [];
    const ack = payload as Ack<DilemmaView | null> | undefined;
    return event.startsWith('ack:dilemma') && ack?.ok && ack.data ? [ack.data] : [];
  });
}

function registerDilemmaSuite(engine: string, start: (overrides?: Partial<Config>) => Promise<TestServer>): void {
  describe(`${engine}: the dilemma line`, () => {
    let server: TestServer;
    let s: CreateSessionResponse;
    let anna: JoinResponse;
    let ben: JoinResponse;
    let host: Recorder;
    let annaSocket: Recorder;
    let benSocket: Recorder;
    let dilemmaId: string;
    const sockets: Recorder[] = [];
    const open = async (token: string) => {
      const r = await recorder(server.url, token);
      sockets.push(r);
      return r;
    };

    beforeAll(async () => {
      server = await start();
      s = await createSession(server.url);
      anna = await join(server.url, s.joinCode, 'Anna');
      ben = await join(server.url, s.joinCode, 'Ben');
      host = await open(s.hostToken);
      annaSocket = await open(anna.token);
      benSocket = await open(ben.token);
    });
    afterAll(async () => {
      for (const r of sockets) r.socket.disconnect();
      await server.close();
    });

    it('only the host sets a dilemma; bad poles are refused with a clear error', async () => {
      expect(await emit(annaSocket, 'dilemma:get', {})).toEqual({ ok: true, data: null });
      const refused = await emit(annaSocket, 'dilemma:set', { left: 'Wij sturen', right: 'Bewoners sturen' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      for (const bad of [
        { left: 'Wij sturen' },
        { left: '', right: 'x' },
        { left: 'x'.repeat(121), right: 'y' },
        'no',
      ]) {
        const answer = await emit(host, 'dilemma:set', bad);
        expect(answer, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
        if (!answer.ok) expect(answer.error.message.length).toBeGreaterThan(0);
      }
      const set = await emit(host, 'dilemma:set', {
        text: 'Houdt de gemeente de regie of krijgen bewoners de ruimte?',
        left: 'De gemeente houdt de regie',
        right: 'Bewoners krijgen de ruimte',
      });
      expect(set).toMatchObject({ ok: true, data: { count: 0, positions: null, revealed: false, mine: null } });
      dilemmaId = set.ok ? set.data!.id : '';
      await waitFor('the dilemma at Ben', () => benSocket.last()?.id === dilemmaId);
    });

    it('each participant places one marker; the others get only the count', async () => {
      const placed = await emit(annaSocket, 'dilemma:place', { dilemmaId, position: 17 });
      expect(placed).toMatchObject({ ok: true, data: { count: 1, mine: 17, positions: null } });
      await waitFor('count 1 at Ben', () => benSocket.last()?.count === 1);
      expect(benSocket.last()).toMatchObject({ positions: null, mine: null });

      expect(await emit(benSocket, 'dilemma:place', { dilemmaId, position: 83 })).toMatchObject({
        ok: true,
        data: { count: 2, mine: 83, positions: null },
      });
      // Moving one's marker keeps one marker per person.
      expect(await emit(annaSocket, 'dilemma:place', { dilemmaId, position: 22 })).toMatchObject({
        ok: true,
        data: { count: 2, mine: 22 },
      });
      await waitFor(
        'Ben hears of the move',
        () => benSocket.received.filter((r) => r.event === 'dilemma:update').length >= 4,
      );
      expect(benSocket.last()).toMatchObject({ count: 2, positions: null, mine: 83 });
      // A reconnecting tab asks again and gets its own marker, still nobody else's.
      expect(await emit(benSocket, 'dilemma:get', {})).toMatchObject({
        ok: true,
        data: { count: 2, mine: 83, positions: null },
      });
      expect(await emit(host, 'dilemma:get', {})).toMatchObject({
        ok: true,
        data: { count: 2, mine: null, positions: null },
      });
    });

    it('bad values, unknown dilemmas and the wrong role are refused; nothing changes', async () => {
      for (const position of [-1, 101, 2.5, '50', null, 1e9]) {
        expect(await emit(benSocket, 'dilemma:place', { dilemmaId, position }), String(position)).toMatchObject({
          ok: false,
          error: { code: 'validation_failed' },
        });
      }
      expect(
        await emit(benSocket, 'dilemma:place', { dilemmaId, position: 5, participantId: anna.participantId }),
      ).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
      expect(await emit(benSocket, 'dilemma:place', { dilemmaId: 'nope', position: 5 })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await emit(host, 'dilemma:place', { dilemmaId, position: 5 })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await emit(annaSocket, 'dilemma:reveal', { dilemmaId })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await emit(benSocket, 'dilemma:get', {})).toMatchObject({
        ok: true,
        data: { count: 2, mine: 83, revealed: false },
      });
    });

    it('before the reveal no socket ever received another person’s position', () => {
      const own: Record<string, number[]> = { anna: [17, 22], ben: [83] };
      for (const [name, r] of [
        ['anna', annaSocket],
        ['ben', benSocket],
        ['host', host],
      ] as const) {
        const views = viewsOf(r);
        expect(views.length, name).toBeGreaterThan(2);
        for (const v of views) {
          expect(v.positions, name).toBeNull();
          if (v.mine !== null) expect(own[name], `${name} got ${v.mine}`).toContain(v.mine);
        }
        // No other event carries the line: the session state knows nothing of it.
        for (const { event, payload } of r.received) {
          if (!event.includes('dilemma')) expect(JSON.stringify(payload)).not.toMatch(/dilemma|"mine"|"positions"/);
        }
      }
    });

    it('the host reveals: everyone receives every position, without names; markers are fixed after', async () => {
      const beforeReveal = { anna: annaSocket.received.length, ben: benSocket.received.length };
      const revealed = await emit(host, 'dilemma:reveal', { dilemmaId });
      expect(revealed).toMatchObject({ ok: true, data: { revealed: true, count: 2, positions: [22, 83] } });
      await waitFor('positions at Ben', () => benSocket.last()?.revealed === true);
      expect(benSocket.last()?.positions).toEqual([22, 83]);
      await waitFor('positions at Anna', () => annaSocket.last()?.revealed === true);
      const after = [...annaSocket.received.slice(beforeReveal.anna), ...benSocket.received.slice(beforeReveal.ben)];
      expect(JSON.stringify(after)).not.toContain(anna.participantId);
      expect(JSON.stringify(after)).not.toContain(ben.participantId);

      expect(await emit(annaSocket, 'dilemma:place', { dilemmaId, position: 50 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_command' },
      });
      // Someone who joins later reads the revealed line.
      const carla = await join(server.url, s.joinCode, 'Carla');
      const late = await open(carla.token);
      expect(await emit(late, 'dilemma:get', {})).toMatchObject({
        ok: true,
        data: { revealed: true, positions: [22, 83], mine: null },
      });
    });

    it('a new dilemma starts a fresh line, hidden again until its own reveal; both survive a restart', async () => {
      const next = await emit(host, 'dilemma:set', { left: 'Snel beginnen', right: 'Eerst plannen' });
      const id = next.ok ? next.data!.id : '';
      await emit(benSocket, 'dilemma:place', { dilemmaId: id, position: 40 });
      await waitFor('count at Anna', () => annaSocket.last()?.id === id && annaSocket.last()?.count === 1);
      expect(annaSocket.last()).toMatchObject({ positions: null, mine: null });

      for (const r of sockets.splice(0)) r.socket.disconnect();
      await server.close();
      server = await start({ dataDir: server.dataDir });
      const again = await open(ben.token);
      expect(await emit(again, 'dilemma:get', {})).toMatchObject({
        ok: true,
        data: { id, count: 1, mine: 40, positions: null },
      });
    });
  });
}

registerDilemmaSuite('sqlite', startServer);

await describeWithRedis('the dilemma line on the Redis store', () => {
  // One prefix for the file, so that the restarted server finds the same store.
  registerDilemmaSuite('redis', redisServers('dilemma', { samePrefix: true }));
});
