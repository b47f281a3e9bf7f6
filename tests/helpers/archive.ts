import {
  addCard,
  changeDots,
  coreQuestionText,
  learningsMap,
  readLearnings,
  readCardDetails,
  setReaction,
  tallyDots,
  type Column,
  type CreateCommunityResponse,
  type CreateSessionResponse,
} from '@casusbord/shared';
import { createSession, join, postJson } from './api';
import { openBoard } from './control';
import { handOver, joinWithConsent } from './handover';
import { waitFor } from './wait';
import { connectPeer, synced, type Peer } from './yjs';

/** POST /api/communities, failing loudly on anything but 201. */
export async function createCommunity(base: string, name: string): Promise<CreateCommunityResponse> {
  const res = await postJson(`${base}/api/communities`, { name });
  if (res.status !== 201) throw new Error(`community failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as unknown as CreateCommunityResponse;
}

/** A card one of the session's participants writes. */
export interface ArchivedCard {
  id: string;
  column: Column;
  text: string;
}

export interface ArchivedSessionSpec {
  /** Fields of POST /api/sessions besides the community's (title, city, theme, question…). */
  fields?: Record<string, unknown>;
  cards: ArchivedCard[];
  /** The note with the host's reaction "adopt" on the first advice. */
  reactionNote: string;
  /** Who joins: the first writes every card, each puts `dotsEach` dots on the first advice. */
  voters?: string[];
  dotsEach?: number;
  /** Written on the board by the host; without it the board's core question stays empty. */
  coreQuestion?: string;
  /**
   * Issue 16: people who join with their answer to "may the report name you?" and each write a
   * learning point in a closing round just before the handover.
   */
  learnings?: { name: string; consent: boolean; text: string }[];
}

/** Generous: the browser suites share two cores with other tests. */
const SEED_MS = 15_000;

/**
 * A community session written as people write it (docs/API.md, "Write policy"): in a round of
 * kind 'reaction' with every column and dots open, the first voter writes the cards, every voter
 * dots the first advice and the host records its reaction (and the core question); then handed
 * over, so it lands in the archive. Opened peers go into `peers` for the caller to destroy.
 */
export async function handedOverSession(
  srv: { url: string; wsUrl: string },
  community: CreateCommunityResponse,
  spec: ArchivedSessionSpec,
  peers: Peer[],
): Promise<CreateSessionResponse> {
  const { cards, voters = ['Anna'], dotsEach = 1 } = spec;
  const s = await createSession(srv.url, {
    ...spec.fields,
    communityId: community.communityId,
    communityKey: community.facilitatorKey,
  });
  await openBoard(srv.url, s.hostToken, 'reaction');
  const people = await Promise.all(voters.map((name) => join(srv.url, s.joinCode, name)));
  const host = connectPeer(srv.wsUrl, s.docName, s.hostToken);
  const participants = people.map((p) => connectPeer(srv.wsUrl, p.docName, p.token));
  peers.push(host, ...participants);
  await Promise.all([host, ...participants].map((peer) => synced(peer)));
  const [writer] = participants;
  cards.forEach((card, i) =>
    addCard(writer!.doc, { ...card, authorId: people[0]!.participantId, createdAt: 1000 + i }),
  );
  if (spec.coreQuestion) coreQuestionText(host.doc).insert(0, spec.coreQuestion);
  await waitFor('cards at the host', () => readCardDetails(host.doc).length === cards.length, SEED_MS);
  const first = cards.find((card) => card.column === 'advice');
  if (first) setReaction(host.doc, first.id, 'adopt', spec.reactionNote);
  // The server stores an update before it relays it: what another peer sees is stored.
  await waitFor(
    'board at the participants',
    () =>
      participants.every((peer) => {
        const seen = readCardDetails(peer.doc);
        return (
          seen.length === cards.length &&
          (!first || seen.some((c) => c.id === first.id && c.reaction === 'adopt')) &&
          coreQuestionText(peer.doc).toString() === (spec.coreQuestion ?? '')
        );
      }),
    SEED_MS,
  );
  if (first) {
    participants.forEach((peer, i) => changeDots(peer.doc, people[i]!.participantId, first.id, dotsEach, 3));
    const dots = voters.length * dotsEach;
    await waitFor('dots at the host', () => tallyDots(host.doc, 3).get(first.id) === dots, SEED_MS);
  }
  if (spec.learnings?.length) await writeLearnings(srv, s, spec.learnings, host, peers);
  await handOver(srv.url, s.sessionId, s.hostToken);
  return s;
}

/** Each person joins (with their consent answer) and writes their learning point in a closing round. */
async function writeLearnings(
  srv: { url: string; wsUrl: string },
  s: CreateSessionResponse,
  learnings: NonNullable<ArchivedSessionSpec['learnings']>,
  host: Peer,
  peers: Peer[],
): Promise<void> {
  const people = await Promise.all(learnings.map((l) => joinWithConsent(srv.url, s.joinCode, l.name, l.consent)));
  await openBoard(srv.url, s.hostToken, 'closing');
  const writers = people.map((p) => connectPeer(srv.wsUrl, p.docName, p.token));
  peers.push(...writers);
  await Promise.all(writers.map((peer) => synced(peer)));
  writers.forEach((peer, i) => learningsMap(peer.doc).set(people[i]!.participantId, learnings[i]!.text));
  await waitFor('learning points at the host', () => readLearnings(host.doc).size === learnings.length, SEED_MS);
}
