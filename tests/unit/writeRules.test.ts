import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addCard,
  cardFieldVerdict,
  columnVerdict,
  coreQuestionVerdict,
  dotVerdict,
  learningVerdict,
  newCardFieldVerdict,
  openBoardRound,
  readCardDetails,
  setRating,
  refusalReason,
  writerFor,
} from '@casusbord/shared';
import { applyAs, boardDoc, host, participant, stateWith } from '../helpers/policyDoc';

describe('writeRules: who may write what (pure)', () => {
  const questions = stateWith(openBoardRound('q', { openColumns: ['question'], dots: false }));
  const reaction = stateWith(openBoardRound('r', { kind: 'reaction' }));
  const closing = stateWith(openBoardRound('c', { kind: 'closing' }));

  it('columns follow the round; the host writes every column', () => {
    const ben = writerFor(questions, 'Sessie0001.t1', participant('ben'));
    expect(ben.id).toBe('ben');
    expect(columnVerdict(ben, 'question')).toBeNull();
    expect(columnVerdict(ben, 'pitfall')).toBe('column_closed');
    expect(columnVerdict(ben, 'nonsense')).toBe('column_closed');
    const h = writerFor(questions, 'Sessie0001.t1', host);
    expect(h.id).toBe('host');
    expect(columnVerdict(h, 'pitfall')).toBeNull();
  });

  it('reactions: the case holder and the host, in the reaction round, on advice only', () => {
    expect(
      cardFieldVerdict(writerFor(reaction, 'Sessie0001.t1', participant('anna')), 'reaction', 'advice'),
    ).toBeNull();
    expect(cardFieldVerdict(writerFor(reaction, 'Sessie0001.t1', participant('anna')), 'reaction', 'question')).toBe(
      'reaction',
    );
    expect(cardFieldVerdict(writerFor(reaction, 'Sessie0001.t1', participant('ben')), 'reaction', 'advice')).toBe(
      'reaction',
    );
    expect(cardFieldVerdict(writerFor(questions, 'Sessie0001.t1', participant('anna')), 'reaction', 'advice')).toBe(
      'reaction',
    );
    expect(cardFieldVerdict(writerFor(reaction, 'Sessie0001.t1', host), 'reactionNote', 'advice')).toBeNull();
    expect(cardFieldVerdict(writerFor(reaction, 'Sessie0001.t1', host), 'authorId', 'advice')).toBe('author');
  });

  it('own dots in a voting round, own learning point in the closing round', () => {
    const ben = writerFor(reaction, 'Sessie0001.t1', participant('ben'));
    expect(dotVerdict(ben, 'ben', 'advice')).toBeNull();
    expect(dotVerdict(ben, 'anna', 'advice')).toBe('own_entry');
    expect(dotVerdict(writerFor(questions, 'Sessie0001.t1', participant('ben')), 'ben', 'question')).toBe(
      'dots_closed',
    );
    expect(dotVerdict(writerFor(reaction, 'Sessie0001.t1', host), 'host', 'advice')).toBe('dots_closed');
    expect(learningVerdict(writerFor(closing, 'Sessie0001.t1', participant('ben')), 'ben')).toBeNull();
    expect(learningVerdict(writerFor(closing, 'Sessie0001.t1', participant('ben')), 'anna')).toBe('own_entry');
    expect(learningVerdict(writerFor(reaction, 'Sessie0001.t1', participant('ben')), 'ben')).toBe('learning_closed');
  });

  it('the core question is the case holder’s and the host’s; drafts hold cards only; the plenary is the host’s', () => {
    expect(coreQuestionVerdict(writerFor(questions, 'Sessie0001.t1', participant('anna')))).toBeNull();
    expect(coreQuestionVerdict(writerFor(questions, 'Sessie0001.t1', participant('ben')))).toBe('core_question');
    const draft = writerFor(reaction, 'Sessie0001.d-ben', participant('ben'));
    expect(columnVerdict(draft, 'advice')).toBeNull();
    expect(dotVerdict(draft, 'ben', 'advice')).toBe('dots_closed');
    expect(columnVerdict(writerFor(reaction, 'Sessie0001.plenary', participant('ben')), 'advice')).toBe(
      'column_closed',
    );
    expect(columnVerdict(writerFor(reaction, 'Sessie0001.plenary', host), 'advice')).toBeNull();
    expect(columnVerdict(writerFor(null, 'Sessie0001.t1', participant('ben')), 'question')).toBe('column_closed');
  });

  it('ratings: the case holder and the host, in the rating round, on questions only', () => {
    const rating = stateWith(openBoardRound('rt', { kind: 'rating', openColumns: [], dots: false }));
    const anna = writerFor(rating, 'Sessie0001.t1', participant('anna'));
    expect(cardFieldVerdict(anna, 'rating', 'question')).toBeNull();
    expect(cardFieldVerdict(anna, 'rating', 'advice')).toBe('rating');
    expect(cardFieldVerdict(writerFor(rating, 'Sessie0001.t1', participant('ben')), 'rating', 'question')).toBe(
      'rating',
    );
    expect(cardFieldVerdict(writerFor(rating, 'Sessie0001.t1', host), 'rating', 'question')).toBeNull();
    // Outside the rating round nobody rates, not even the host; a reaction is not a rating.
    expect(cardFieldVerdict(writerFor(questions, 'Sessie0001.t1', participant('anna')), 'rating', 'question')).toBe(
      'rating',
    );
    expect(cardFieldVerdict(writerFor(reaction, 'Sessie0001.t1', host), 'rating', 'question')).toBe('rating');
    expect(cardFieldVerdict(anna, 'reaction', 'advice')).toBe('reaction');
    // A new card may not arrive rated by someone who may not rate; a draft never rates.
    expect(newCardFieldVerdict(writerFor(questions, 'Sessie0001.t1', participant('ben')), 'rating', 'question')).toBe(
      'rating',
    );
    expect(cardFieldVerdict(writerFor(rating, 'Sessie0001.d-anna', participant('anna')), 'rating', 'question')).toBe(
      'rating',
    );
  });

  it('a listening case holder writes nothing: no card, no draft, no dot, no core question', () => {
    const gossip = stateWith(
      openBoardRound('g', { openColumns: ['pitfall', 'advice'], dots: true, caseHolderListens: true }),
    );
    const anna = writerFor(gossip, 'Sessie0001.t1', participant('anna'));
    expect(columnVerdict(anna, 'pitfall')).toBe('column_closed');
    expect(dotVerdict(anna, 'anna', 'advice')).toBe('dots_closed');
    expect(coreQuestionVerdict(anna)).toBe('core_question');
    expect(columnVerdict(writerFor(gossip, 'Sessie0001.d-anna', participant('anna')), 'pitfall')).toBe('column_closed');
    // The others write and vote as the round says; the host is never a listener.
    const ben = writerFor(gossip, 'Sessie0001.t1', participant('ben'));
    expect(columnVerdict(ben, 'pitfall')).toBeNull();
    expect(dotVerdict(ben, 'ben', 'advice')).toBeNull();
    expect(columnVerdict(writerFor(gossip, 'Sessie0001.t1', host), 'pitfall')).toBeNull();
    // Without a case holder nobody listens.
    const noHolder = stateWith(openBoardRound('g', { caseHolderListens: true }), null);
    expect(columnVerdict(writerFor(noHolder, 'Sessie0001.t1', participant('anna')), 'pitfall')).toBeNull();
  });

  it('refusal reasons carry their code first', () => {
    expect(refusalReason('reaction')).toMatch(/^not_allowed: /);
    expect(refusalReason('rating')).toMatch(/^not_allowed: only the case holder .* rates questions/);
    expect(refusalReason('schema')).toMatch(/^not_in_schema: /);
    expect(refusalReason('board_full')).toMatch(/^board_full: /);
  });
});

