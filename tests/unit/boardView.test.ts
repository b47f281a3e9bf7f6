import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addCluster,
  cardsMap,
  changeDots,
  coreQuestionText,
  learningsMap,
  readCardDetails,
  type CardDetails,
  type ClusterSnapshot,
} from '@casusbord/shared';
import { groupColumn, promotedIds, reactionProgress } from '../../client/src/board/grouping';
import { groupIdOf } from '../../client/src/net/relocate';
import { watchBoardDoc } from '../../client/src/net/docWatch';
import { createBoardViewStore } from '../../client/src/stores/boardViewStore';

function board(): Y.Doc {
  const doc = new Y.Doc();
  let t = 1;
  for (const [id, column] of [
    ['p1', 'pitfall'],
    ['p2', 'pitfall'],
    ['p3', 'pitfall'],
    ['a1', 'advice'],
    ['a2', 'advice'],
  ] as const) {
    addCard(doc, { id, column, text: id, authorId: 'anouk', createdAt: t++ });
  }
  return doc;
}

describe('groupColumn', () => {
  it('puts cards under their cluster and keeps the rest loose, in board order', () => {
    const doc = board();
    addCluster(doc, { id: 'c1', title: 'Samenwerking', column: 'pitfall', createdAt: 1 });
    addCluster(doc, { id: 'c2', title: 'Geld', column: 'pitfall', createdAt: 2 });
    addCluster(doc, { id: 'cx', title: 'Elders', column: 'advice', createdAt: 3 });
    cardsMap(doc).get('p3')!.set('clusterId', 'c1');
    cardsMap(doc).get('p1')!.set('clusterId', 'c1');
    const cards = readCardDetails(doc);
    const clusters: ClusterSnapshot[] = [
      { id: 'c1', title: 'Samenwerking', column: 'pitfall', createdAt: 1 },
      { id: 'c2', title: 'Geld', column: 'pitfall', createdAt: 2 },
      { id: 'cx', title: 'Elders', column: 'advice', createdAt: 3 },
    ];
    const groups = groupColumn(cards, clusters, 'pitfall');
    expect(groups.clusters.map((g) => [g.cluster.id, g.cards.map((c) => c.id)])).toEqual([
      ['c1', ['p1', 'p3']],
      ['c2', []],
    ]);
    expect(groups.loose.map((c) => c.id)).toEqual(['p2']);
  });

  it('never hides a card whose cluster is gone or belongs to another column', () => {
    const cards = readCardDetails(board()).map((c): CardDetails =>
      c.id === 'p1' ? { ...c, clusterId: 'gone' } : c.id === 'p2' ? { ...c, clusterId: 'cx' } : c,
    );
    const groups = groupColumn(cards, [{ id: 'cx', title: 'Elders', column: 'advice', createdAt: 0 }], 'pitfall');
    expect(groups.clusters).toEqual([]);
    expect(groups.loose.map((c) => c.id)).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('reactionProgress and promotedIds', () => {
  it('counts answered advice', () => {
    const cards = readCardDetails(board()).map((c): CardDetails => (c.id === 'a2' ? { ...c, reaction: 'adopt' } : c));
    expect(reactionProgress(cards)).toEqual({ answered: 1, total: 2 });
  });

  it('reads which table cards are on the plenary board', () => {
    const plenary = readCardDetails(board()).map((c, i): CardDetails => ({
      ...c,
      promotedFrom: i === 0 ? 't1:abc' : i === 1 ? 't2:def' : i === 2 ? 't1:ghi' : null,
    }));
    expect([...promotedIds(plenary, 't1')].sort()).toEqual(['abc', 'ghi']);
    expect(groupIdOf('sess1234.t2')).toBe('t2');
  });
});

describe('watchBoardDoc', () => {
  it('pushes dots (capped at the budget), learnings and the core question into the view store', () => {
    const doc = board();
    const store = createBoardViewStore();
    let budget = 3;
    const watch = watchBoardDoc(doc, store, { participantId: 'anouk', budget: () => budget });
    expect(store.getState().cards.map((c) => c.id)).toEqual(['p1', 'p2', 'p3', 'a1', 'a2']);

    expect(changeDots(doc, 'anouk', 'a1', 1, budget)).toBe(true);
    expect(changeDots(doc, 'anouk', 'a1', 1, budget)).toBe(true);
    expect(changeDots(doc, 'bram', 'a2', 1, budget)).toBe(true);
    expect(store.getState().tally).toEqual({ a1: 2, a2: 1 });
    expect(store.getState().ownDots).toEqual({ a1: 2 });
    expect(store.getState().ownUsed).toBe(2);

    // The host lowers the budget: tallies are recounted with it at once.
    budget = 1;
    watch.refresh();
    expect(store.getState().tally).toEqual({ a1: 1, a2: 1 });

    learningsMap(doc).set('anouk', 'Eerst een doel');
    coreQuestionText(doc).insert(0, 'Hoe worden we één team?');
    expect(store.getState().learnings).toEqual({ anouk: 'Eerst een doel' });
    expect(store.getState().coreQuestion).toBe('Hoe worden we één team?');

    watch.dispose();
    learningsMap(doc).set('bram', 'Later');
    expect(store.getState().learnings).toEqual({ anouk: 'Eerst een doel' });
  });
});
