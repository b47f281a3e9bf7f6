import crypto from 'node:crypto';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, openBoardRound, type StateAck } from '@casusbord/shared';
import type { RoomSpec } from './loadProtocol';
import type { RunningServer } from './servers';

/**
 * Documents and tokens for the load: on our server one session per room (POST /api/sessions), the
 * host's token for client 0 and a joined participant's token (POST /api/join) for each other client,
 * exactly as people get them. The reference has no auth; its clients open a document of the same name shape.
 */

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} → ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

export interface OurSession {
  sessionId: string;
  docName: string;
  joinCode: string;
  hostToken: string;
}

export async function createSession(baseUrl: string, title: string): Promise<OurSession> {
  return postJson<OurSession>(`${baseUrl}/api/sessions`, {
    title,
    city: 'Utrecht',
    question: 'Hoe houden we de wijkaanpak gaande als de subsidie stopt?',
  });
}

/**
 * Starts, in front of the method's rounds, a round in which participants may write every column
 * (the host's two commands on the control plane, as a facilitator's screen sends them). The server
 * refuses participants' writes while no round is open (shared/src/domain/writeRules.ts).
 */
export async function openBoard(baseUrl: string, hostToken: string): Promise<void> {
  const socket = io(baseUrl, { auth: { protocol: PROTOCOL_VERSION, token: hostToken }, transports: ['websocket'], reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const round = openBoardRound('bench-open', { minutes: 240 });
    const steps: [string, unknown][] = [
      ['host:rounds', { type: 'add', round, at: 0 }],
      ['host:command', { type: 'start', index: 0 }],
    ];
    for (const [event, payload] of steps) {
      const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as StateAck;
      if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
    }
  } finally {
    socket.disconnect();
  }
}

export async function joinSession(
  baseUrl: string,
  code: string,
  name: string,
): Promise<{ token: string; docName: string; participantId: string }> {
  return postJson(`${baseUrl}/api/join`, { code, name });
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** A document name of the same shape as ours (`<sessionId>.<groupId>`), for the reference. */
export function referenceDocName(roomIndex: number): string {
  return `bench${String(roomIndex).padStart(4, '0')}${crypto.randomBytes(4).toString('hex')}.t1`;
}

/**
 * Room specs for `rooms` × `clients`. With several instances (scale-out) the clients of a room are
 * spread over them round-robin; sessions are created through the first instance.
 */
export async function prepareRooms(servers: RunningServer[], rooms: number, clients: number): Promise<RoomSpec[]> {
  const first = servers[0]!;
  const roomIndexes = Array.from({ length: rooms }, (_, i) => i);
  const instanceOf = (index: number) => index % servers.length;
  if (first.kind === 'reference') {
    return roomIndexes.map((roomIndex) => {
      const docName = referenceDocName(roomIndex);
      return {
        roomIndex,
        clients: Array.from({ length: clients }, (_, index) => ({
          url: `${servers[instanceOf(index)]!.wsUrl}/yjs/${docName}`,
          index,
          authorId: `c${index}`,
          instance: instanceOf(index),
        })),
      };
    });
  }
  return mapLimit(roomIndexes, 8, async (roomIndex) => {
    const session = await createSession(first.url, `Bench room ${roomIndex}`);
    await openBoard(first.url, session.hostToken);
    // The server records a card's author as its writer: 'host', or the participant's id.
    const people = [{ token: session.hostToken, authorId: 'host' }];
    for (let i = 1; i < clients; i++) {
      const joined = await joinSession(first.url, session.joinCode, `Deelnemer ${i}`);
      if (joined.docName !== session.docName)
        throw new Error(`participant joined ${joined.docName}, expected ${session.docName}`);
      people.push({ token: joined.token, authorId: joined.participantId });
    }
    return {
      roomIndex,
      clients: people.map(({ token, authorId }, index) => ({
        url: `${servers[instanceOf(index)]!.wsUrl}/yjs/${session.docName}?token=${encodeURIComponent(token)}`,
        index,
        authorId,
        instance: instanceOf(index),
      })),
    };
  });
}
