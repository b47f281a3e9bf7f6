import { z } from 'zod';
import { hostCommandSchema, roundEditSchema } from '../domain/rounds';
import { hostFocusPayload } from '../domain/focus';
import { followUpMarkPayload, lensesPayload } from './community';
import { dilemmaPlacePayload, dilemmaRevealPayload, dilemmaSetPayload, type DilemmaView } from './dilemma';
import type { Ack, ApiError } from './errors';
import {
  cardPromotePayload,
  hostMovePayload,
  hostRevealPayload,
  hostSettingsPayload,
  hostTablesPayload,
  participantReadyPayload,
} from './schemas';
import type { PresenceEntry, SessionState } from './types';

/*
 * The catalogue of Socket.io events, both directions. Client and server take every event name,
 * payload schema and answer type from here; ClientToServerEvents and ServerToClientEvents (the
 * Socket.io generics) are derived from these tables, so an event cannot be registered or emitted
 * with another event's payload or answer.
 */

/** Acknowledgement of the control events that change the session: the new state, or why not. */
export type StateAck = { ok: true; state: SessionState } | { ok: false; error: ApiError };

/** One client → server event: its payload schema and how its acknowledgement carries the result. */
export interface ClientEventSpec<
  S extends z.ZodType = z.ZodType,
  A extends 'state' | 'data' = 'state' | 'data',
  T = unknown,
> {
  readonly schema: S;
  /** 'state': answered `StateAck` (`{ ok: true, state }`); 'data': answered `Ack<T>` (`{ ok: true, data }`). */
  readonly answer: A;
  /** The result's type, for the type checker only; never set at run time. */
  readonly result?: T;
}

/** An event that changes (or reads) the session state and answers with it. */
const stateEvent = <S extends z.ZodType>(schema: S): ClientEventSpec<S, 'state', SessionState> => ({
  schema,
  answer: 'state',
});

/** An event that answers `{ ok: true, data: T }`. */
const dataEvent =
  <T>() =>
  <S extends z.ZodType>(schema: S): ClientEventSpec<S, 'data', T> => ({ schema, answer: 'data' });

/** Client → server. Every event is validated with its schema and acknowledged. */
export const CLIENT_EVENTS = {
  /** Asks for the current presence list. */
  'presence:list': dataEvent<PresenceEntry[]>()(z.unknown()),
  /** Host: start | pause | resume | next | previous | extend | goto | finish, for one table or all. */
  'host:command': stateEvent(hostCommandSchema),
  /** Host: edit the rounds (durations, order, add, remove) of one table or all. */
  'host:rounds': stateEvent(roundEditSchema),
  /** Host: dots per person, the case holder. */
  'host:settings': stateEvent(hostSettingsPayload),
  /** Host: reveal the private drafts of the current round at one table or all. */
  'host:reveal': stateEvent(hostRevealPayload),
  /** Host: set the number of tables (case day). */
  'host:tables': stateEvent(hostTablesPayload),
  /** Host: move a participant to another table. */
  'host:move': stateEvent(hostMovePayload),
  /** Host or a member of the table: copy a card onto the plenary board. */
  'card:promote': dataEvent<{ plenaryCardId: string }>()(cardPromotePayload),
  /** Participant: mark oneself ready (or not) for the next round. */
  'participant:ready': stateEvent(participantReadyPayload),
  /** Host: open or close the lens deck `{ open }` (issue 9). */
  'host:lenses': stateEvent(lensesPayload),
  /** Host or the case holder: `{ adviceId, status, note }` — what became of an earlier advice. */
  'followup:mark': stateEvent(followUpMarkPayload),
  /**
   * Host (case day): `{ action: 'bring', groupId, scrollX, scrollY }` brings everyone to that board
   * (a table or 'plenary') at that scroll position; `{ action: 'release' }` lets them go (issue 15).
   */
  'host:focus': stateEvent(hostFocusPayload),
  /** Asks for the current session state (e.g. after a reconnect). */
  'session:get': stateEvent(z.unknown()),
  /** Issue 16, host: set a new dilemma `{ text, left, right }`; it becomes the current one. */
  'dilemma:set': dataEvent<DilemmaView>()(dilemmaSetPayload),
  /** Participant: place or move one's own marker `{ dilemmaId, position: 0..100 }` until the reveal. */
  'dilemma:place': dataEvent<DilemmaView>()(dilemmaPlacePayload),
  /** Host: reveal the markers of `{ dilemmaId }` to everyone. */
  'dilemma:reveal': dataEvent<DilemmaView>()(dilemmaRevealPayload),
  /** The current dilemma as this socket may see it (with its own marker), or null. */
  'dilemma:get': dataEvent<DilemmaView | null>()(z.unknown()),
} as const satisfies Record<string, ClientEventSpec>;

type ClientEvents = typeof CLIENT_EVENTS;
export type ClientEvent = keyof ClientEvents;

/** What a client sends with `E` (the schema's input: defaults may be left out). */
export type EventPayload<E extends ClientEvent> = z.input<ClientEvents[E]['schema']>;
/** What the server's handler of `E` gets once the payload is parsed. */
export type EventData<E extends ClientEvent> = z.output<ClientEvents[E]['schema']>;
/** What the handler of `E` returns on success. */
export type EventResult<E extends ClientEvent> =
  ClientEvents[E] extends ClientEventSpec<z.ZodType, 'state' | 'data', infer T> ? T : never;
/** Each event's acknowledgement. */
type Answers = { [E in ClientEvent]: ClientEvents[E]['answer'] extends 'state' ? StateAck : Ack<EventResult<E>> };
/**
 * The acknowledgement of `E`. A lookup (not a conditional), so that for any `E extends StateEvent`
 * the type checker knows it is a StateAck.
 */
export type EventAnswer<E extends ClientEvent> = Answers[E];

/** The events that answer with the new session state (StateAck). */
export type StateEvent = { [E in ClientEvent]: ClientEvents[E]['answer'] extends 'state' ? E : never }[ClientEvent];
/** The events that answer `{ ok: true, data }`. */
export type DataEvent = Exclude<ClientEvent, StateEvent>;

/** Events a client may emit (the Socket.io generic), derived from CLIENT_EVENTS. */
export type ClientToServerEvents = {
  [E in ClientEvent]: (payload: EventPayload<E>, ack: (res: EventAnswer<E>) => void) => void;
};

/**
 * Server → client: the payload of each event. The client takes the server's word for these, so
 * they have types but no schemas.
 */
export interface ServerEventPayloads {
  /** The whole presence list of the session, sent on every join, leave and reconnect. */
  'presence:update': PresenceEntry[];
  /** The authoritative session state; on connect and after every change. */
  'session:state': SessionState;
  /** The host handed the session over (`locked: true`: every board read-only) or reopened it. */
  'session:locked': { locked: boolean };
  /**
   * Issue 16: the current dilemma changed (set, a marker placed, revealed). To the session's room
   * without anyone's own marker (`mine: null`) and, before the reveal, without positions; to a
   * participant's own sockets with their `mine`.
   */
  'dilemma:update': DilemmaView | null;
  /**
   * To a co-host's own sockets only: the host revoked their link. The socket gets no more state and
   * every event it sends is refused with `cohost_revoked` (issue 15).
   */
  'cohost:revoked': { code: 'cohost_revoked'; message: string };
}

/** Events the server emits (the Socket.io generic), derived from ServerEventPayloads. */
export type ServerToClientEvents = {
  [E in keyof ServerEventPayloads]: (payload: ServerEventPayloads[E]) => void;
};
