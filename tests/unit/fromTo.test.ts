import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  EXTRA_ROUNDS,
  LIMITS,
  addMovement,
  buildReport,
  changeDots,
  changeMovementDots,
  fromToMap,
  movementDotVerdict,
  movementFieldVerdict,
  movementText,
  movementVerdict,
  openBoardRound,
  rankMovements,
  readMovements,
  readOwnDots,
  refusalReason,
  tallyMovementDots,
  writerFor,
} from '@casusbord/shared';
import { renderReport } from '../../server/src/export/formats';
import { enforceContentLimits } from '../../server/src/yjs/contentLimits';
import { docxXml, pdfToText } from '../helpers/reportFiles';
import { reportSession } from '../helpers/reportInput';
import { applyAs, boardDoc, host, participant, stateWith } from '../helpers/policyDoc';

/** Issue 16, the from → to table: its accessors, its dots, who may write it, and its report rows. */

const row = (id: string, from: string, to: string, authorId = 'ben', createdAt = 1) => ({
  id,
  from,
  to,
  authorId,
  createdAt,
});

describe('from → to: the table in a Y.Doc (pure)', () => {
  it('rows keep both cells as co-editable texts, oldest first', () => {
    const doc = new Y.Doc();
    addMovement(doc, row('b', 'Zelf regelen', 'Bewoners vertrouwen', 'ben', 2));
    addMovement(doc, row('a', 'Plannen maken', 'Klein beginnen', 'anna', 2));
    addMovement(doc, row('c', 'Wachten op elkaar', 'Samen starten', 'ben', 1));
    expect(readMovements(doc).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    movementText(doc, 'a', 'to')!.insert(0, 'Heel ');
    expect(readMovements(doc).find((r) => r.id === 'a')?.to).toBe('Heel Klein beginnen');
    // A row without its two texts (a buggy client) is not a row.
    fromToMap(doc).set('broken', new Y.Map());
    expect(readMovements(doc)).toHaveLength(3);
  });

  it('dots on rows stay within the budget and spend none of the card dots', () => {
    const doc = new Y.Doc();
    addMovement(doc, row('a', 'Van', 'Naar'));
    addMovement(doc, row('b', 'Van 2', 'Naar 2'));
    expect(changeMovementDots(doc, 'ben', 'a', 2, 3)).toBe(true);
    expect(changeMovementDots(doc, 'ben', 'b', 2, 3)).toBe(false);
    expect(changeMovementDots(doc, 'ben', 'b', 1, 3)).toBe(true);
    expect(changeMovementDots(doc, 'ben', 'b', -2, 3)).toBe(false);
    // The card dots have a budget of their own.
    expect(changeDots(doc, 'ben', 'card-1', 3, 3)).toBe(true);
    expect(readOwnDots(doc, 'ben').get('card-1')).toBe(3);
    changeMovementDots(doc, 'anna', 'a', 1, 3);
    expect(Object.fromEntries(tallyMovementDots(doc, 3))).toEqual({ a: 3, b: 1 });
    // A lower budget caps what was written before, row by row in id order.
    expect(Object.fromEntries(tallyMovementDots(doc, 1))).toEqual({ a: 2 });
  });

  it('the report and the archive get the written rows, most dots first, then the oldest', async () => {
    const doc = new Y.Doc();
    addMovement(doc, row('a', 'Van a', 'Naar a', 'ben', 1));
    addMovement(doc, row('b', 'Van b', 'Naar b', 'ben', 2));
    addMovement(doc, row('c', 'Van c', 'Naar c', 'ben', 3));
    addMovement(doc, row('empty', '  ', '', 'ben', 0));
    changeMovementDots(doc, 'ben', 'c', 2, 3);
    changeMovementDots(doc, 'anna', 'b', 2, 3);
    changeMovementDots(doc, 'anna', 'a', 1, 3);
    expect(rankMovements(doc, 3).map((r) => [r.id, r.dots])).toEqual([
      ['b', 2],
      ['c', 2],
      ['a', 1],
    ]);
    const report = buildReport({
      session: reportSession(),
      participants: [],
      tables: [{ id: 't1', name: 'Tafel 1', doc }],
      dotBudget: 3,
    });
    expect(report.sections[0]!.movements).toEqual([
      { id: 'b', from: 'Van b', to: 'Naar b', dots: 2 },
      { id: 'c', from: 'Van c', to: 'Naar c', dots: 2 },
      { id: 'a', from: 'Van a', to: 'Naar a', dots: 1 },
    ]);

    // Every format shows the table: Van | Naar | Stippen, the rows in that order.
    const html = (await renderReport(report, 'html')).toString('utf8');
    expect(html).toContain('data-testid="report-movements"');
    expect(html.indexOf('Van b')).toBeLessThan(html.indexOf('Van a'));
    const md = (await renderReport(report, 'md')).toString('utf8');
    expect(md).toContain('| Van b | → | Naar b | 2 |');
    const xml = await docxXml(await renderReport(report, 'docx'));
    expect(xml).toContain('Van → naar');
    expect(xml).toMatch(/w:tblDescription w:val="Van → naar: van Van b naar Naar b \(2 stippen\)/);
    const pdf = pdfToText(await renderReport(report, 'pdf'));
    if (pdf !== null) {
      expect(pdf).toContain('Van → naar');
      expect(pdf.indexOf('Naar b')).toBeLessThan(pdf.indexOf('Naar a'));
      expect(pdf).toContain('2 stippen');
    }
  });
});

describe('from → to: who may write it (writeRules, pure)', () => {
  const fromTo = stateWith(openBoardRound('ft', { kind: 'from-to', openColumns: [], dots: false }));
  const advice = stateWith(openBoardRound('a', { openColumns: ['advice'], dots: true }));

  it('participants write rows and dot them in the from → to round only; the host writes rows always, never dots', () => {
    const ben = writerFor(fromTo, 'Sessie0001.t1', participant('ben'));
    expect(movementVerdict(ben)).toBeNull();
    expect(movementDotVerdict(ben, 'ben')).toBeNull();
    expect(movementDotVerdict(ben, 'anna')).toBe('own_entry');
    const later = writerFor(advice, 'Sessie0001.t1', participant('ben'));
    expect(movementVerdict(later)).toBe('from_to_closed');
    expect(movementDotVerdict(later, 'ben')).toBe('dots_closed');
    const h = writerFor(advice, 'Sessie0001.t1', host);
    expect(movementVerdict(h)).toBeNull();
    expect(movementDotVerdict(writerFor(fromTo, 'Sessie0001.t1', host), 'host')).toBe('dots_closed');
    // A row's author and creation time never change, and a cell is edited, never replaced.
    expect(movementFieldVerdict('authorId')).toBe('author');
    expect(movementFieldVerdict('from')).toBe('fixed_field');
    expect(refusalReason('from_to_closed')).toMatch(/^not_allowed: the from → to table/);
  });

  it('nobody writes it in a draft, on the plenary board (but the host), as a listening case holder, or after the handover', () => {
    expect(movementVerdict(writerFor(fromTo, 'Sessie0001.d-ben', participant('ben')))).toBe('from_to_closed');
    expect(movementVerdict(writerFor(fromTo, 'Sessie0001.plenary', participant('ben')))).toBe('from_to_closed');
    expect(movementVerdict(writerFor(fromTo, 'Sessie0001.plenary', host))).toBeNull();
    const listening = stateWith(openBoardRound('ft', { kind: 'from-to', caseHolderListens: true }));
    expect(movementVerdict(writerFor(listening, 'Sessie0001.t1', participant('anna')))).toBe('from_to_closed');
    expect(movementVerdict(writerFor(listening, 'Sessie0001.t1', participant('ben')))).toBeNull();
    const locked = { ...fromTo, locked: true };
    expect(movementVerdict(writerFor(locked, 'Sessie0001.t1', host))).toBe('from_to_closed');
    expect(movementVerdict(writerFor(locked, 'Sessie0001.t1', participant('ben')))).toBe('from_to_closed');
  });

  it('the host can add a from → to round to any session', () => {
    const round = EXTRA_ROUNDS.find((r) => r.kind === 'from-to');
    expect(round).toMatchObject({ openColumns: [], dots: false, privateWriting: false });
    expect(round!.title.nl).toBe('Van → naar');
  });
});

describe('from → to: the write policy in one Y.Doc', () => {
  const fromTo = stateWith(openBoardRound('ft', { kind: 'from-to', openColumns: [], dots: false }));
  const closed = stateWith(openBoardRound('q', { openColumns: ['question'], dots: false }));
  const rows = (doc: Y.Doc) => readMovements(doc);

  it('keeps what the round allows, credits each row to its writer', () => {
    const doc = boardDoc();
    expect(applyAs(doc, fromTo, participant('ben'), (d) => addMovement(d, row('r1', 'Zelf doen', '', 'anna')))).toEqual(
      ['author'],
    );
    expect(rows(doc)).toMatchObject([{ id: 'r1', from: 'Zelf doen', authorId: 'ben' }]);
    // Someone else co-edits the other cell of the same row.
    expect(applyAs(doc, fromTo, participant('anna'), (d) => movementText(d, 'r1', 'to')!.insert(0, 'Loslaten'))).toEqual(
      [],
    );
    expect(applyAs(doc, fromTo, participant('anna'), (d) => changeMovementDots(d, 'anna', 'r1', 2, 3))).toEqual([]);
    expect(rows(doc)[0]).toMatchObject({ from: 'Zelf doen', to: 'Loslaten' });
    expect(tallyMovementDots(doc, 3).get('r1')).toBe(2);
  });

  it('undoes a row, an edit or a deletion outside the round, and dots of someone else', () => {
    const doc = boardDoc();
    applyAs(doc, fromTo, participant('ben'), (d) => addMovement(d, row('r1', 'Van', 'Naar')));
    applyAs(doc, fromTo, participant('ben'), (d) => changeMovementDots(d, 'ben', 'r1', 1, 3));
    expect(applyAs(doc, closed, participant('mal'), (d) => addMovement(d, row('r2', 'Nep', 'Nep', 'mal')))).toEqual([
      'from_to_closed',
    ]);
    expect(applyAs(doc, closed, participant('mal'), (d) => movementText(d, 'r1', 'from')!.insert(0, 'Niet '))).toEqual(
      ['from_to_closed'],
    );
    expect(applyAs(doc, closed, participant('mal'), (d) => fromToMap(d).delete('r1'))).toEqual(['from_to_closed']);
    expect(rows(doc)).toMatchObject([{ id: 'r1', from: 'Van', to: 'Naar', authorId: 'ben' }]);
    // In the round itself: another person's dots, a dot on no row, a count beyond any budget.
    expect(applyAs(doc, fromTo, participant('mal'), (d) => changeMovementDots(d, 'ben', 'r1', 1, 3))).toEqual([
      'own_entry',
    ]);
    expect(applyAs(doc, fromTo, participant('mal'), (d) => changeMovementDots(d, 'mal', 'nowhere', 1, 3))).toEqual([
      'dots_closed',
    ]);
    expect(
      applyAs(doc, fromTo, participant('mal'), (d) => changeMovementDots(d, 'mal', 'r1', LIMITS.dotsPerPersonMax + 1, 99)),
    ).toEqual(['schema']);
    expect(Object.fromEntries(tallyMovementDots(doc, 3))).toEqual({ r1: 1 });
    // A row's author and a replaced cell are put back; an unknown field goes.
    expect(
      applyAs(doc, fromTo, participant('mal'), (d) => {
        const r = fromToMap(d).get('r1')!;
        r.set('authorId', 'mal');
        r.set('from', new Y.Text('Vervangen'));
        r.set('colour', 'red');
      }).sort(),
    ).toEqual(['author', 'fixed_field', 'schema']);
    expect(rows(doc)).toMatchObject([{ id: 'r1', from: 'Van', authorId: 'ben' }]);
    expect(fromToMap(doc).get('r1')!.has('colour')).toBe(false);
  });

  it('bounds the rows and the cells (contentLimits)', () => {
    const doc = boardDoc();
    const long = 'x'.repeat(LIMITS.movementChars + 20);
    let violations: string[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === 'client') violations = enforceContentLimits(doc, tr.changed, 'limits');
    });
    Y.transact(doc, () => addMovement(doc, row('r1', long, 'kort')), 'client');
    expect(violations).toEqual(['movement_too_long']);
    expect(rows(doc)[0]!.from).toHaveLength(LIMITS.movementChars);
    Y.transact(
      doc,
      () => {
        for (let i = 0; i <= LIMITS.movementsPerBoard; i++) addMovement(doc, row(`n${i}`, 'Van', 'Naar'));
      },
      'client',
    );
    expect(violations).toEqual(['too_many_movements']);
    expect(fromToMap(doc).size).toBe(LIMITS.movementsPerBoard);
  });
});
