import { afterAll, beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { addCard, cardsMap, dotsMap, readCards, type Column, type JoinResponse } from '@casusbord/shared';
import { startServer, type TestServer } from '../helpers/server';
import { createSession, join } from '../helpers/api';
import { openBoard } from '../helpers/control';
import { connectPeer, synced, type Peer } from '../helpers/yjs';
import { waitFor } from '../helpers/wait';

/**
 * Property: three participants write honest and forbidden changes at the same time; every peer
 * ends on the document an oracle predicts by applying only the honest changes (a forged author
 * becomes the writer). The round opens question and advice, keeps pitfall closed, takes dots.
 * FUZZ_RUNS (default 12 runs of up to 6 steps of three writes) and FUZZ_SEED as in fuzz.test.ts.
 */
const RUNS = Number(process.env.BOARD_FUZZ_RUNS ?? 12);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const OPEN: Column[] = ['question', 'advice'];
/** Cards the host writes before the run: dots go on these (never deleted), forgeries aim at them. */
const PINNED = [
  { id: 'pin-q', column: 'question' as Column },
  { id: 'pin-a', column: 'advice' as Column },
  { id: 'pin-p', column: 'pitfall' as Column },
];

type Op =
  | { kind: 'add'; column: number; text: string; forgeAuthor: boolean }
  | { kind: 'append'; text: string }
  | { kind: 'deleteOwn' }
  | { kind: 'dot'; pin: number; count: number }
  | { kind: 'addClosed'; text: string }
  | { kind: 'dotForOther'; pin: number }
  | { kind: 'react'; pin: number }
  | { kind: 'junk'; text: string }
  | { kind: 'editClosed'; text: string }
  | { kind: 'deleteClosed' }
  | { kind: 'stealAuthor'; pin: number }
  | { kind: 'moveOwnToClosed' };

const text = fc.string({ minLength: 1, maxLength: 12 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), column: fc.nat(1), text, forgeAuthor: fc.boolean() }),
  fc.record({ kind: fc.constant('append' as const), text }),
  fc.constant({ kind: 'deleteOwn' as const }),
  fc.record({ kind: fc.constant('dot' as const), pin: fc.nat(1), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('addClosed' as const), text }),
  fc.record({ kind: fc.constant('dotForOther' as const), pin: fc.nat(1) }),
  fc.record({ kind: fc.constant('react' as const), pin: fc.nat(1) }),
  fc.record({ kind: fc.constant('junk' as const), text }),
  fc.record({ kind: fc.constant('editClosed' as const), text }),
  fc.constant({ kind: 'deleteClosed' as const }),
  fc.record({ kind: fc.constant('stealAuthor' as const), pin: fc.nat(2) }),
  fc.constant({ kind: 'moveOwnToClosed' as const }),
);

/** What the test compares: cards (column, text, author, reaction), dots, and whether junk exists. */
interface Projection {
  cards: Record<string, { column: string; text: string; authorId: string; reaction: unknown }>;
  dots: Record<string, Record<string, number>>;
  junk: number;
}

