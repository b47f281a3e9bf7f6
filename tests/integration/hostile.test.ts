import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import WebSocket from 'ws';
import { addCard, readCards } from '@casusbord/shared';
import { createSession } from '../helpers/api';
import { sessionWith, useTestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/wait';
import { YJS_REPRODUCERS, hostileFrame } from '../helpers/frames';
import { prng } from '../helpers/prng';
import * as encoding from 'lib0/encoding';

/** 10,000 by default; HOSTILE_FRAMES overrides (npm run fuzz sends more). */
const FRAMES = Number(process.env.HOSTILE_FRAMES ?? 10_000);
/** Connections open at once; each sends one hostile frame. */
const PARALLEL = 40;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

// PARALLEL connections of one token at a time, and their closes overlap the next batch: this
// test is about frames, not about the cap on connections per token (connectionLimits.test.ts).
const server = useTestServer(undefined, { yjsConnectionsPerToken: 10 * PARALLEL });

/** Sync step 1 with an empty state vector: the server answers with sync step 2 once it got this far. */
const PROBE = Uint8Array.from([0, 0, 1, 0]);

/**
 * Opens a connection, sends `frame` and then a probe, and resolves with the close code, or 'open'
 * when the server answered the probe (the frame was a valid or ignorable message). Messages of a
 * document are processed in order, so the answer to the probe means the frame was handled.
 */
function sendOne(url: string, frame: Uint8Array): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let settled = false;
    const done = (result: number | 'open') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      if (ws.readyState === ws.OPEN) ws.terminate();
    };
    const timer = setTimeout(() => done('open'), 10_000);
    ws.on('open', () => {
      ws.send(frame);
      ws.send(PROBE);
    });
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) done('open');
    });
    ws.on('close', (code) => done(code));
    ws.on('error', () => undefined);
  });
}

describe('hostile frames on /yjs', () => {
  it('the Yjs issue reproducers neither stall the server nor change the document', async () => {
    const s = await createSession(server.url);
    const url = `${server.wsUrl}/yjs/${s.docName}?token=${s.hostToken}`;
    const expected: Record<string, number | 'open'> = {
      'yjs#479': 4402,
      'yjs#498': 4402,
      // As a V1 update (the only encoding y-websocket speaks) these bytes decode to an empty update.
      'yjs#687': 'open',
    };
    for (const [name, payload] of Object.entries(YJS_REPRODUCERS)) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, payload);
      const started = Date.now();
      expect(await sendOne(url, encoding.toUint8Array(e)), name).toBe(expected[name]);
      expect(Date.now() - started, name).toBeLessThan(2000);
    }
    const stored = await server.app.deps.store.loadDoc(s.docName);
    expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBe(0);
  });

  it(`${FRAMES} mixed malformed frames: server up, senders closed, others converge, memory returns`, async () => {
    const {
      session: s,
      people: [anna],
    } = await sessionWith(server.url, { open: true, people: ['Anna'] });
    const [a, b] = await server.syncedPeers([anna.docName, anna.token], [anna.docName, s.hostToken]);
    const heapBefore = heapMb();

    const rand = prng(20261129);
    const url = `${server.wsUrl}/yjs/${anna.docName}?token=${anna.token}`;
    const outcomes = new Map<string, number>();
    let sent = 0;
    let edits = 0;
    while (sent < FRAMES) {
      const batch = Array.from({ length: Math.min(PARALLEL, FRAMES - sent) }, () => hostileFrame(rand));
      sent += batch.length;
      const codes = await Promise.all(batch.map(({ frame }) => sendOne(url, frame)));
      codes.forEach((code, i) => {
        const key = `${batch[i]!.kind}:${code}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      });
      // The honest peers keep editing and converging during the attack.
      if (sent % 1000 < PARALLEL) {
        edits++;
        addCard(a.doc, {
          id: `a${edits}`,
          column: 'pitfall',
          text: `Tijdens aanval ${edits}`,
          authorId: anna.participantId,
          createdAt: edits,
        });
        await waitFor(`edit ${edits} at B`, () => readCards(b.doc).some((c) => c.id === `a${edits}`), 10_000);
      }
    }
    // Every frame that was not a valid message closed its connection with 4402 (malformed).
    const closedOtherwise = [...outcomes].filter(([key]) => !/:(4402|open)$/.test(key));
    expect(closedOtherwise, JSON.stringify([...outcomes])).toEqual([]);
    const malformed = [...outcomes].filter(([k]) => k.endsWith(':4402')).reduce((n, [, c]) => n + c, 0);
    expect(malformed).toBeGreaterThan(FRAMES * 0.9);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // A fresh client sees exactly the honest edits.
    const [fresh] = await server.syncedPeers([anna.docName, s.hostToken]);
    expect(
      readCards(fresh.doc)
        .map((c) => c.id)
        .sort(),
    ).toEqual(
      readCards(a.doc)
        .map((c) => c.id)
        .sort(),
    );
    // Memory returns to its level (generous bound: connections, rooms and buffers are released).
    await waitFor('memory settles', () => heapMb() < heapBefore + 40, 15_000);
  }, 240_000);
});
