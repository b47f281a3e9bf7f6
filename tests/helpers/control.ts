import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SessionState, StateAck } from '@casusbord/shared';
import { nextEvent, waitFor } from './wait';

export type ControlClient = Socket<ServerToClientEvents, ClientToServerEvents> & { states: SessionState[] };

/** A socket.io-client over WebSocket that records every session:state it receives. */
export async function connectControl(url: string, token: string): Promise<ControlClient> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false }) as ControlClient;
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
