import type { Ack } from './errors';
import type { PresenceEntry } from './types';

/** Events the server emits over Socket.io. */
export interface ServerToClientEvents {
  /** The whole presence list of the session, sent on every join, leave and reconnect. */
  'presence:update': (entries: PresenceEntry[]) => void;
}

/** Events a client may emit; every one is validated and acknowledged. */
export interface ClientToServerEvents {
  /** Asks for the current presence list. */
  'presence:list': (payload: unknown, ack: (res: Ack<PresenceEntry[]>) => void) => void;
}
