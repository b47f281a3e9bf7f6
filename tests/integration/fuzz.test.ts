import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addCard, readCards } from '@casusbord/shared';
import { sessionWith, useTestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/wait';

/**
 * Property: whatever a client sends on /yjs, the server stays up, answers, keeps the honest
 * clients of the document converging, and never stores what it could not decode. Bounded in
 * `npm test` (FUZZ_RUNS, default 60 runs of up to 8 frames); `npm run fuzz` runs many more.
 * FUZZ_SEED replays a failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const server = useTestServer();

function envelope(type: number, subType: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (subType !== null) encoding.writeVarUint(e, subType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

const validUpdate = (() => {
  const doc = new Y.Doc();
  doc.getMap('cards').set('seed', new Y.Map());
  return Y.encodeStateAsUpdate(doc);
})();

/** Frames from raw bytes, well-framed garbage, and valid updates with flipped bytes. */
const frameArb = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 96 }),
  fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }), fc.uint8Array({ maxLength: 64 }))
    .map(([type, sub, payload]) => envelope(type, type === 0 ? sub : null, payload)),
  fc.tuple(fc.nat(validUpdate.length - 1), fc.integer({ min: 0, max: 255 })).map(([pos, byte]) => {
    const update = Uint8Array.from(validUpdate);
    update[pos] = byte;
    return envelope(0, 2, update);
  }),
);

function sendAll(url: string, frames: Uint8Array[]): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => {
      ws.terminate();
      resolve();
    }, 3000);
    ws.on('open', () => {
      for (const f of frames) ws.send(f);
      // A probe: its answer (sync step 2) means every frame before it was handled.
      ws.send(Uint8Array.from([0, 0, 1, 0]));
    });
    const finish = () => {
      clearTimeout(timer);
      if (ws.readyState === ws.OPEN) ws.close();
      resolve();
    };
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) finish();
    });
    ws.on('close', finish);
    ws.on('error', () => undefined);
  });
}

describe('fuzzing the /yjs message path', () => {
  it('arbitrary frames never stop the server or the honest clients', async () => {
    const {
      session: s,
      people: [anna],
    } = await sessionWith(server.url, { open: true, people: ['Anna'] });
    const [a, b] = await server.syncedPeers([anna.docName, anna.token], [anna.docName, s.hostToken]);
    const url = `${server.wsUrl}/yjs/${anna.docName}?token=${anna.token}`;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frameArb, { minLength: 1, maxLength: 8 }), async (frames) => {
        run++;
        await sendAll(url, frames);
        addCard(a.doc, {
          id: `r${run}`,
          column: 'question',
          text: `Ronde ${run}`,
          authorId: anna.participantId,
          createdAt: run,
        });
        await waitFor(`run ${run} at B`, () => readCards(b.doc).some((c) => c.id === `r${run}`), 5000);
        expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 300_000);
});
