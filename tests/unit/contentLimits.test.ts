import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  LIMITS,
  addCard,
  addCluster,
  cardsMap,
  clustersMap,
  coreQuestionText,
  readCards,
  typeBoardRoots,
} from '@casusbord/shared';
import { enforceContentLimits } from '../../server/src/yjs/contentLimits';

/** Applies `edit` made on a client doc to a fresh "server" doc and enforces the limits there. */
function serverSide(edit: (client: Y.Doc) => void, before?: (client: Y.Doc) => void) {
  const client = new Y.Doc();
  const server = new Y.Doc();
  typeBoardRoots(server); // as the rooms hold it
  if (before) {
    before(client);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  }
  let changed: Map<Y.AbstractType<unknown>, Set<string | null>> | null = null;
  server.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin === 'client') changed = tr.changed as Map<Y.AbstractType<unknown>, Set<string | null>>;
  });
  const sv = Y.encodeStateVector(client);
  edit(client);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, sv), 'client');
  const violations = changed ? enforceContentLimits(server, changed, 'limits') : [];
  return { server, violations };
}

const card = (id: string, text = 'tekst', createdAt = 1) => ({
  id,
  column: 'pitfall' as const,
  text,
  authorId: 'p1',
  createdAt,
});

describe('content limits on the server', () => {
  it('leaves an ordinary edit alone', () => {
    const { server, violations } = serverSide((c) => addCard(c, card('a')));
    expect(violations).toEqual([]);
    expect(readCards(server)).toHaveLength(1);
  });

  it('cuts a card typed past the limit in an existing card, and the core question at its own limit', () => {
    const { server, violations } = serverSide(
      (c) => {
        (cardsMap(c).get('a')!.get('text') as Y.Text).insert(0, 'z'.repeat(LIMITS.cardChars));
        coreQuestionText(c).insert(0, 'q'.repeat(LIMITS.questionChars + 1));
      },
      (c) => addCard(c, card('a', 'begin')),
    );
    expect(violations.sort()).toEqual(['card_too_long', 'text_too_long']);
    expect(readCards(server)[0]!.text).toHaveLength(LIMITS.cardChars);
    expect(coreQuestionText(server).length).toBe(LIMITS.questionChars);
  });

  it('removes only the new cards and clusters past the limit', () => {
    const { server, violations } = serverSide(
      (c) => {
        addCard(c, card('new-1', 'x', 5000));
        addCard(c, card('new-2', 'y', 5001));
        for (let i = 0; i < 3; i++) addCluster(c, { id: `k${i}`, title: 't', column: 'pitfall', createdAt: i });
      },
      (c) => {
        for (let i = 0; i < LIMITS.cardsPerBoard - 1; i++) addCard(c, card(`old-${i}`, 'o', i));
        for (let i = 0; i < LIMITS.clustersPerBoard - 1; i++)
          addCluster(c, { id: `old-${i}`, title: 't', column: 'pitfall', createdAt: i });
      },
    );
    expect(violations.sort()).toEqual(['too_many_cards', 'too_many_clusters']);
    expect(cardsMap(server).size).toBe(LIMITS.cardsPerBoard);
    expect(clustersMap(server).size).toBe(LIMITS.clustersPerBoard);
    expect(cardsMap(server).has('old-0')).toBe(true);
    expect([...cardsMap(server).keys()].filter((k) => k.startsWith('new-'))).toHaveLength(1);
  });
});
