import * as Y from 'yjs';
import {
  addCard,
  addCluster,
  cardText,
  cardsMap,
  changeDots,
  COLUMNS,
  coreQuestionText,
  learningsMap,
  readCards,
  setCardCluster,
  setReaction,
  type Column,
} from '@casusbord/shared';
import { prng } from './stats';

/**
 * A generated board history: `cards` cards typed keystroke by keystroke by several people over
 * `seconds` of session time, with typos corrected, later revisions, cards moved between columns,
 * clusters, dots, reactions, the core question and learning points, and some cards deleted again.
 * One Y.Doc switches its clientID per author, so the history has the structure (many clients,
 * interleaved items, tombstones) of a real session at a fraction of the cost.
 */

export interface TraceOptions {
  cards: number;
  seconds: number;
  authors: number;
  /** Width of the windows whose updates are merged into one message when the trace is replayed. */
  batchSeconds: number;
  seed: number;
}

export interface Trace {
  options: TraceOptions;
  doc: Y.Doc;
  /** The history as the messages a client sends: one merged update per batch window. */
  updates: Uint8Array[];
  transactions: number;
  keystrokes: number;
  stateBytes: number;
  participantIds: string[];
}

interface Event {
  t: number;
  author: number;
  run: (doc: Y.Doc) => void;
}

const WORDS = (
  'wijk bewoners partners subsidie gemeente team vertrouwen regie samenwerking corporatie welzijn ' +
  'jongeren buurthuis overleg signalen aanpak budget wethouder ambtelijk mandaat rol eigenaarschap ' +
  'netwerk pilot evaluatie zorg veiligheid woningen participatie planning overdracht'
).split(' ');

export const DEFAULT_TRACE: TraceOptions = { cards: 500, seconds: 2 * 3600, authors: 8, batchSeconds: 10, seed: 7 };

