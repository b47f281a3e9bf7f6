import type { DocRoom } from './DocRoom';

/** Origin of changes that another instance made and persisted (STYLE.md: transactions carry an origin). */
export const REMOTE_ORIGIN = 'redis';

/**
 * What a DocRoom tells the instances around it when several serve one Redis (server/src/scale).
 * Absent with one instance: the room then behaves exactly as before.
 */
export interface RoomSync {
  /** The room is loaded: start receiving other instances' changes and catch up from the store. */
  opened(room: DocRoom): Promise<void>;
  /** The room is closing: stop receiving. */
  closed(room: DocRoom): void;
  /** An update was persisted as `seq` and relayed to local clients; carry it to other instances. */
  committed(room: DocRoom, update: Uint8Array, seq: number): void;
  /** Awareness of these client ids changed here (origin as given to the awareness update). */
  awarenessChanged(room: DocRoom, clients: number[], origin: unknown): void;
  /** A session was locked or reopened here (DocRegistry.setSessionReadOnly); enforce it everywhere. */
  sessionReadOnly(sessionId: string, readOnly: boolean): void;
  /** A session's rooms were closed here because it is being deleted (DocRegistry.closeSession). */
  sessionClosed(sessionId: string, code: number, reason: string): void;
  /**
   * Replaces compaction of the in-memory doc, which may lag behind updates other instances have
   * appended; never throws.
   */
  compact(room: DocRoom): Promise<void>;
}
