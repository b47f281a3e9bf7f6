import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  LIMITS,
  addReview,
  applyCommand,
  boardRights,
  buildReport,
  createRoundState,
  isReviewLink,
  methodRounds,
  newReviewVerdict,
  readReviews,
  readingSearchText,
  reviewDeleteVerdict,
  reviewEditVerdict,
  reviewProblem,
  reviewReactionVerdict,
  reviewsMap,
  setReviewReaction,
  withBookClub,
  writerFor,
  type ReviewInput,
  type Writer,
} from '@casusbord/shared';
import { buildArchiveRecord } from '../../server/src/export/archiveEntry';
import type { SessionRecord } from '../../server/src/store/Store';
import { T0, oneTableSession } from '../helpers/sessionState';

const book: ReviewInput = {
  title: 'De wijk als werkplaats',
  author: 'A. Auteur',
  link: 'https://example.org/boek',
  verdict: 'useful',
  why: 'Concrete voorbeelden van samenwerking in de buurt.',
};
const fields = (over: Record<string, unknown> = {}) =>
  new Map<string, unknown>(Object.entries({ ...book, reviewerId: 'p1', createdAt: T0, ...over }));

/** A session opened with the book club, in round `index` (running). */
function sessionIn(index: number) {
  const started = applyCommand(
    createRoundState(withBookClub(methodRounds('intervision-90'))),
    { type: 'start', index },
    T0,
  );
  if (!started.ok) throw new Error(started.message);
  return oneTableSession('intervision-90', started.state);
}
const writer = (id: string, index = 0): Writer =>
  writerFor(sessionIn(index), 'sess1234.t1', {
    role: id === 'host' ? 'host' : 'participant',
    participantId: id === 'host' ? null : id,
    groupId: 't1',
  });

