import { describe, expect, it } from 'vitest';
import {
  highlight,
  normalizeWord,
  parseQuery,
  rankSearch,
  scoreDocument,
  tokenize,
  type SearchCandidate,
  type SearchDocument,
} from '@casusbord/shared';

const card = (index: number, column: SearchDocument['column'], text: string): SearchDocument => ({
  index,
  kind: 'card',
  column,
  cardId: `c${index}`,
  text,
});

const candidate = (sessionId: string, handedOverAt: number, doc: SearchDocument): SearchCandidate => ({
  sessionId,
  title: 'Casus',
  city: 'Zwolle',
  handedOverAt,
  doc,
});

describe('tokenize', () => {
  it('lower-cases, strips diacritics and splits on everything but letters and digits', () => {
    expect(tokenize('Één wijkcoördinator, 2 partners — ’s-Hertogenbosch!')).toEqual([
      'een',
      'wijkcoordinator',
      '2',
      'partners',
      's',
      'hertogenbosch',
    ]);
    expect(normalizeWord('ﬁnanciën')).toEqual(['financien']);
    expect(tokenize('  ?! — ')).toEqual([]);
  });

  it('parses a query into distinct terms; the last one is a prefix from two letters on', () => {
    expect(parseQuery('Team team wijk')).toEqual({ terms: ['team', 'wijk'], prefixLast: true });
    expect(parseQuery('team a')).toEqual({ terms: ['team', 'a'], prefixLast: false });
    expect(parseQuery('').terms).toEqual([]);
    expect(parseQuery('a b c d e f g h i j').terms).toHaveLength(8);
  });
});

describe('ranking', () => {
  it('needs every term, the last one possibly as a prefix', () => {
    const docs = [
      candidate('s1', 1, card(0, 'advice', 'Eén wijkteam met de partners')),
      candidate('s1', 1, card(1, 'advice', 'De partners werken samen')),
      candidate('s1', 1, card(2, 'pitfall', 'Geen team')),
    ];
    expect(rankSearch('partners wijk', docs, 10).map((h) => h.cardId)).toEqual(['c0']);
    // "wijk" as a non-last term must match exactly.
    expect(rankSearch('wijk partners', docs, 10)).toEqual([]);
  });

  it('puts more occurrences, phrases, advice and short texts first; ties go to the newer handover', () => {
    const parsed = parseQuery('een team');
    const phrase = scoreDocument(parsed, card(0, 'advice', 'Maak één team van de partners'));
    const apart = scoreDocument(parsed, card(0, 'advice', 'Het team heeft één doel voor de partners'));
    expect(phrase).toBeGreaterThan(apart);
    const short = scoreDocument(parseQuery('team'), card(0, 'pitfall', 'Geen team'));
    const long = scoreDocument(
      parseQuery('team'),
      card(0, 'pitfall', `Geen team ${'en nog veel meer woorden '.repeat(10)}`),
    );
    expect(short).toBeGreaterThan(long);
    const advice = scoreDocument(parseQuery('team'), card(0, 'advice', 'Eén team'));
    const question = scoreDocument(parseQuery('team'), card(0, 'question', 'Eén team'));
    expect(advice).toBeGreaterThan(question);

    const hits = rankSearch(
      'team',
      [
        candidate('old', 1000, card(0, 'advice', 'Eén team')),
        candidate('new', 2000, card(0, 'advice', 'Eén team')),
        candidate('new', 2000, card(1, 'advice', 'Eén team, één team')),
        candidate('new', 2000, card(1, 'advice', 'Eén team, één team')),
      ],
      10,
    );
    expect(hits.map((h) => `${h.sessionId}:${h.cardId}`)).toEqual(['new:c1', 'new:c0', 'old:c0']);
    expect(rankSearch('team', [candidate('a', 1, card(0, 'advice', 'team'))], 0)).toEqual([]);
  });
});

describe('snippets', () => {
  it('marks the matching words in the original spelling, prefix matches included', () => {
    expect(highlight(parseQuery('een wijk'), 'Eén wijkteam, één doel.')).toEqual([
      { text: 'Eén', match: true },
      { text: ' ', match: false },
      { text: 'wijkteam', match: true },
      { text: ', ', match: false },
      { text: 'één', match: true },
      { text: ' doel.', match: false },
    ]);
  });

  it('cuts a long text to a window around the first match, on word boundaries, with ellipses', () => {
    const text = `${'voorwoord '.repeat(30)}hier staat de trekker van het plan ${'nawoord '.repeat(40)}`;
    const segments = highlight(parseQuery('trekker'), text);
    const joined = segments.map((s) => s.text).join('');
    expect(segments[0]).toEqual({ text: expect.stringMatching(/^….*voorwoord hier staat de $/), match: false });
    expect(segments[1]).toEqual({ text: 'trekker', match: true });
    expect(joined.endsWith('…')).toBe(true);
    expect(joined.length).toBeLessThanOrEqual(222);
    expect(joined).not.toMatch(/ voorwoor…|nawoor…/);
  });

  it('never returns markup: user text stays plain text in the segments', () => {
    const hits = rankSearch('img', [candidate('s', 1, card(0, 'advice', '<img src=x onerror=alert(1)>'))], 5);
    expect(hits[0]!.snippet.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)>');
    expect(hits[0]!.snippet.find((s) => s.match)?.text).toBe('img');
  });
});
