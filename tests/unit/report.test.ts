import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addCluster,
  buildReport,
  changeDots,
  coreQuestionText,
  dotsMap,
  learningsMap,
  setCardCluster,
  setRating,
  setReaction,
  type Column,
  type ReportInput,
} from '@casusbord/shared';

const session: ReportInput['session'] = {
  title: 'Intervisie wijkaanpak',
  city: 'Amersfoort',
  question: 'Hoe krijgen we de partners op één lijn?',
  caseHolderName: 'Sanne',
  locale: 'nl',
  date: '2026-11-29',
  facilitator: null,
};

let clock = 1000;
function card(doc: Y.Doc, id: string, column: Column, text: string, createdAt = clock++): void {
  addCard(doc, { id, column, text, authorId: 'p1', createdAt });
}

function input(tables: ReportInput['tables'], extra: Partial<ReportInput> = {}): ReportInput {
  return { session, participants: [], tables, dotBudget: 3, ...extra };
}

describe('advice ranking', () => {
  it('ranks by dots, most first; ties put the older advice first', () => {
    const doc = new Y.Doc();
    card(doc, 'a', 'advice', 'Maak één gezamenlijk doel', 10);
    card(doc, 'b', 'advice', 'Betrek jongeren vanaf het begin', 30);
    card(doc, 'c', 'advice', 'Reken de begroting door', 20);
    card(doc, 'd', 'advice', 'Zonder stippen', 5);
    changeDots(doc, 'p1', 'a', 1, 3);
    changeDots(doc, 'p1', 'b', 2, 3);
    changeDots(doc, 'p2', 'c', 2, 3);
    changeDots(doc, 'p2', 'b', 1, 3);
    changeDots(doc, 'p3', 'c', 1, 3);

    const advice = buildReport(input([{ id: 't1', name: 'Tafel 1', doc }])).sections[0]!.advice;
    expect(advice.map((a) => [a.id, a.dots, a.rank])).toEqual([
      ['c', 3, 1], // 3 dots, created at 20
      ['b', 3, 2], // 3 dots, created at 30
      ['a', 1, 3],
      ['d', 0, 4],
    ]);
  });

  it('counts nobody beyond the dot budget, whatever a client wrote', () => {
    const doc = new Y.Doc();
    card(doc, 'a', 'advice', 'Eén');
    card(doc, 'b', 'advice', 'Twee');
    // A buggy or hostile client writes its own entry directly, past the budget of 3.
    doc.transact(() => {
      const greedy = new Y.Map<number>();
      dotsMap(doc).set('greedy', greedy);
      greedy.set('a', 10);
      greedy.set('b', 10);
      const fair = new Y.Map<number>();
      dotsMap(doc).set('fair', fair);
      fair.set('b', 2);
    });
    const report = buildReport(input([{ id: 't1', name: 'Tafel 1', doc }]));
    const dots = Object.fromEntries(report.sections[0]!.advice.map((a) => [a.id, a.dots]));
    // greedy: 3 counted, in card-id order (all on "a"); fair: 2 on "b".
    expect(dots).toEqual({ a: 3, b: 2 });
    expect(report.sections[0]!.totalDots).toBe(5);
  });

  it('carries the reaction and its note, and counts the reactions', () => {
    const doc = new Y.Doc();
    card(doc, 'a', 'advice', 'Eén');
    card(doc, 'b', 'advice', 'Twee');
    card(doc, 'c', 'advice', 'Drie');
    setReaction(doc, 'a', 'adopt', 'Doen we volgende maand');
    setReaction(doc, 'b', 'not-now', 'Past niet in de begroting van dit jaar');
    const s = buildReport(input([{ id: 't1', name: 'Tafel 1', doc }])).sections[0]!;
    expect(s.advice.find((a) => a.id === 'b')).toMatchObject({
      reaction: 'not-now',
      reactionNote: 'Past niet in de begroting van dit jaar',
    });
    expect(s.advice.find((a) => a.id === 'c')).toMatchObject({ reaction: null, reactionNote: '' });
    expect(s.reactions).toEqual({ adopt: 1, consider: 0, 'not-now': 1, none: 1 });
  });
});