export function generateTrace(partial: Partial<TraceOptions> = {}): Trace {
  const options = { ...DEFAULT_TRACE, ...partial };
  const rand = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sentence = (chars: number) => {
    let s = '';
    while (s.length < chars) s += (s ? ' ' : '') + pick(WORDS);
    return s.slice(0, chars);
  };
  const clientIds = Array.from({ length: options.authors }, () => 1 + Math.floor(rand() * 2 ** 31));
  const participantIds = Array.from({ length: options.authors }, (_, i) => `p${i}${Math.floor(rand() * 1e6)}`);
  const startMs = Date.UTC(2026, 10, 27, 9, 0, 0);
  const events: Event[] = [];
  const at = (t: number, author: number, run: (doc: Y.Doc) => void) => events.push({ t, author, run });
  const span = options.seconds;
  let keystrokes = 0;

  // Types `text` into card `id` from time t at 3–6 keys per second, with ~7% typos fixed by backspace.
  const type = (id: string, author: number, t: number, text: string, position: 'end' | 'middle'): number => {
    const rate = 3 + rand() * 3;
    let offset = -1;
    for (const ch of text) {
      t += 1 / rate;
      if (rand() < 0.07) {
        at(t, author, (doc) => {
          const ytext = cardText(doc, id);
          if (!ytext) return;
          const pos = offset < 0 ? ytext.length : Math.min(offset, ytext.length);
          ytext.insert(pos, 'x');
        });
        t += 0.4;
        at(t, author, (doc) => {
          const ytext = cardText(doc, id);
          if (!ytext || ytext.length === 0) return;
          const pos = offset < 0 ? ytext.length : Math.min(offset, ytext.length);
          ytext.delete(Math.max(0, pos - 1), 1);
        });
        keystrokes += 2;
      }
      at(t, author, (doc) => {
        const ytext = cardText(doc, id);
        if (!ytext) return;
        if (position === 'middle' && offset < 0) offset = Math.floor(ytext.length / 2);
        const pos = offset < 0 ? ytext.length : Math.min(offset, ytext.length);
        ytext.insert(pos, ch);
        if (offset >= 0) offset = pos + 1;
      });
      keystrokes++;
    }
    return t;
  };

  // Cards: a tenth more than the final count, the extra ones deleted again later.
  const total = Math.round(options.cards * 1.1);
  const cardIds: string[] = [];
  for (let k = 0; k < total; k++) {
    const id = `card-${k.toString(36)}-${Math.floor(rand() * 1e9).toString(36)}`;
    cardIds.push(id);
    const author = Math.floor(rand() * options.authors);
    const created = rand() * span * 0.85;
    const column: Column = pick(COLUMNS);
    at(created, author, (doc) =>
      addCard(doc, { id, column, text: '', authorId: participantIds[author]!, createdAt: startMs + created * 1000 }),
    );
    const typedUntil = type(id, author, created, sentence(20 + Math.floor(rand() * 120)), 'end');
    if (k >= options.cards) {
      at(typedUntil + rand() * (span - typedUntil), author, (doc) => cardsMap(doc).delete(id));
    } else if (rand() < 0.25) {
      // A later revision by someone at the table.
      const reviser = Math.floor(rand() * options.authors);
      type(id, reviser, typedUntil + rand() * Math.max(1, span - typedUntil - 120), ` ${sentence(5 + Math.floor(rand() * 25))}`, 'middle');
    }
  }
  const kept = cardIds.slice(0, options.cards);
  // Cards moved to another column.
  for (let i = 0; i < Math.round(options.cards * 0.3); i++) {
    const id = pick(kept);
    at(span * (0.3 + rand() * 0.65), Math.floor(rand() * options.authors), (doc) => cardsMap(doc).get(id)?.set('column', pick(COLUMNS)));
  }
  // Clusters in the second half, about half of the cards placed in one.
  const clusterIds = Array.from({ length: Math.max(1, Math.round(options.cards / 12)) }, (_, i) => `cl-${i}`);
  for (const cid of clusterIds) {
    const t = span * (0.5 + rand() * 0.3);
    at(t, 0, (doc) => addCluster(doc, { id: cid, title: sentence(12 + Math.floor(rand() * 20)), column: pick(COLUMNS), createdAt: startMs + t * 1000 }));
  }
  for (const id of kept) {
    if (rand() < 0.5) at(span * (0.82 + rand() * 0.05), Math.floor(rand() * options.authors), (doc) => setCardCluster(doc, id, pick(clusterIds)));
  }
  // Dots in the last quarter of an hour; some people move a dot.
  participantIds.forEach((pid, author) => {
    for (let d = 0; d < 4; d++) {
      const id = pick(kept);
      at(span * 0.9 + rand() * 600, author, (doc) => changeDots(doc, pid, id, d === 3 ? -1 : 1, 3));
    }
  });
  // The case holder reacts to advice cards; core question typed at the start; learnings at the end.
  for (let i = 0; i < Math.round(options.cards / 12); i++) {
    const id = pick(kept);
    at(span * (0.88 + rand() * 0.07), 0, (doc) => setReaction(doc, id, pick(['adopt', 'consider', 'not-now'] as const), sentence(30)));
  }
  const question = sentence(160);
  let qt = 60;
  for (const ch of question) {
    qt += 0.25;
    at(qt, 0, (doc) => {
      const q = coreQuestionText(doc);
      q.insert(q.length, ch);
    });
    keystrokes++;
  }
  participantIds.forEach((pid, author) => at(span * 0.97 + rand() * 120, author, (doc) => learningsMap(doc).set(pid, sentence(80))));

  events.sort((a, b) => a.t - b.t);
  const doc = new Y.Doc();
  const batches: Uint8Array[][] = [];
  let batch = 0;
  doc.on('update', (update: Uint8Array) => (batches[batch] ??= []).push(update));
  for (const event of events) {
    batch = Math.floor(event.t / options.batchSeconds);
    doc.clientID = clientIds[event.author]!;
    doc.transact(() => event.run(doc));
  }
  const updates = batches.filter((b) => b && b.length > 0).map((b) => (b.length === 1 ? b[0]! : Y.mergeUpdates(b)));
  const count = readCards(doc).length;
  if (count !== options.cards) throw new Error(`trace has ${count} cards, expected ${options.cards}`);
  return {
    options,
    doc,
    updates,
    transactions: events.length,
    keystrokes,
    stateBytes: Y.encodeStateAsUpdate(doc).byteLength,
    participantIds,
  };
}
