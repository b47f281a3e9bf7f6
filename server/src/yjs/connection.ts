import type { WebSocket } from 'ws';
import type { Principal } from '../auth/Auth';
import type { RoomSync } from './RoomSync';
import type { TokenBucket } from './TokenBucket';

/** Awareness updates per connection: a burst of 30, then 15 per second; more are dropped. */
export const AWARENESS_BURST = 30;
export const AWARENESS_PER_SECOND = 15;

/** Close a client whose unsent buffer grows past this (bytes): it cannot keep up and would eat memory. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface RoomOptions {
  compactAfterUpdates: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Other instances on the same Redis (server/src/scale); absent with one instance. */
  sync?: RoomSync;
}

export interface Connection {
  readonly ws: WebSocket;
  readonly principal: Principal;
  /** Whether this connection's writes are dropped now: its token only reads, or the session is locked. */
  readOnly: boolean;
  /** The token's own access, to which the connection returns when a locked session is reopened. */
  readonly tokenReadOnly: boolean;
  /** Awareness client ids this connection has announced, removed when it closes. */
  readonly awarenessIds: Set<number>;
  /** Awareness updates are throttled per connection (cursor moves can be very frequent). */
  readonly awarenessBudget: TokenBucket;
}

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError';
}
