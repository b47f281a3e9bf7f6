/**
 * What the content plane's write policy costs per edit, measured in-process and side by side:
 * the same stream of client updates applied to a board document with and without the policy
 * (server/src/yjs/writePolicy.ts `analyse` in afterTransaction, then its corrections). Edits are
 * the benchmark's own kind — one character typed into a card — plus a share of new cards and
 * dots, on a board of 200 cards. Run: `npm run bench:policy` (writes nothing; prints a table).
 */
import * as Y from 'yjs';
import { COLUMNS, addCard, openBoardRound, writerFor, type SessionState, type Writer } from '@casusbord/shared';
import { analyse, createPolicyMemory } from '../server/src/yjs/writePolicy';

const EDITS = Number(process.env.POLICY_EDITS ?? 20_000);
const ROUNDS = 5;

function state(): SessionState {
  return {
    sessionId: 'Sessie0001',
    serverNow: 0,
    version: 1,
    method: 'intervision-90',
    tables: [
      {
        id: 't1',
        name: 'Tafel 1',
        docName: 'Sessie0001.t1',
        revealedRounds: [],
        round: {
          status: 'running',
          roundIndex: 0,
          endsAt: 1,
          remainingMs: null,
          rounds: [openBoardRound('open')],
        },
      },
    ],
    plenaryDocName: null,
    dotsPerPerson: 3,
    caseHolderId: null,
    ready: [],
    locked: false,
    followUp: null,
    lensesOpen: false,
  };
}

/** The updates a client sends: typing into its card, now and then a new card or a dot. */
function clientUpdates(n: number): Uint8Array[] {
  const client = new Y.Doc();
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 200; i++) {
    addCard(client, { id: `c${i}`, column: COLUMNS[i % 4]!, text: `kaart ${i}`, authorId: 'p1', createdAt: i });
  }
  const setup = updates.length;
  const cards = client.getMap<Y.Map<unknown>>('cards');
  for (let i = 0; i < n; i++) {
    if (i % 50 === 0) {
      addCard(client, { id: `n${i}`, column: 'advice', text: 'nieuw', authorId: 'p1', createdAt: 1000 + i });
    } else if (i % 97 === 0) {
      client.transact(() => {
        let mine = client.getMap<Y.Map<number>>('dots').get('p1');
        if (!mine) {
          mine = new Y.Map<number>();
          client.getMap('dots').set('p1', mine);
        }
        mine.set(`c${i % 200}`, 1);
      });
    } else {
      const text = cards.get(`c${i % 200}`)!.get('text') as Y.Text;
      text.insert(text.length, 'x');
    }
  }
  return updates.slice(0, setup).concat(updates.slice(setup));
}

function run(updates: Uint8Array[], setup: number, policy: Writer | null): number {
  const doc = new Y.Doc();
  const memory = createPolicyMemory();
  let fixes: Array<(tr: Y.Transaction) => void> = [];
  if (policy) {
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === 'client') fixes = analyse(doc, tr, policy, memory).fixes;
    });
  }
  for (let i = 0; i < setup; i++) Y.applyUpdate(doc, updates[i]!, 'client');
  const start = process.hrtime.bigint();
  for (let i = setup; i < updates.length; i++) {
    Y.applyUpdate(doc, updates[i]!, 'client');
    if (fixes.length > 0) throw new Error('an honest edit was refused');
  }
  return Number(process.hrtime.bigint() - start) / 1000 / (updates.length - setup);
}

const updates = clientUpdates(EDITS);
const setup = updates.length - EDITS;
const writer = writerFor(state(), 'Sessie0001.t1', { role: 'participant', participantId: 'p1', groupId: 't1' });
const without: number[] = [];
const withPolicy: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  // Alternating, so that JIT warm-up and machine load fall on both sides alike.
  without.push(run(updates, setup, null));
  withPolicy.push(run(updates, setup, writer));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const a = median(without);
const b = median(withPolicy);
console.log(
  `Write policy cost: ${EDITS} edits (typing, 2% new cards, 1% dots) on a 200-card board, median of ${ROUNDS}`,
);
console.log('| apply one client update | µs per edit |');
console.log('| --- | ---: |');
console.log(`| without the policy | ${a.toFixed(2)} |`);
console.log(`| with the policy | ${b.toFixed(2)} |`);
console.log(`| the policy's share | ${(b - a).toFixed(2)} |`);
