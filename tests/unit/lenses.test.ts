import { describe, expect, it } from 'vitest';
import { BUILTIN_LENSES, MAX_ARCHIVE_LENSES, SIX_HATS, lensesQuery, pitfallKey, selectLenses } from '@casusbord/shared';

describe('lens selection', () => {
  it('always holds the built-in deck in the session language, with the five recurring pitfalls', () => {
    const nl = selectLenses('nl', []);
    const en = selectLenses('en', []);
    expect(nl.length).toBeGreaterThanOrEqual(5);
    expect(nl.map((l) => l.id).slice(0, 5)).toEqual(['one-team', 'guiding-goal', 'waiting', 'out-of-view', 'finance']);
    expect(nl.every((l) => l.source === 'builtin' && l.count === 0)).toBe(true);
    expect(nl[0]!.text).toMatch(/partners/);
    expect(en[4]!.text).toMatch(/financial/);
    expect(new Set(BUILTIN_LENSES.map((l) => l.id)).size).toBe(BUILTIN_LENSES.length);
  });

  it('counts archive pitfalls that fit a built-in lens on that lens', () => {
    const lenses = selectLenses('nl', [
      'Partners werken langs elkaar heen',
      'Het budget is te krap',
      'Financiering na 2026 onzeker',
      'Jongeren uit beeld',
    ]);
    const count = (id: string) => lenses.find((l) => l.id === id)!.count;
    expect(count('one-team')).toBe(1);
    expect(count('finance')).toBe(2);
    expect(count('out-of-view')).toBe(1);
    expect(lenses.filter((l) => l.source === 'archive')).toEqual([]);
  });

  it('adds other pitfalls named at least twice, most often first, grouped regardless of case and word order', () => {
    const pitfalls = [
      'Te veel overleg',
      'te veel OVERLEG!',
      'Overleg te veel',
      'Bestuurlijke drukte',
      'bestuurlijke drukte',
      'Eenmalig genoemd',
      '   ',
    ];
    const archive = selectLenses('en', pitfalls).filter((l) => l.source === 'archive');
    expect(archive.map((l) => [l.text, l.count])).toEqual([
      ['Te veel overleg', 3],
      ['Bestuurlijke drukte', 2],
    ]);
    expect(archive[0]!.id).toBe(`archive:${pitfallKey('Te veel overleg').replace(/ /g, '-')}`);
  });

  it(`shows at most ${MAX_ARCHIVE_LENSES} archive pitfalls`, () => {
    const pitfalls = Array.from({ length: 8 }, (_, i) => [`Knelpunt nummer${i}`, `knelpunt nummer${i}`]).flat();
    const lenses = selectLenses('nl', pitfalls);
    expect(lenses.filter((l) => l.source === 'archive')).toHaveLength(MAX_ARCHIVE_LENSES);
  });

  it('offers the six thinking hats as a set of their own, in both languages, without the archive', () => {
    const nl = selectLenses('nl', ['Te veel overleg', 'te veel overleg'], 'six-hats');
    const en = selectLenses('en', [], 'six-hats');
    expect(nl.map((l) => l.id)).toEqual(['hat-white', 'hat-red', 'hat-black', 'hat-yellow', 'hat-green', 'hat-blue']);
    expect(en.map((l) => l.id)).toEqual(nl.map((l) => l.id));
    expect(nl.every((l) => l.source === 'builtin' && l.count === 0)).toBe(true);
    for (let i = 0; i < nl.length; i++) expect(nl[i]!.text).not.toBe(en[i]!.text);
    expect(nl[0]!.text).toMatch(/^Witte hoed/);
    expect(en[3]!.text).toMatch(/^Yellow hat/);
    // A card made from a hat goes where that way of looking belongs.
    expect(Object.fromEntries(nl.map((l) => [l.id, l.column]))).toMatchObject({
      'hat-black': 'pitfall',
      'hat-yellow': 'opportunity',
      'hat-green': 'opportunity',
    });
    expect(SIX_HATS).toHaveLength(6);
    // The default set is still the pitfall deck.
    expect(selectLenses('nl', []).map((l) => l.id)).toEqual(BUILTIN_LENSES.map((l) => l.id));
  });

  it('accepts only known lens sets in the query', () => {
    expect(lensesQuery.safeParse({ set: 'six-hats' }).success).toBe(true);
    expect(lensesQuery.safeParse({}).success).toBe(true);
    expect(lensesQuery.safeParse({ set: 'seven-hats' }).success).toBe(false);
  });
});
