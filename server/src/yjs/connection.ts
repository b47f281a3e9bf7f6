import type { WebSocket } from 'ws';
import type { FrameSink } from './frame';
import type { Principal } from '../auth/Auth';
import type { SessionStates } from '../control/SessionStates';
import type { RoomSync } from './RoomSync';
import type { Rate, TokenBucket } from './TokenBucket';

/** Awareness updates per connection: a burst of 30, then 15 per second; more are dropped. */
export const AWARENESS_RATE: Rate = { burst: 30, perSecond: 15 };

/** Close a client whose unsent buffer grows past this (bytes): it cannot keep up and would eat memory. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface RoomOptions {
  compactAfterUpdates: number;
  /** Session states for the write policy; without them (tools, unit tests) no policy is applied. */
  states?: SessionStates;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Other instances on the same Redis (server/src/scale); absent with one instance. */
  sync?: RoomSync;
  /** Hears the permission-denied reasons sent for one update (write policy, content limits), for /metrics. */
  refused?: (reasons: readonly string[]) => void;
}

/**
 * What a room keeps of a connection's principal: who it is, for the identity rewrite, closeWhere
 * (a revoked co-host's connections close) and the write policy (a draft follows its owner's table).
 */
export type ConnectionIdentity = Pick<Principal, 'name' | 'role' | 'participantId' | 'groupId' | 'cohostId'>;

export interface Connection {
  readonly ws: WebSocket;
  /** The socket under `ws` for relays framed once (frame.ts), or null: relays go through ws.send. */
  readonly sink: FrameSink | null;
  readonly principal: ConnectionIdentity;
  /** Whether this connection's writes are dropped now: its token only reads, or the session is locked. */
  readOnly: boolean;
  /** The token's own access, to which the connection returns when a locked session is reopened. */
  readonly tokenReadOnly: boolean;
  /** Awareness updates are throttled per connection (cursor moves can be very frequent). */
  readonly awarenessBudget: TokenBucket;
}

/** A client's transactions and awareness updates carry its Connection as their origin. */
export function isConnection(origin: unknown): origin is Connection {
  return typeof origin === 'object' && origin !== null && 'awarenessBudget' in origin;
}

/**
 * An awareness state as the others should see it: with the name and role the server has on record
 * for the sender's token, whatever the client put there (`user.name`, `user.role`,
 * `user.participantId`). Null when the state already says so (or is no object).
 */
export function withIdentity(state: unknown, identity: ConnectionIdentity): Record<string, unknown> | null {
  if (!state || typeof state !== 'object') return null;
  const claimed = (state as { user?: unknown }).user;
  const user = claimed && typeof claimed === 'object' ? (claimed as Record<string, unknown>) : {};
  const { name, role, participantId } = identity;
  if (user.name === name && user.role === role && user.participantId === participantId) return null;
  // Copied with Object.fromEntries, not object spread: spread copies gave every rewritten state a
  // hidden class of its own (~1.5 KB per room in heap snapshots). Not Object.assign either: it
  // would take a claimed `__proto__` key for the prototype.
  const corrected = Object.fromEntries([
    ...Object.entries(user),
    ['name', name],
    ['role', role],
    ['participantId', participantId],
  ]);
  return Object.fromEntries([...Object.entries(state), ['user', corrected]]);
}

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError';
}