describe('clusters', () => {
  it('groups pitfalls and opportunities by cluster in cluster order, loose cards last', () => {
    const doc = new Y.Doc();
    addCluster(doc, { id: 'k2', title: 'Samenwerking', column: 'pitfall', createdAt: 2 });
    addCluster(doc, { id: 'k1', title: 'Geld', column: 'pitfall', createdAt: 1 });
    addCluster(doc, { id: 'k3', title: 'Leeg', column: 'pitfall', createdAt: 3 });
    card(doc, 'p1', 'pitfall', 'Iedereen wacht op elkaar');
    card(doc, 'p2', 'pitfall', 'Te rooskleurige begroting');
    card(doc, 'p3', 'pitfall', 'Geen richtinggevend doel');
    card(doc, 'p4', 'pitfall', 'Partners nog geen team');
    card(doc, 'o1', 'opportunity', 'Bewoners willen meedoen');
    card(doc, 'a1', 'advice', 'Stel een kwartiermaker aan');
    setCardCluster(doc, 'p1', 'k2');
    setCardCluster(doc, 'p4', 'k2');
    setCardCluster(doc, 'p2', 'k1');
    setCardCluster(doc, 'p3', 'gone'); // a cluster that was removed: the card counts as loose
    setCardCluster(doc, 'a1', 'k2');

    const s = buildReport(input([{ id: 't1', name: 'Tafel 1', doc }])).sections[0]!;
    expect(s.pitfalls.map((g) => [g.title, g.cards.map((c) => c.id)])).toEqual([
      ['Geld', ['p2']],
      ['Samenwerking', ['p1', 'p4']],
      [null, ['p3']],
    ]);
    expect(s.opportunities).toEqual([
      { id: null, title: null, cards: [{ id: 'o1', text: 'Bewoners willen meedoen' }] },
    ]);
    expect(s.advice[0]!.cluster).toBe('Samenwerking');
  });

  it('lists questions and learning points, and drops empty cards', () => {
    const doc = new Y.Doc();
    card(doc, 'q1', 'question', 'Wie is eigenaar van het plan?');
    card(doc, 'q2', 'question', '   ');
    card(doc, 'q3', 'question', 'Met\u0007 belletje\u0000');
    const s = buildReport(input([{ id: 't1', name: 'Tafel 1', doc }])).sections[0]!;
    expect(s.questions.map((q) => q.text)).toEqual(['Wie is eigenaar van het plan?', 'Met belletje']);
  });
});

describe('rated questions (Socratic intervision)', () => {
  it('lists the warm questions first, then neutral, cold and unrated, board order within each', () => {
    const doc = new Y.Doc();
    card(doc, 'q1', 'question', 'Wat wilde je bereiken?', 1);
    card(doc, 'q2', 'question', 'Wie merkte het eerst?', 2);
    card(doc, 'q3', 'question', 'Wat vond je zelf belangrijk?', 3);
    card(doc, 'q4', 'question', 'Hoe laat was het?', 4);
    card(doc, 'q5', 'question', 'Wat liet je los?', 5);
    setRating(doc, 'q4', 'cold');
    setRating(doc, 'q3', 'warm');
    setRating(doc, 'q1', 'neutral');
    setRating(doc, 'q5', 'warm');
    doc.getMap<Y.Map<unknown>>('cards').get('q2')!.set('rating', 'lukewarm'); // not a rating: unrated
    const s = buildReport(input([{ id: 't1', name: 'Tafel 1', doc }])).sections[0]!;
    expect(s.questions.map((q) => [q.id, q.rating])).toEqual([
      ['q3', 'warm'],
      ['q5', 'warm'],
      ['q1', 'neutral'],
      ['q4', 'cold'],
      ['q2', null],
    ]);
  });

  it('keeps the board order when nobody rated', () => {
    const doc = new Y.Doc();
    card(doc, 'q1', 'question', 'Eerste', 1);
    card(doc, 'q2', 'question', 'Tweede', 2);
    const s = buildReport(input([{ id: 't1', name: 'Tafel 1', doc }])).sections[0]!;
    expect(s.questions).toEqual([
      { id: 'q1', text: 'Eerste', rating: null },
      { id: 'q2', text: 'Tweede', rating: null },
    ]);
  });
});