function project(doc: Y.Doc): Projection {
  const cards: Projection['cards'] = {};
  for (const c of readCards(doc)) {
    cards[c.id] = {
      column: c.column,
      text: c.text,
      authorId: c.authorId,
      reaction: cardsMap(doc).get(c.id)?.get('reaction'),
    };
  }
  // Sorted: peers learn keys in different orders.
  const dots: Projection['dots'] = {};
  for (const pid of [...dotsMap(doc).keys()].sort()) {
    const entry = dotsMap(doc).get(pid);
    if (entry instanceof Y.Map)
      dots[pid] = Object.fromEntries([...entry.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return { cards, dots, junk: doc.share.has('junk') ? doc.getArray('junk').length : 0 };
}

let server: TestServer;
beforeAll(async () => {
  // One session per run, all from this address.
  server = await startServer({ sessionsPerAddress: 10_000 });
});
afterAll(async () => {
  await server.close();
});

describe('board rules under a random mix of writes', () => {
  it('three writers converge on what the oracle (honest writes only) predicts', { timeout: 240_000 }, async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(opArb, opArb, opArb), { minLength: 1, maxLength: 6 }), async (steps) => {
        const s = await createSession(server.url);
        const people: JoinResponse[] = [];
        for (const name of ['Ans', 'Bas', 'Cor']) people.push(await join(server.url, s.joinCode, name));
        await openBoard(server.url, s.hostToken, undefined, { openColumns: OPEN, dots: true });
        const host = connectPeer(server.wsUrl, s.docName, s.hostToken);
        await synced(host);
        for (const pin of PINNED) {
          addCard(host.doc, { id: pin.id, column: pin.column, text: `vast ${pin.id}`, authorId: 'host', createdAt: 1 });
        }
        const peers: Peer[] = people.map((p) => connectPeer(server.wsUrl, s.docName, p.token));
        try {
          await Promise.all(peers.map((p) => synced(p)));
          await waitFor('pinned cards everywhere', () =>
            peers.every((p) => PINNED.every((pin) => cardsMap(p.doc).has(pin.id))),
          );
          const oracle = new Y.Doc();
          Y.applyUpdate(oracle, Y.encodeStateAsUpdate(host.doc));
          host.destroy();
          const own: string[][] = [[], [], []];
          for (const step of steps) {
            step.forEach((op, who) => {
              const me = people[who]!.participantId;
              const other = people[(who + 1) % 3]!.participantId;
              const doc = peers[who]!.doc;
              const apply = (target: Y.Doc, honest: boolean) =>
                perform(target, op, me, other, own[who]!, honest, () => `c${++counter}`);
              // The oracle gets the honest part only, with the author the server would set.
              const id = apply(doc, false);
              apply(oracle, true);
              if (id) own[who]!.push(id);
            });
            const want = JSON.stringify(project(oracle));
            await waitFor(
              'every writer on the oracle document',
              () => peers.every((p) => JSON.stringify(project(p.doc)) === want),
              5000,
            ).catch((err: Error) => {
              throw new Error(
                `${err.message}\nwant ${want}\n${peers.map((p) => `got  ${JSON.stringify(project(p.doc))}`).join('\n')}`,
              );
            });
          }
        } finally {
          for (const p of peers) p.destroy();
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

/**
 * Writes `op` into `doc` as participant `me`. In the oracle (`honest`) only what the policy keeps
 * is written: a forged author is the writer, forbidden changes are left out. Returns the id of a
 * card `me` created, for later appends and deletions (the same id on both sides: `next` is called
 * once per op, so it is drawn before the branch).
 */
function perform(
  doc: Y.Doc,
  op: Op,
  me: string,
  other: string,
  own: string[],
  honest: boolean,
  next: () => string,
): string | null {
  const cards = cardsMap(doc);
  const mine = own.filter((id) => cards.has(id));
  const last = mine[mine.length - 1];
  switch (op.kind) {
    case 'add': {
      const id = honest ? lastDrawn : (lastDrawn = next());
      addCard(doc, {
        id,
        column: OPEN[op.column]!,
        text: op.text,
        authorId: op.forgeAuthor && !honest ? other : me,
        createdAt: 2,
      });
      return id;
    }
    case 'append':
      if (last) (cards.get(last)!.get('text') as Y.Text).insert(0, op.text);
      return null;
    case 'deleteOwn':
      if (last) cards.delete(last);
      return null;
    case 'dot': {
      const pin = PINNED[op.pin]!.id;
      doc.transact(() => {
        let entry = dotsMap(doc).get(me);
        if (!(entry instanceof Y.Map)) {
          entry = new Y.Map<number>();
          dotsMap(doc).set(me, entry);
        }
        entry.set(pin, op.count);
      });
      return null;
    }
    case 'moveOwnToClosed':
      if (last && !honest) cards.get(last)!.set('column', 'pitfall');
      return null;
  }
  if (honest) return null;
  switch (op.kind) {
    case 'addClosed':
      addCard(doc, { id: `closed-${next()}`, column: 'pitfall', text: op.text, authorId: me, createdAt: 3 });
      break;
    case 'dotForOther': {
      const entry = new Y.Map<number>();
      doc.transact(() => {
        const existing = dotsMap(doc).get(other);
        if (existing instanceof Y.Map) existing.set(PINNED[op.pin]!.id, 1);
        else {
          dotsMap(doc).set(other, entry);
          entry.set(PINNED[op.pin]!.id, 1);
        }
      });
      break;
    }
    case 'react':
      cards.get(PINNED[op.pin]!.id)?.set('reaction', 'adopt');
      break;
    case 'junk':
      doc.getArray('junk').push([op.text]);
      break;
    case 'editClosed':
      (cards.get('pin-p')?.get('text') as Y.Text | undefined)?.insert(0, op.text);
      break;
    case 'deleteClosed':
      cards.delete('pin-p');
      break;
    case 'stealAuthor':
      cards.get(PINNED[op.pin]!.id)?.set('authorId', me);
      break;
  }
  return null;
}

/** The id drawn for the last `add` on the writer's side, reused for the oracle's copy. */
let lastDrawn = '';
