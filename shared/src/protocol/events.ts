import type { Ack } from './errors';
import type { ApiError } from './errors';
import type { PresenceEntry, SessionState } from './types';

/** Events the server emits over Socket.io. */
export interface ServerToClientEvents {
  /** The whole presence list of the session, sent on every join, leave and reconnect. */
  'presence:update': (entries: PresenceEntry[]) => void;
  /** The authoritative session state; on connect and after every change. */
  'session:state': (state: SessionState) => void;
  /** The host handed the session over (`locked: true`: every board read-only) or reopened it. */
  'session:locked': (payload: { locked: boolean }) => void;
}

/** Acknowledgement of the control events that change the session: the new state, or why not. */
export type StateAck = { ok: true; state: SessionState } | { ok: false; error: ApiError };

/** Events a client may emit; every one is validated and acknowledged. */
export interface ClientToServerEvents {
  /** Asks for the current presence list. */
  'presence:list': (payload: unknown, ack: (res: Ack<PresenceEntry[]>) => void) => void;
  /** Host: start | pause | resume | next | previous | extend | goto | finish, for one table or all. */
  'host:command': (payload: unknown, ack: (res: StateAck) => void) => void;
  /** Host: edit the rounds (durations, order, add, remove) of one table or all. */
  'host:rounds': (payload: unknown, ack: (res: StateAck) => void) => void;
  /** Host: dots per person, the case holder. */
  'host:settings': (payload: unknown, ack: (res: StateAck) => void) => void;
  /** Host: reveal the private drafts of the current round at one table or all. */
  'host:reveal': (payload: unknown, ack: (res: StateAck) => void) => void;
  /** Host: set the number of tables (case day). */
  'host:tables': (payload: unknown, ack: (res: StateAck) => void) => void;
  /** Host: move a participant to another table. */
  'host:move': (payload: unknown, ack: (res: StateAck) => void) => void;
  /** Host or a member of the table: copy a card onto the plenary board. */
  'card:promote': (payload: unknown, ack: (res: Ack<{ plenaryCardId: string }>) => void) => void;
  /** Participant: mark oneself ready (or not) for the next round. */
  'participant:ready': (payload: unknown, ack: (res: StateAck) => void) => void;
  /** Host: open or close the lens deck `{ open }` (issue 9). */
  'host:lenses': (payload: unknown, ack: (res: StateAck) => void) => void;
  /** Host or the case holder: `{ adviceId, status, note }` — what became of an earlier advice. */
  'followup:mark': (payload: unknown, ack: (res: StateAck) => void) => void;
  /** Asks for the current session state (e.g. after a reconnect). */
  'session:get': (payload: unknown, ack: (res: StateAck) => void) => void;
}