describe('writePolicy: corrections in one Y.Doc', () => {
  it('removes a text attribute and an embed from a card text, keeps the typed characters', () => {
    const state = stateWith(openBoardRound('o'));
    const doc = boardDoc();
    applyAs(doc, state, participant('ben'), (d) =>
      addCard(d, { id: 'c1', column: 'question', text: 'Wie?', authorId: 'ben', createdAt: 1 }),
    );
    const refusals = applyAs(doc, state, participant('ben'), (d) => {
      const text = d.getMap<Y.Map<unknown>>('cards').get('c1')!.get('text') as Y.Text;
      text.setAttribute('color', 'red');
      text.insertEmbed(0, { img: 'x' });
    });
    expect(refusals).toContain('schema');
    const text = doc.getMap<Y.Map<unknown>>('cards').get('c1')!.get('text') as Y.Text;
    expect(text.toString()).toBe('Wie?');
    expect(text.getAttribute('color')).toBeUndefined();
  });

  it('puts a deleted card back whole when its column is closed', () => {
    const open = stateWith(openBoardRound('o'));
    const closed = stateWith(openBoardRound('q', { openColumns: ['question'] }));
    const doc = boardDoc();
    applyAs(doc, open, participant('ben'), (d) =>
      addCard(d, { id: 'a1', column: 'advice', text: 'Begin klein', authorId: 'ben', createdAt: 1 }),
    );
    expect(applyAs(doc, closed, participant('mal'), (d) => d.getMap('cards').delete('a1'))).toEqual(['column_closed']);
    const card = doc.getMap<Y.Map<unknown>>('cards').get('a1')!;
    expect(card.get('authorId')).toBe('ben');
    expect(String(card.get('text'))).toBe('Begin klein');
  });

  it("undoes a participant's rating and keeps the case holder's, in the rating round", () => {
    const open = stateWith(openBoardRound('o'));
    const rating = stateWith(openBoardRound('rt', { kind: 'rating', openColumns: [], dots: false }));
    const doc = boardDoc();
    applyAs(doc, open, participant('ben'), (d) =>
      addCard(d, { id: 'q1', column: 'question', text: 'Wat maakt dit lastig?', authorId: 'ben', createdAt: 1 }),
    );
    const ratingOf = (id: string) => readCardDetails(doc).find((c) => c.id === id)?.rating;

    expect(applyAs(doc, rating, participant('anna'), (d) => setRating(d, 'q1', 'warm'))).toEqual([]);
    expect(ratingOf('q1')).toBe('warm');
    expect(applyAs(doc, rating, participant('ben'), (d) => setRating(d, 'q1', 'cold'))).toEqual(['rating']);
    expect(ratingOf('q1')).toBe('warm');
    expect(applyAs(doc, rating, participant('ben'), (d) => setRating(d, 'q1', null))).toEqual(['rating']);
    expect(ratingOf('q1')).toBe('warm');
    // Not a rating value: removed as outside the schema, the case holder's rating put back.
    expect(
      applyAs(doc, rating, participant('anna'), (d) =>
        d.getMap<Y.Map<unknown>>('cards').get('q1')!.set('rating', 'hot'),
      ),
    ).toEqual(['schema']);
    expect(ratingOf('q1')).toBe('warm');
    // A question that arrives rated in an open round keeps its text but loses the rating.
    const refusals = applyAs(doc, open, participant('ben'), (d) => {
      addCard(d, { id: 'q2', column: 'question', text: 'Wie besliste?', authorId: 'ben', createdAt: 2 });
      setRating(d, 'q2', 'warm');
    });
    expect(refusals).toEqual(['rating']);
    expect(readCardDetails(doc).find((c) => c.id === 'q2')).toMatchObject({ text: 'Wie besliste?', rating: null });
  });
});
