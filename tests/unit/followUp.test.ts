import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../server/src/export/html';
import { renderMarkdown } from '../../server/src/export/markdown';
import {
  FOLLOW_UP_STATUSES,
  buildReport,
  countFollowUp,
  createFollowUp,
  followUpMarkPayload,
  isFollowUpStatus,
  markFollowUp,
  methodRounds,
  threadOf,
  withLookback,
} from '@casusbord/shared';

const earlier = {
  sessionId: 's1',
  title: 'Kruiskamp',
  handedOverAt: 1_000,
  advice: [
    { cardId: 'a', text: 'Eén wijkteam', dots: 2, reaction: 'consider' as const, reactionNote: null },
    { cardId: 'b', text: 'Begroting herzien', dots: 5, reaction: 'adopt' as const, reactionNote: 'Doen we' },
  ],
};

describe('follow-up status model', () => {
  it('starts with every earlier advice unmarked, most dots first', () => {
    const state = createFollowUp(earlier);
    expect(state).toEqual({
      ofSessionId: 's1',
      ofTitle: 'Kruiskamp',
      ofHandedOverAt: 1_000,
      items: [
        { adviceId: 'b', text: 'Begroting herzien', dots: 5, reaction: 'adopt', status: null, note: '' },
        { adviceId: 'a', text: 'Eén wijkteam', dots: 2, reaction: 'consider', status: null, note: '' },
      ],
    });
    expect(countFollowUp(state.items)).toEqual({ done: 0, in_progress: 0, dropped: 0, not_started: 0, unmarked: 2 });
  });

  it('marks, re-marks and counts without touching the old state; unknown advice is refused', () => {
    const start = createFollowUp(earlier);
    const one = markFollowUp(start, 'a', 'in_progress', '  loopt  ');
    expect(one.ok).toBe(true);
    if (!one.ok) return;
    expect(start.items[1]!.status).toBeNull();
    expect(one.state.items[1]).toMatchObject({ status: 'in_progress', note: 'loopt' });
    const two = markFollowUp(one.state, 'a', 'done', '');
    expect(two.ok && two.state.items[1]).toMatchObject({ status: 'done', note: '' });
    expect(two.ok && countFollowUp(two.state.items)).toMatchObject({ done: 1, unmarked: 1 });
    expect(markFollowUp(start, 'zzz', 'done', '')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('knows exactly four statuses and validates the socket payload', () => {
    expect(FOLLOW_UP_STATUSES).toEqual(['done', 'in_progress', 'dropped', 'not_started']);
    expect(isFollowUpStatus('dropped')).toBe(true);
    expect(isFollowUpStatus('finished')).toBe(false);
    expect(followUpMarkPayload.safeParse({ adviceId: 'a', status: 'done' }).data).toEqual({
      adviceId: 'a',
      status: 'done',
      note: '',
    });
    expect(followUpMarkPayload.safeParse({ adviceId: 'a', status: 'gone', note: '' }).success).toBe(false);
    expect(followUpMarkPayload.safeParse({ adviceId: 'a', status: 'done', note: 'x'.repeat(2001) }).success).toBe(
      false,
    );
  });

  it('opens a follow-up with one closed look-back round before the method', () => {
    const rounds = withLookback(methodRounds('intervision-90'));
    expect(rounds[0]).toMatchObject({ kind: 'lookback', openColumns: [], minutes: 10 });
    expect(rounds.slice(1)).toEqual(methodRounds('intervision-90'));
    expect(withLookback(rounds).filter((r) => r.kind === 'lookback')).toHaveLength(1);
  });
});

describe('thread of a case', () => {
  const nodes = [
    { sessionId: 'c', followUpOf: 'b', handedOverAt: 300 },
    { sessionId: 'a', followUpOf: null, handedOverAt: 100 },
    { sessionId: 'b', followUpOf: 'a', handedOverAt: 200 },
    { sessionId: 'x', followUpOf: null, handedOverAt: 150 },
    { sessionId: 'b2', followUpOf: 'a', handedOverAt: 250 },
  ];
  it('walks up to the first session and down to every follow-up, oldest first', () => {
    expect(threadOf(nodes, 'c')).toEqual(['a', 'b', 'b2', 'c']);
    expect(threadOf(nodes, 'a')).toEqual(['a', 'b', 'b2', 'c']);
    expect(threadOf(nodes, 'x')).toEqual(['x']);
    expect(threadOf(nodes, 'unknown')).toEqual(['unknown']);
  });
  it('survives a link to a purged session and a cycle', () => {
    expect(threadOf([{ sessionId: 'd', followUpOf: 'gone', handedOverAt: 1 }], 'd')).toEqual(['d']);
    const cycle = [
      { sessionId: 'p', followUpOf: 'q', handedOverAt: 1 },
      { sessionId: 'q', followUpOf: 'p', handedOverAt: 2 },
    ];
    expect(threadOf(cycle, 'p').sort()).toEqual(['p', 'q']);
  });
});

describe('the follow-up section of the report', () => {
  const report = (locale: 'nl' | 'en', items = createFollowUp(earlier).items) =>
    buildReport({
      session: {
        title: 'Later',
        city: 'Ede',
        question: 'Vraag?',
        caseHolderName: null,
        locale,
        date: '2026-03-01',
        facilitator: null,
      },
      participants: [],
      tables: [],
      dotBudget: 3,
      followUp: { ofSessionId: 's1', ofTitle: 'Kruiskamp', ofDate: '2025-10-02', items },
    });

  it('lists each earlier advice with its status and note, in both languages, with user text escaped', () => {
    const marked = markFollowUp(createFollowUp(earlier), 'b', 'done', 'Zie [hier](javascript:alert(1)) <b>x</b>');
    if (!marked.ok) throw new Error('not marked');
    const md = renderMarkdown(report('nl', marked.state.items));
    expect(md).toContain('## Wat werd er van eerdere adviezen');
    expect(md).toContain('Terugblik op de bijeenkomst "Kruiskamp" van 2 oktober 2025');
    expect(md).toContain('*Gedaan: 1 · Niet besproken: 1*');
    expect(md).toContain('- **Gedaan** — Begroting herzien *(5 stippen)*');
    expect(md).toContain('Zie \\[hier\\]\\(javascript:alert\\(1\\)\\) \\<b\\>x\\</b\\>');
    expect(md).toContain('- **Niet besproken** — Eén wijkteam *(2 stippen)*');
    const en = renderMarkdown(report('en', marked.state.items));
    expect(en).toContain('## What became of earlier advice');
    expect(en).toContain('- **Done** — Begroting herzien *(5 dots)*');
    const html = renderHtml(report('nl', marked.state.items));
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
  });

  it('is absent from the report of a session that follows up nothing', () => {
    const plain = buildReport({ session: report('nl').session, participants: [], tables: [], dotBudget: 3 });
    expect(plain.followUp).toBeNull();
    expect(renderMarkdown(plain)).not.toContain('eerdere adviezen');
  });
});