describe('consent', () => {
  it('names only those who consented; the others are a count, their names appear nowhere', () => {
    const doc = new Y.Doc();
    learningsMap(doc).set('anna', 'Eerst luisteren, dan adviseren');
    learningsMap(doc).set('bram', 'Vragen stellen is lastiger dan gedacht');
    learningsMap(doc).set('cor', 'Doelen eerst');
    const report = buildReport(
      input([{ id: 't1', name: 'Tafel 1', doc }], {
        participants: [
          { id: 'anna', name: 'Anna de Vries', consentToBeNamed: true },
          { id: 'bram', name: 'Bram Bakker', consentToBeNamed: false },
          // A record from before consent was asked: not named.
          { id: 'cor', name: 'Cor Jansen' } as unknown as ReportInput['participants'][number],
        ],
      }),
    );
    expect(report.participants).toEqual({ named: ['Anna de Vries'], unnamedCount: 2, total: 3 });
    expect(report.sections[0]!.learnings).toEqual([
      { text: 'Eerst luisteren, dan adviseren', author: 'Anna de Vries' },
      { text: 'Doelen eerst', author: null },
      { text: 'Vragen stellen is lastiger dan gedacht', author: null },
    ]);
    const json = JSON.stringify(report);
    expect(json).not.toContain('Bram');
    expect(json).not.toContain('Cor Jansen');
  });
});

describe('core question', () => {
  it("takes the board's core question, else the session question", () => {
    const empty = new Y.Doc();
    expect(buildReport(input([{ id: 't1', name: 'Tafel 1', doc: empty }])).coreQuestion).toBe(session.question);
    const sharpened = new Y.Doc();
    coreQuestionText(sharpened).insert(0, '  Hoe maken we van vijf partners één team?\n');
    const report = buildReport(input([{ id: 't1', name: 'Tafel 1', doc: sharpened }]));
    expect(report.coreQuestion).toBe('Hoe maken we van vijf partners één team?');
    expect(report.caseDay).toBe(false);
    expect(report.sections[0]!.kind).toBe('board');
  });
});

describe('case day', () => {
  it('has the plenary first, then one section per table, each ranked on its own dots', () => {
    const t1 = new Y.Doc();
    const t2 = new Y.Doc();
    const plenary = new Y.Doc();
    card(t1, 'x', 'advice', 'Tafel 1 advies');
    card(t2, 'y', 'advice', 'Tafel 2 advies A');
    card(t2, 'z', 'advice', 'Tafel 2 advies B');
    changeDots(t2, 'p1', 'z', 3, 3);
    coreQuestionText(t2).insert(0, 'Vraag van tafel 2');
    coreQuestionText(plenary).insert(0, 'De gezamenlijke kernvraag');
    // Promoted cards are copies with promotedFrom "<groupId>:<cardId>".
    addCard(plenary, { id: 'p-t2-z', column: 'advice', text: 'Tafel 2 advies B', authorId: 'p1', createdAt: 1 });
    addCard(plenary, { id: 'p-t1-x', column: 'advice', text: 'Tafel 1 advies', authorId: 'p1', createdAt: 2 });
    plenary.getMap<Y.Map<unknown>>('cards').get('p-t2-z')!.set('promotedFrom', 't2:z');
    plenary.getMap<Y.Map<unknown>>('cards').get('p-t1-x')!.set('promotedFrom', 't1:x');
    changeDots(plenary, 'p9', 'p-t1-x', 2, 3);

    const report = buildReport(
      input(
        [
          { id: 't1', name: 'Tafel 1', doc: t1 },
          { id: 't2', name: 'Tafel 2', doc: t2 },
        ],
        { plenary: { id: 'plenary', name: 'Plenair', doc: plenary } },
      ),
    );
    expect(report.caseDay).toBe(true);
    expect(report.coreQuestion).toBe('De gezamenlijke kernvraag');
    expect(report.sections.map((s) => [s.kind, s.id])).toEqual([
      ['plenary', 'plenary'],
      ['table', 't1'],
      ['table', 't2'],
    ]);
    expect(report.sections[0]!.advice.map((a) => [a.text, a.dots, a.fromTable])).toEqual([
      ['Tafel 1 advies', 2, 'Tafel 1'],
      ['Tafel 2 advies B', 0, 'Tafel 2'],
    ]);
    expect(report.sections[2]!.advice.map((a) => [a.id, a.dots])).toEqual([
      ['z', 3],
      ['y', 0],
    ]);
    expect(report.sections[2]!.coreQuestion).toBe('Vraag van tafel 2');
  });

  it('is a case day with several tables even before anything was promoted', () => {
    const report = buildReport(
      input([
        { id: 't1', name: 'Tafel 1', doc: new Y.Doc() },
        { id: 't2', name: 'Tafel 2', doc: new Y.Doc() },
      ]),
    );
    expect(report.caseDay).toBe(true);
    expect(report.sections.map((s) => s.kind)).toEqual(['table', 'table']);
  });
});
