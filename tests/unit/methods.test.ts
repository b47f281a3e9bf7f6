import { describe, expect, it } from 'vitest';
import { COLUMNS, getMethod, METHOD_IDS, METHODS, methodRounds, roundSchema, totalMinutes } from '@casusbord/shared';

describe('methods', () => {
  it('offers exactly the methods a session can be created with', () => {
    expect(Object.keys(METHODS).sort()).toEqual([...METHOD_IDS].sort());
    for (const id of METHOD_IDS) expect(getMethod(id).id).toBe(id);
  });

  it('intervision-90 lasts 90 minutes in the order of the incident method', () => {
    const method = getMethod('intervision-90');
    expect(totalMinutes(method.rounds)).toBe(90);
    expect(method.rounds.map((r) => [r.id, r.minutes])).toEqual([
      ['welcome', 5],
      ['introduction', 10],
      ['questions', 15],
      ['core-question', 5],
      ['analysis', 25],
      ['advice', 15],
      ['reaction', 10],
      ['closing', 5],
    ]);
  });

  it('intervision-90 opens the right columns in each round', () => {
    const byId = Object.fromEntries(getMethod('intervision-90').rounds.map((r) => [r.id, r]));
    expect(byId.introduction?.openColumns).toEqual([]);
    expect(byId.questions?.openColumns).toEqual(['question']);
    expect(byId.analysis?.openColumns).toEqual(['pitfall', 'opportunity']);
    expect(byId.analysis?.privateWriting).toBe(true);
    expect(byId.advice?.openColumns).toEqual(['advice']);
    expect(byId.advice?.dots).toBe(true);
    expect(byId.reaction?.kind).toBe('reaction');
    expect(byId['core-question']?.kind).toBe('core-question');
    // Only analysis is private and only advice has dots.
    expect(
      Object.values(byId)
        .filter((r) => r.privateWriting)
        .map((r) => r.id),
    ).toEqual(['analysis']);
    expect(
      Object.values(byId)
        .filter((r) => r.dots)
        .map((r) => r.id),
    ).toEqual(['advice']);
  });

  it('case day runs the tables in parallel, then a plenary, then the handover', () => {
    const method = getMethod('case-day');
    expect(method.parallelTables).toBe(true);
    const kinds = method.rounds.map((r) => r.kind);
    expect(kinds.slice(-2)).toEqual(['plenary', 'handover']);
    const tableKinds = method.rounds.filter((r) => r.scope === 'table').map((r) => r.kind);
    expect(tableKinds).toEqual(['introduction', 'questions', 'analysis', 'advice']);
    const plenary = method.rounds.find((r) => r.kind === 'plenary');
    expect(plenary?.scope).toBe('plenary');
    expect(plenary?.openColumns).toContain('advice');
  });

  it('custom starts with a short list', () => {
    const rounds = getMethod('custom').rounds;
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.length).toBeLessThanOrEqual(6);
  });

  for (const id of METHOD_IDS) {
    describe(id, () => {
      const method = getMethod(id);

      it('has unique round ids', () => {
        const ids = method.rounds.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
      });

      it('has a Dutch and an English title and instruction for every round, and they differ', () => {
        for (const round of method.rounds) {
          for (const text of [round.title, round.instruction]) {
            expect(text.nl.trim()).not.toBe('');
            expect(text.en.trim()).not.toBe('');
          }
          expect(round.instruction.nl).not.toBe(round.instruction.en);
        }
        expect(method.title.nl && method.title.en && method.description.nl && method.description.en).toBeTruthy();
      });

      it('has instructions of one or two sentences', () => {
        for (const round of method.rounds) {
          for (const text of [round.instruction.nl, round.instruction.en]) {
            const sentences = text.split(/[.!?](\s|$)/).filter((part) => part.trim().length > 1);
            expect(sentences.length, text).toBeGreaterThanOrEqual(1);
            expect(sentences.length, text).toBeLessThanOrEqual(2);
          }
        }
      });

      it('has rounds that pass the schema the host edits with', () => {
        for (const round of method.rounds) {
          expect(roundSchema.safeParse(round).success, round.id).toBe(true);
          expect(round.openColumns.every((c) => (COLUMNS as readonly string[]).includes(c))).toBe(true);
        }
      });
    });
  }

  it('templates cannot be changed by a session, and copies are independent', () => {
    const template = getMethod('intervision-90').rounds[0]!;
    expect(() => {
      (template as { minutes: number }).minutes = 99;
    }).toThrow();
    const copy = methodRounds('intervision-90');
    copy[2]!.openColumns.push('advice');
    copy[2]!.minutes = 1;
    expect(getMethod('intervision-90').rounds[2]!.openColumns).toEqual(['question']);
    expect(getMethod('intervision-90').rounds[2]!.minutes).toBe(15);
  });

  it('rejects a round with a bad duration or duplicate columns', () => {
    const round = methodRounds('custom')[0]!;
    expect(roundSchema.safeParse({ ...round, minutes: 0 }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, minutes: 241 }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, openColumns: ['advice', 'advice'] }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, title: { nl: 'Alleen Nederlands' } }).success).toBe(false);
  });
});
