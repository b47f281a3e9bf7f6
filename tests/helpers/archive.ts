import * as Y from 'yjs';
import {
  addCard,
  changeDots,
  coreQuestionText,
  setReaction,
  type CreateCommunityResponse,
  type CreateSessionResponse,
} from '@casusbord/shared';
import { createSession, postJson } from './api';
import { handOver } from './handover';
import { waitFor } from './wait';
import { connectPeer, synced, type Peer } from './yjs';

/** POST /api/communities, failing loudly on anything but 201. */
export async function createCommunity(base: string, name: string): Promise<CreateCommunityResponse> {
  const res = await postJson(`${base}/api/communities`, { name });
  if (res.status !== 201) throw new Error(`community failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as unknown as CreateCommunityResponse;
}

export interface ArchivedSessionSpec {
  title: string;
  city: string;
  theme: string;
  question: string;
  /** Advice texts; the first gets three dots and the reaction "adopt" with a note. */
  advice: string[];
}

/**
 * A session of the community with a core question, advice (dots, a reaction) and one pitfall,
 * written through y-websocket as the host and handed over, so it lands in the archive.
 * Opened peers go into `peers` for the caller to destroy.
 */
export async function handedOverSession(
  srv: { url: string; wsUrl: string },
  community: CreateCommunityResponse,
  spec: ArchivedSessionSpec,
  peers: Peer[],
  timeoutMs = 15_000,
): Promise<CreateSessionResponse> {
  const { advice, ...fields } = spec;
  const session = await createSession(srv.url, {
    ...fields,
    communityId: community.communityId,
    communityKey: community.facilitatorKey,
  });
  const peer = connectPeer(srv.wsUrl, session.docName, session.hostToken);
  peers.push(peer);
  await synced(peer);
  const doc = peer.doc;
  Y.transact(doc, () => {
    coreQuestionText(doc).insert(0, spec.question);
    advice.forEach((text, i) =>
      addCard(doc, { id: `a${i}`, column: 'advice', text, authorId: 'host', createdAt: 10 + i }),
    );
    addCard(doc, { id: 'p0', column: 'pitfall', text: 'Iedereen wacht op elkaar', authorId: 'host', createdAt: 1 });
    setReaction(doc, 'a0', 'adopt', 'Gaan we na de zomer doen');
  });
  for (const voter of ['v1', 'v2', 'v3']) changeDots(doc, voter, 'a0', 1, 3);
  // Everything written has reached the server once a fresh reader sees it.
  const reader = connectPeer(srv.wsUrl, session.docName, session.hostToken);
  peers.push(reader);
  await waitFor('board on the server', () => reader.doc.getMap('cards').size === advice.length + 1, timeoutMs);
  await waitFor('dots on the server', () => reader.doc.getMap('dots').size === 3, timeoutMs);
  await handOver(srv.url, session.sessionId, session.hostToken);
  return session;
}
