import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addMovement,
  changeMovementDots,
  fromToMap,
  movementText,
  readMovements,
  readOwnMovementDots,
  tallyMovementDots,
  type CreateSessionResponse,
  type JoinResponse,
} from '@casusbord/shared';
import type { Config } from '../../server/src/config';
import { createSession, join } from '../helpers/api';
import { openBoard } from '../helpers/control';
import { describeWithRedis, redisServers } from '../helpers/redis';
import { startServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { recordRefusals, syncedPeer, type Peer } from '../helpers/yjs';

/**
 * Issue 16, the from → to table under the write policy (writeRules.ts), tried by a modified
 * client: the official y-websocket provider writing rows and dots the UI never offers. The honest
 * peer, the forger and the store after a restart hold none of the forgeries; what the round allows
 * stays. Run on SQLite and on Redis.
 */
function registerFromToRules(engine: string, start: (overrides?: Partial<Config>) => Promise<TestServer>): void {
  describe(`${engine}: the from → to table`, () => {
    let server: TestServer;
    let s: CreateSessionResponse;
    let ben: JoinResponse; // honest
    let mal: JoinResponse; // writes what the UI never offers
    const peers: Peer[] = [];
    let honest: Peer;
    let forger: Peer;
    let refusals: string[];

    const peer = (token: string) => syncedPeer(server.wsUrl, s.docName, token, peers);
    const row = (doc: Y.Doc, id: string) => readMovements(doc).find((r) => r.id === id);
    const row0 = (id: string, from: string, to: string, authorId: string) => ({
      id,
      from,
      to,
      authorId,
      createdAt: Date.now(),
    });
    /** Once the honest peer has the forger's marker row, everything the forger wrote before was processed. */
    const barrier = async (marker: string) => {
      addMovement(forger.doc, row0(marker, marker, marker, mal.participantId));
      await waitFor(`marker ${marker}`, () => Boolean(row(honest.doc, marker)));
    };
    const refusedWith = (text: string) => waitFor(`refusal ${text}`, () => refusals.some((r) => r.includes(text)));

    beforeAll(async () => {
      server = await start();
      s = await createSession(server.url);
      ben = await join(server.url, s.joinCode, 'Ben');
      mal = await join(server.url, s.joinCode, 'Mal');
      await openBoard(server.url, s.hostToken, 'from-to', { openColumns: [], dots: false });
      honest = await peer(ben.token);
      forger = await peer(mal.token);
      refusals = recordRefusals(forger);
    });
    afterAll(async () => {
      for (const p of peers) p.destroy();
      await server.close();
    });

    it('in its round two people co-edit a row; a forged author and another person’s dots are undone', async () => {
      addMovement(honest.doc, row0('r1', 'Zelf regelen', '', ben.participantId));
      await waitFor('row at the forger', () => Boolean(row(forger.doc, 'r1')));
      movementText(forger.doc, 'r1', 'to')!.insert(0, 'Bewoners vertrouwen');
      await waitFor('co-edited', () => row(honest.doc, 'r1')?.to === 'Bewoners vertrouwen');
      changeMovementDots(honest.doc, ben.participantId, 'r1', 1, 3);
      // The forger writes into Ben's entry as it knows it (a concurrent new entry of its own would
      // just lose to Ben's in Yjs, with nothing for the server to refuse).
      await waitFor(
        'Ben’s dot at the forger',
        () => readOwnMovementDots(forger.doc, ben.participantId).get('r1') === 1,
      );

      // A row claiming Ben wrote it is credited to its writer; Ben's row keeps its author.
      addMovement(forger.doc, row0('forged', 'Ben wil dit', 'Echt', ben.participantId));
      fromToMap(forger.doc).get('r1')!.set('authorId', mal.participantId);
      // Dots in Ben's name, a dot on no row, and more dots than any budget.
      forger.doc.transact(() => {
        changeMovementDots(forger.doc, ben.participantId, 'r1', 2, 3);
        changeMovementDots(forger.doc, mal.participantId, 'nowhere', 1, 3);
      });
      await barrier('m1');
      expect(row(honest.doc, 'forged')?.authorId).toBe(mal.participantId);
      expect(row(honest.doc, 'r1')?.authorId).toBe(ben.participantId);
      expect(readOwnMovementDots(honest.doc, ben.participantId).get('r1')).toBe(1);
      expect(readOwnMovementDots(honest.doc, mal.participantId).has('nowhere')).toBe(false);
      await refusedWith('each person writes only their own dots');
      await waitFor(
        'forger put back',
        () =>
          row(forger.doc, 'r1')?.authorId === ben.participantId &&
          readOwnMovementDots(forger.doc, ben.participantId).get('r1') === 1,
      );
      // Mal's own dot stands.
      changeMovementDots(forger.doc, mal.participantId, 'r1', 1, 3);
      await waitFor('two dots on r1', () => tallyMovementDots(honest.doc, 3).get('r1') === 2);
    });

    it('outside its round no row is added, edited or deleted and no dot placed; the host still writes rows', async () => {
      await openBoard(server.url, s.hostToken, undefined, { openColumns: ['advice'], dots: true });
      addMovement(forger.doc, row0('late', 'Te laat', 'Te laat', mal.participantId));
      movementText(forger.doc, 'r1', 'from')!.insert(0, 'Niet ');
      changeMovementDots(forger.doc, mal.participantId, 'r1', -1, 3);
      fromToMap(forger.doc).delete('forged');
      await refusedWith('the from → to table is written in its own round');
      const host = await peer(s.hostToken);
      addMovement(host.doc, row0('h1', 'Losse projecten', 'Eén programma', 'host'));
      await waitFor('host row at the honest peer', () => Boolean(row(honest.doc, 'h1')));
      expect(row(honest.doc, 'late')).toBeUndefined();
      expect(row(honest.doc, 'r1')?.from).toBe('Zelf regelen');
      expect(row(honest.doc, 'forged')).toBeDefined();
      expect(tallyMovementDots(honest.doc, 3).get('r1')).toBe(2);
      await waitFor(
        'forger put back',
        () =>
          !row(forger.doc, 'late') &&
          row(forger.doc, 'r1')?.from === 'Zelf regelen' &&
          Boolean(row(forger.doc, 'forged')) &&
          readOwnMovementDots(forger.doc, mal.participantId).get('r1') === 1,
      );
    });

    it('after a restart the stored table holds what was allowed and none of the forgeries', async () => {
      for (const p of peers.splice(0)) p.destroy();
      await server.close();
      server = await start({ dataDir: server.dataDir });
      const reader = await peer(s.hostToken);
      await waitFor('table loaded', () => readMovements(reader.doc).length > 0);
      const rows = readMovements(reader.doc);
      expect(rows.map((r) => r.id).sort()).toEqual(['forged', 'h1', 'm1', 'r1']);
      expect(row(reader.doc, 'r1')).toMatchObject({
        from: 'Zelf regelen',
        to: 'Bewoners vertrouwen',
        authorId: ben.participantId,
      });
      expect(row(reader.doc, 'forged')?.authorId).toBe(mal.participantId);
      expect(Object.fromEntries(tallyMovementDots(reader.doc, 3))).toEqual({ r1: 2 });
    });
  });
}

registerFromToRules('sqlite', startServer);

await describeWithRedis('from → to rules on the Redis store', () => {
  // One prefix for the file, so that the restarted server finds the same store.
  registerFromToRules('redis', redisServers('fromto', { samePrefix: true }));
});
