import { describe, expect, it } from 'vitest';
import { bookletQuery, buildBooklet, isEmptyChapter, type StoredArchiveEntry } from '@casusbord/shared';

/** Noon in Amsterdam on a day, so the Dutch calendar day is that day whatever the server's zone. */
const at = (day: string) => Date.parse(`${day}T12:00:00+01:00`);

function entry(
  id: string,
  day: string,
  theme: string | null,
  more: Partial<StoredArchiveEntry> = {},
): StoredArchiveEntry {
  return {
    sessionId: id,
    title: `Sessie ${id}`,
    city: 'Zwolle',
    theme,
    handedOverAt: at(day),
    coreQuestion: '',
    followUpOf: null,
    advice: [],
    followUp: [],
    readings: [],
    ...more,
  };
}

const archive: StoredArchiveEntry[] = [
  entry('a', '2025-03-10', 'Jongeren', {
    learnings: ['Begin bij de jongeren zelf'],
    advice: [
      {
        cardId: 'c1',
        text: 'Vraag de jongerenwerker erbij',
        dots: 4,
        reaction: 'adopt',
        reactionNote: 'Doen we in april',
      },
      { cardId: 'c2', text: 'Schrijf een nota', dots: 1, reaction: 'not-now', reactionNote: null },
    ],
    quotes: [
      { text: 'Luisteren is ook werken', author: 'Sanne', consent: true },
      { text: 'Dit mag niemand lezen', author: 'Piet', consent: false },
    ],
    movements: [{ id: 'm1', from: 'zelfredzaamheid opbouwen', to: 'erop vertrouwen', dots: 5 }],
    dilemmas: [
      { id: 'd1', text: 'Snel of zorgvuldig?', left: 'snel', right: 'zorgvuldig', positions: [0.1, 0.5, 0.9, 0.95, 7] },
    ],
    readings: [
      {
        reviewId: 'r1',
        title: 'Het sociale domein',
        author: 'Jansen',
        link: '',
        verdict: 'useful',
        why: 'Goed overzicht',
        reactions: [],
      },
      {
        reviewId: 'r2',
        title: 'Buurtkracht',
        author: 'Bakker',
        link: 'https://example.org/b',
        verdict: 'must-read',
        why: 'Praktisch',
        reactions: ['Eens'],
      },
    ],
  }),
  entry('b', '2025-06-01', 'jongeren ', { learnings: ['Maak de doelen samen'] }),
  entry('c', '2025-04-02', 'Armoede', {
    quotes: [
      { text: 'Zonder toestemming', author: 'Kees' } as unknown as { text: string; author: string; consent: boolean },
    ],
  }),
  entry('d', '2025-05-05', null, { learnings: ['Zonder thema geleerd'] }),
  entry('old', '2024-12-31', 'Jongeren', { learnings: ['Te vroeg'] }),
  entry('late', '2026-01-01', 'Jongeren', { learnings: ['Te laat'] }),
];

const year2025 = { from: '2025-01-01', to: '2025-12-31', community: 'Wijkenaanpak' } as const;