describe('book club: links and fields', () => {
  it('takes only http(s) links with a host and no spaces, or none', () => {
    for (const ok of ['', 'https://example.org', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/x']) {
      expect(isReviewLink(ok), ok).toBe(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://example.org',
      'mailto:a@b.nl',
      'https://',
      'https://user@evil.org',
      'https://example.org/a b',
      '//example.org',
      `https://example.org/${'x'.repeat(LIMITS.reviewLinkChars)}`,
      42,
    ]) {
      expect(isReviewLink(bad), String(bad)).toBe(false);
    }
  });

  it('needs a title, a verdict and why; bounds every text', () => {
    expect(reviewProblem(fields())).toBeNull();
    expect(reviewProblem(fields({ author: '', link: '' }))).toBeNull();
    const without = fields();
    without.delete('verdict');
    expect(reviewProblem(without)).toBe('missing');
    expect(reviewProblem(fields({ verdict: 'great' }))).toBe('invalid');
    expect(reviewProblem(fields({ title: '   ' }))).toBe('invalid');
    expect(reviewProblem(fields({ why: 'x'.repeat(LIMITS.reviewWhyChars + 1) }))).toBe('invalid');
    expect(reviewProblem(fields({ link: 'javascript:x' }))).toBe('link');
    expect(reviewProblem(fields({ extra: 1 }))).toBe('invalid');
  });
});

describe('book club: who may write what', () => {
  it('is open to everyone in the book-club round and closed in the next; the host always', () => {
    expect(withBookClub(methodRounds('gossip'))[0]!.kind).toBe('book-club');
    expect(withBookClub(withBookClub(methodRounds('custom'))).filter((r) => r.kind === 'book-club')).toHaveLength(1);
    const s0 = sessionIn(0);
    const s1 = sessionIn(1);
    const rights = (s: typeof s0, id: string) =>
      boardRights({ state: s, table: s.tables[0]!, role: 'participant', participantId: id });
    expect(rights(s0, 'p1').canReview).toBe(true);
    expect(rights(s0, 'carla').canReview).toBe(true);
    expect(rights(s1, 'p1').canReview).toBe(false);
    expect(boardRights({ state: s1, table: s1.tables[0]!, role: 'host', participantId: null }).canReview).toBe(true);
    // Drafts hold cards only.
    expect(
      writerFor(s0, 'sess1234.t1.draft.p1', { role: 'participant', participantId: 'p1', groupId: 't1' }).rights
        .canReview,
    ).toBe(false);
  });

  it('lets the reviewer edit, the reviewer or host remove, and others react once to others only', () => {
    expect(newReviewVerdict(writer('p1'), fields())).toBeNull();
    expect(newReviewVerdict(writer('p1'), fields({ link: 'javascript:x' }))).toBe('review_invalid');
    expect(newReviewVerdict(writer('p1', 1), fields())).toBe('review');
    expect(reviewEditVerdict(writer('p1'), 'p1')).toBeNull();
    expect(reviewEditVerdict(writer('p2'), 'p1')).toBe('review');
    expect(reviewEditVerdict(writer('host'), 'p1')).toBe('review');
    expect(reviewDeleteVerdict(writer('host'), 'p1')).toBeNull();
    expect(reviewDeleteVerdict(writer('p2'), 'p1')).toBe('review');
    expect(reviewReactionVerdict(writer('p2'), 'p2', 'p1')).toBeNull();
    expect(reviewReactionVerdict(writer('p2'), 'p3', 'p1')).toBe('own_entry');
    expect(reviewReactionVerdict(writer('p1'), 'p1', 'p1')).toBe('review_reaction');
    expect(reviewReactionVerdict(writer('p2'), 'p2', null)).toBe('review_reaction');
    expect(reviewReactionVerdict(writer('p2', 1), 'p2', 'p1')).toBe('review_reaction');
  });
});

describe('book club: on the board, in the report and the archive', () => {
  const doc = new Y.Doc();
  addReview(doc, { ...book, id: 'r1', reviewerId: 'p1', createdAt: T0 });
  addReview(doc, { ...book, title: 'Tweede', verdict: 'skip', id: 'r2', reviewerId: 'p2', createdAt: T0 + 1 });
  setReviewReaction(doc, 'p2', 'r1', 'Mooi');
  setReviewReaction(doc, 'p3', 'r1', '  Lees ik  ');
  setReviewReaction(doc, 'p1', 'r1', 'Eigen review telt niet');
  setReviewReaction(doc, 'p3', 'gone', 'Naar niets');
  // A malformed entry is not a review.
  reviewsMap(doc).set('bad', new Y.Map());

  it('reads reviews oldest first with one reaction per other person', () => {
    const reviews = readReviews(doc);
    expect(reviews.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(reviews[0]!.reactions).toEqual([
      { participantId: 'p2', text: 'Mooi' },
      { participantId: 'p3', text: 'Lees ik' },
    ]);
    setReviewReaction(doc, 'p3', 'r1', 'Toch niet');
    expect(readReviews(doc)[0]!.reactions.filter((x) => x.participantId === 'p3')).toEqual([
      { participantId: 'p3', text: 'Toch niet' },
    ]);
  });

  it('names only consenting people in the report and leaves the archive anonymous and searchable', () => {
    const report = buildReport({
      session: {
        title: 'Casus',
        city: 'Zwolle',
        question: 'Vraag?',
        caseHolderName: null,
        locale: 'nl',
        date: '2025-01-01',
        facilitator: null,
      },
      participants: [
        { id: 'p1', name: 'Anna', consentToBeNamed: true },
        { id: 'p2', name: 'Ben', consentToBeNamed: false },
      ],
      tables: [{ id: 't1', name: 'Tafel 1', doc }],
      dotBudget: 3,
    });
    const [r1, r2] = report.sections[0]!.readings;
    expect(r1).toMatchObject({ id: 'r1', reviewer: 'Anna', verdict: 'useful' });
    expect(r1!.reactions[0]).toEqual({ text: 'Mooi', author: null });
    expect(r2!.reviewer).toBeNull();

    const session = { id: 's1', communityId: 'c1', theme: null, followUpOf: null } as unknown as SessionRecord;
    const record = buildArchiveRecord(session, report, T0);
    expect(record.entry.readings.map((r) => r.reviewId)).toEqual(['r1', 'r2']);
    expect(record.entry.readings[0]!.reactions).toEqual(['Mooi', 'Toch niet']);
    expect(record.documents.filter((d) => d.kind === 'reading').map((d) => d.text)).toEqual([
      readingSearchText(r1!),
      readingSearchText(r2!),
    ]);
  });
});
