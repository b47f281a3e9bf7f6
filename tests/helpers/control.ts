import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  openBoardRound,
  type ClientToServerEvents,
  type Round,
  type ServerToClientEvents,
  type SessionState,
  type StateAck,
} from '@casusbord/shared';
import { nextEvent, waitFor } from './wait';

export type ControlClient = Socket<ServerToClientEvents, ClientToServerEvents> & { states: SessionState[] };

/** A socket.io-client over WebSocket that records every session:state it receives. */
export async function connectControl(url: string, token: string): Promise<ControlClient> {
  const socket = io(url, { auth: { protocol: PROTOCOL_VERSION, token }, transports: ['websocket'], reconnection: false }) as ControlClient;
  socket.states = [];
  socket.on('session:state', (s) => socket.states.push(s));
  await nextEvent(socket, 'connect');
  await waitFor('first session:state', () => socket.states.length > 0);
  return socket;
}

export function latest(client: ControlClient): SessionState {
  return client.states[client.states.length - 1]!;
}

export async function command(
  client: ControlClient,
  event: keyof ClientToServerEvents,
  payload: unknown,
): Promise<StateAck> {
  return (await (client as unknown as Socket).timeout(5000).emitWithAck(event, payload)) as StateAck;
}

/** Waits until every client has seen a state of at least `version`. */
export async function allAt(clients: ControlClient[], version: number): Promise<void> {
  await waitFor(`state version ${version} everywhere`, () => clients.every((c) => latest(c).version >= version));
}

/** The state without the send time, for comparing what different clients received. */
export function withoutNow(state: SessionState): Omit<SessionState, 'serverNow'> {
  const { serverNow: _now, ...rest } = state;
  return rest;
}

/**
 * Puts every table of a session in a running round of its own (added in front of the method's)
 * in which participants may write every column and vote; `kind` gives it the rights of such a
 * round (e.g. 'reaction' lets the case holder react, 'closing' takes learning points), and
 * `overrides` change the round (e.g. fewer open columns). Called again, it opens another. The write
 * policy (shared/src/domain/writeRules.ts) refuses participants' writes while no round is open,
 * so tests that write as participants start here.
 */
export async function openBoard(
  url: string,
  hostToken: string,
  kind?: Round['kind'],
  overrides: Partial<Round> = {},
): Promise<void> {
  const host = await connectControl(url, hostToken);
  try {
    const round = openBoardRound(`open-${kind ?? 'all'}-${Math.random().toString(36).slice(2, 8)}`, {
      ...(kind ? { kind } : {}),
      ...overrides,
    });
    const idle = latest(host).tables.every((t) => t.round.status === 'idle');
    for (const step of [
      ['host:rounds', { type: 'add', round, at: 0 }],
      ['host:command', idle ? { type: 'start', index: 0 } : { type: 'goto', index: 0 }],
    ] as const) {
      const ack = await command(host, step[0], step[1]);
      if (!ack.ok) throw new Error(`${step[0]} refused: ${JSON.stringify(ack)}`);
    }
  } finally {
    host.disconnect();
  }
}