describe('buildBooklet', () => {
  it('makes one chapter per theme (spelling-insensitive), alphabetically, the sessions without a theme last', () => {
    const b = buildBooklet(archive, { ...year2025, language: 'nl' });
    expect(b.chapters.map((c) => c.title)).toEqual(['Armoede', 'Jongeren', 'Zonder thema']);
    const youth = b.chapters[1]!;
    expect(youth.sessions.map((s) => s.sessionId)).toEqual(['a', 'b']);
    expect(youth.sessionsLabel).toBe('2 bijeenkomsten');
    expect(b.sessionCount).toBe(4);
  });

  it('collects lessons (learning points and adopted advice only), movements, readings and dilemma spreads', () => {
    const youth = buildBooklet(archive, { ...year2025, language: 'nl' }).chapters[1]!;
    expect(youth.lessons.map((l) => [l.kind, l.text, l.note])).toEqual([
      ['learning', 'Begin bij de jongeren zelf', null],
      ['adopted', 'Vraag de jongerenwerker erbij', 'Doen we in april'],
      ['learning', 'Maak de doelen samen', null],
    ]);
    expect(youth.movements).toMatchObject([
      { from: 'zelfredzaamheid opbouwen', to: 'erop vertrouwen', dotsLabel: '5 stippen' },
    ]);
    // Must read first.
    expect(youth.readings.map((r) => [r.title, r.verdictLabel])).toEqual([
      ['Buurtkracht', 'moet je lezen'],
      ['Het sociale domein', 'bruikbaar'],
    ]);
    const [d] = youth.dilemmas;
    expect(d!.positions).toEqual([0.1, 0.5, 0.9, 0.95, 1]);
    expect(d!.summary).toBe('5 markeringen: 1 richting „snel”, 1 in het midden, 3 richting „zorgvuldig”.');
  });

  it('quotes only people who consented: a quote without consent never appears anywhere', () => {
    const b = buildBooklet(archive, { ...year2025, language: 'nl' });
    expect(b.chapters.flatMap((c) => c.quotes)).toEqual([
      expect.objectContaining({ text: 'Luisteren is ook werken', author: 'Sanne' }),
    ]);
    const all = JSON.stringify(b);
    for (const hidden of ['Dit mag niemand lezen', 'Piet', 'Zonder toestemming', 'Kees'])
      expect(all).not.toContain(hidden);
    expect(isEmptyChapter(b.chapters[0]!)).toBe(true);
  });

  it('keeps to the period, both days included, counted in Dutch time', () => {
    const b = buildBooklet(archive, { from: '2025-03-10', to: '2025-04-02', language: 'nl' });
    expect(b.chapters.flatMap((c) => c.sessions.map((s) => s.sessionId))).toEqual(['c', 'a']);
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    const edge = [entry('nye', '2025-01-01', 'X', { handedOverAt: Date.parse('2024-12-31T23:30:00Z') })];
    expect(buildBooklet(edge, { from: '2025-01-01', to: '2025-01-01', language: 'nl' }).sessionCount).toBe(1);
    const none = buildBooklet(archive, { from: '2020-01-01', to: '2020-12-31', language: 'nl' });
    expect(none.chapters).toEqual([]);
    expect(none.texts.emptyPeriod).toMatch(/geen bijeenkomst/);
  });

  it('speaks English on request: headings, labels, period and the chapter without a theme', () => {
    const b = buildBooklet(archive, { ...year2025, language: 'en' });
    expect(b.texts.lessons).toBe('Lessons');
    expect(b.texts.tocHeading).toBe('Contents');
    expect(b.title).toBe('What we learned — Wijkenaanpak');
    expect(b.periodLabel).toBe('Sessions from 1 January 2025 to 31 December 2025');
    expect(b.chapters.at(-1)!.title).toBe('Without a theme');
    expect(b.chapters[1]!.lessons[1]!.label).toBe('Adopted advice');
    expect(buildBooklet(archive, { ...year2025, language: 'nl' }).periodLabel).toBe(
      'Bijeenkomsten van 1 januari 2025 tot en met 31 december 2025',
    );
  });

  it('reads entries from before the new fields existed', () => {
    const bare = { sessionId: 'x', handedOverAt: at('2025-02-02'), theme: 'T', title: 'Oud', city: 'Ede' };
    const b = buildBooklet([bare], { ...year2025, language: 'nl' });
    expect(b.chapters[0]).toMatchObject({
      title: 'T',
      lessons: [],
      quotes: [],
      movements: [],
      readings: [],
      dilemmas: [],
    });
  });
});

describe('bookletQuery', () => {
  it('takes a real period and refuses bad dates, reversed periods and other formats', () => {
    expect(bookletQuery.parse({ format: 'pdf', from: '2025-01-01', to: '2025-12-31' })).toEqual({
      format: 'pdf',
      lang: 'nl',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    for (const bad of [
      { format: 'pdf', from: '2025-02-30', to: '2025-12-31' },
      { format: 'pdf', from: '01-01-2025', to: '2025-12-31' },
      { format: 'pdf', from: '2025-12-31', to: '2025-01-01' },
      { format: 'html', from: '2025-01-01', to: '2025-12-31' },
      { format: 'docx', lang: 'de', from: '2025-01-01', to: '2025-12-31' },
      { format: 'docx' },
    ]) {
      expect(bookletQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
