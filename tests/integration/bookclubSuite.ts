import { beforeAll, describe, expect, it } from 'vitest';
import {
  addReview,
  readReviews,
  reviewReactionsMap,
  reviewsMap,
  setReviewReaction,
  type ArchiveResponse,
  type CreateCommunityResponse,
  type CreateSessionResponse,
  type JoinResponse,
  type ReviewInput,
  type SearchResponse,
} from '@casusbord/shared';
import * as Y from 'yjs';
import { createSession, postJson } from '../helpers/api';
import { command, latest } from '../helpers/control';
import { handOver, joinWithConsent } from '../helpers/handover';
import { useTestServer, type StartServer } from '../helpers/testServer';
import { recordRefusals, type Peer } from '../helpers/yjs';
import { waitFor } from '../helpers/wait';

/**
 * The book-club round (issue 16) against the server's write policy and into the archive and the
 * report: one reaction per person, only the reviewer edits a review, only http(s) links. The
 * peers are the official y-websocket client writing raw Yjs, what a modified client could send.
 * Run on SQLite and Redis (bookclub.test.ts).
 */
export function registerBookClubSuite(engine: string, start: StartServer): void {
  const server = useTestServer(start);
  let c: CreateCommunityResponse;
  let s: CreateSessionResponse;
  let anna: JoinResponse; // the reviewer
  let ben: JoinResponse;
  let carla: JoinResponse;
  let annaPeer: Peer;
  let benPeer: Peer;
  let carlaPeer: Peer;
  let benRefusals: string[];
  let annaRefusals: string[];

  const book: ReviewInput = {
    title: 'Wijken in verandering: lessen uit tien jaar praktijk',
    author: 'Kennisplatform Stad',
    link: 'https://example.org/wijken-in-verandering',
    verdict: 'must-read',
    why: 'Laat zien waarom partners pas samenwerken als er een gedeeld doel is.',
  };
  const review = (p: Peer, id: string) => readReviews(p.doc).find((r) => r.id === id);
  /** Waits until the honest peers have a marker review: everything written before it was processed. */
  const barrier = async (marker: string) => {
    addReview(annaPeer.doc, {
      ...book,
      title: marker,
      id: marker,
      reviewerId: anna.participantId,
      createdAt: Date.now(),
    });
    await waitFor(`marker ${marker}`, () => [annaPeer, benPeer, carlaPeer].every((p) => Boolean(review(p, marker))));
  };

  beforeAll(async () => {
    const res = await postJson(`${server.url}/api/communities`, { name: 'CoP wijkenaanpak' });
    c = res.json as unknown as CreateCommunityResponse;
    s = await createSession(server.url, { communityId: c.communityId, communityKey: c.facilitatorKey, bookClub: true });
    anna = await joinWithConsent(server.url, s.joinCode, 'Anna', true);
    ben = await joinWithConsent(server.url, s.joinCode, 'Ben', true);
    carla = await joinWithConsent(server.url, s.joinCode, 'Carla', false);
    [annaPeer, benPeer, carlaPeer] = await server.syncedPeers(
      [s.docName, anna.token],
      [s.docName, ben.token],
      [s.docName, carla.token],
    );
    benRefusals = recordRefusals(benPeer);
    annaRefusals = recordRefusals(annaPeer);
  });

  describe(`${engine}: the book-club round`, () => {
    it('opens the session when asked, before the method’s rounds', async () => {
      const host = await server.control(s.hostToken);
      const rounds = latest(host).tables[0]!.round.rounds;
      expect(rounds[0]!.kind).toBe('book-club');
      expect(rounds[1]!.id).toBe('welcome');
      // Before the round starts nobody may review: the review is undone.
      addReview(benPeer.doc, { ...book, id: 'too-early', reviewerId: ben.participantId, createdAt: Date.now() });
      await waitFor('refused', () => benRefusals.some((r) => r.startsWith('not_allowed:')));
      await waitFor('gone at ben', () => !reviewsMap(benPeer.doc).has('too-early'));
      expect((await command(host, 'host:command', { type: 'start' })).ok).toBe(true);
    });

    it('credits a review to its writer and lets only the reviewer edit it', async () => {
      addReview(annaPeer.doc, { ...book, id: 'r1', reviewerId: ben.participantId, createdAt: Date.now() });
      await waitFor('review at ben', () => review(benPeer, 'r1')?.reviewerId === anna.participantId);
      await waitFor('reviewer corrected at anna', () => review(annaPeer, 'r1')?.reviewerId === anna.participantId);

      benRefusals.length = 0;
      reviewsMap(benPeer.doc).get('r1')!.set('verdict', 'skip');
      reviewsMap(benPeer.doc).get('r1')!.set('reviewerId', ben.participantId);
      await waitFor('refused', () => benRefusals.some((r) => r.includes('only the reviewer changes a review')));
      await barrier('m1');
      expect(review(carlaPeer, 'r1')).toMatchObject({ verdict: 'must-read', reviewerId: anna.participantId });
      await waitFor('ben put back', () => review(benPeer, 'r1')?.verdict === 'must-read');

      // Nobody but the reviewer (or the host) removes it.
      reviewsMap(benPeer.doc).delete('r1');
      await barrier('m2');
      expect(review(carlaPeer, 'r1')).toBeTruthy();
      await waitFor('back at ben', () => Boolean(review(benPeer, 'r1')));

      reviewsMap(annaPeer.doc).get('r1')!.set('why', 'Het gedeelde doel komt eerst, de rest volgt.');
      await waitFor('edit kept', () => review(carlaPeer, 'r1')?.why === 'Het gedeelde doel komt eerst, de rest volgt.');
    });

    it('accepts only http(s) links and texts within their limits', async () => {
      benRefusals.length = 0;
      for (const [id, link] of [
        ['js', 'javascript:alert(1)'],
        ['data', 'data:text/html,<b>x</b>'],
        ['spaces', 'https://example.org/met spaties'],
        ['nohost', 'https://'],
      ] as const) {
        addReview(benPeer.doc, { ...book, id, link, reviewerId: ben.participantId, createdAt: Date.now() });
      }
      addReview(benPeer.doc, {
        ...book,
        id: 'long',
        title: 'x'.repeat(1000),
        reviewerId: ben.participantId,
        createdAt: Date.now(),
      });
      // A review without a verdict, written field by field.
      benPeer.doc.transact(() => {
        const entry = new Y.Map<unknown>();
        entry.set('title', 'Zonder oordeel');
        entry.set('why', 'Vergeten');
        entry.set('createdAt', Date.now());
        reviewsMap(benPeer.doc).set('noverdict', entry);
      });
      await waitFor('refused', () => benRefusals.some((r) => r.includes('http:// or https://')));
      await barrier('m3');
      for (const id of ['js', 'data', 'spaces', 'nohost', 'long', 'noverdict']) {
        expect(reviewsMap(carlaPeer.doc).has(id), id).toBe(false);
        await waitFor(`${id} gone at ben`, () => !reviewsMap(benPeer.doc).has(id));
      }

      // An edit to a bad link is put back, also by the reviewer.
      reviewsMap(annaPeer.doc).get('r1')!.set('link', 'ftp://example.org/boek.pdf');
      await barrier('m4');
      expect(review(carlaPeer, 'r1')?.link).toBe(book.link);
      await waitFor('anna put back', () => review(annaPeer, 'r1')?.link === book.link);

      // A good review with a plain http link and no author stands.
      addReview(benPeer.doc, {
        ...book,
        id: 'r2',
        title: 'Rapport jongerenparticipatie',
        author: '',
        link: 'http://example.org/rapport?x=1#p2',
        verdict: 'skip',
        reviewerId: ben.participantId,
        createdAt: Date.now(),
      });
      await waitFor('r2 everywhere', () => review(carlaPeer, 'r2')?.verdict === 'skip');
    });

    it('takes one reaction per person per review, never on one’s own review', async () => {
      setReviewReaction(benPeer.doc, ben.participantId, 'r1', 'Ga ik lezen voor ons projectteam');
      setReviewReaction(carlaPeer.doc, carla.participantId, 'r1', 'Hoofdstuk 3 is het sterkst');
      await waitFor('two reactions', () => review(annaPeer, 'r1')?.reactions.length === 2);

      // A second reaction of Ben replaces his first: still one per person.
      setReviewReaction(benPeer.doc, ben.participantId, 'r1', 'Ga ik lezen, vooral het deel over doelen');
      await waitFor('replaced', () =>
        Boolean(review(annaPeer, 'r1')?.reactions.some((x) => x.text === 'Ga ik lezen, vooral het deel over doelen')),
      );
      expect(
        review(annaPeer, 'r1')
          ?.reactions.map((x) => x.participantId)
          .sort(),
      ).toEqual([ben.participantId, carla.participantId].sort());

      // Writing into someone else's entry, or another entry of one's own, is undone.
      benRefusals.length = 0;
      reviewReactionsMap(benPeer.doc).get(carla.participantId)!.set('r1', 'Carla vindt het niks');
      reviewReactionsMap(benPeer.doc).set(`${ben.participantId}-2`, new Y.Map<string>());
      await waitFor('refused', () =>
        benRefusals.some((r) => r.includes('each person writes only their own dots and learning point')),
      );
      await barrier('m5');
      expect(review(annaPeer, 'r1')?.reactions.find((x) => x.participantId === carla.participantId)?.text).toBe(
        'Hoofdstuk 3 is het sterkst',
      );
      expect(reviewReactionsMap(annaPeer.doc).has(`${ben.participantId}-2`)).toBe(false);

      // The reviewer does not react to her own review; a reaction to no review is undone.
      annaRefusals.length = 0;
      setReviewReaction(annaPeer.doc, anna.participantId, 'r1', 'Zelf ook enthousiast');
      setReviewReaction(annaPeer.doc, anna.participantId, 'nowhere', 'Hallo');
      await waitFor('refused', () => annaRefusals.some((r) => r.includes("to someone else's review")));
      await barrier('m6');
      expect(reviewReactionsMap(carlaPeer.doc).get(anna.participantId)?.get('r1')).toBeUndefined();
      expect(reviewReactionsMap(carlaPeer.doc).get(anna.participantId)?.get('nowhere')).toBeUndefined();
      // Anna reacts to Ben's review, which is allowed.
      setReviewReaction(annaPeer.doc, anna.participantId, 'r2', 'Eens, weinig nieuws');
      await waitFor('anna on r2', () => review(carlaPeer, 'r2')?.reactions.length === 1);
    });

    it('closes reviews after the round', async () => {
      const host = await server.control(s.hostToken);
      expect((await command(host, 'host:command', { type: 'next' })).ok).toBe(true);
      await waitFor('next round at the server', async () => latest(host).tables[0]!.round.roundIndex === 1);
      benRefusals.length = 0;
      addReview(benPeer.doc, { ...book, id: 'late', reviewerId: ben.participantId, createdAt: Date.now() });
      setReviewReaction(benPeer.doc, ben.participantId, 'r1', '');
      await waitFor('refused', () => benRefusals.length > 0);
      await waitFor('late gone at ben', () => !reviewsMap(benPeer.doc).has('late'));
      await waitFor('reaction back at ben', () =>
        Boolean(reviewReactionsMap(benPeer.doc).get(ben.participantId)?.get('r1')),
      );
    });

    it('lands in the report and in the community archive as a searchable reading list', async () => {
      const handover = await handOver(server.url, s.sessionId, s.hostToken);
      const md = await (await fetch(`${server.url}/api/reports/${handover.reportToken}?format=md`)).text();
      expect(md).toContain('## Leeslijst');
      expect(md).toContain('Wijken in verandering');
      expect(md).toContain('moet je lezen · besproken door Anna');
      expect(md).toContain('<https://example.org/wijken-in-verandering>');
      // Carla did not consent to be named: her reaction is there, her name is not.
      expect(md).toContain('Hoofdstuk 3 is het sterkst');
      expect(md).not.toContain('Carla');
      const html = await (await fetch(`${server.url}/api/reports/${handover.reportToken}?format=html`)).text();
      expect(html).toContain('href="https://example.org/wijken-in-verandering"');

      const auth = { authorization: `Bearer ${c.memberToken}` };
      const archive = (await (
        await fetch(`${server.url}/api/communities/${c.communityId}/archive`, { headers: auth })
      ).json()) as ArchiveResponse;
      const readings = archive.entries[0]!.readings;
      expect(readings.map((r) => r.reviewId).filter((id) => !id.startsWith('m'))).toEqual(['r1', 'r2']);
      expect(readings[0]).toMatchObject({ title: book.title, verdict: 'must-read', link: book.link });
      expect(readings[0]!.reactions).toHaveLength(2);

      const search = (await (
        await fetch(`${server.url}/api/communities/${c.communityId}/search?q=jongerenparticipatie`, { headers: auth })
      ).json()) as SearchResponse;
      expect(search.hits[0]).toMatchObject({ kind: 'reading', cardId: 'r2', sessionId: s.sessionId });
    });
  });
}
