import { sessionOfDoc } from '@casusbord/shared';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Redis } from 'ioredis';
import { redisKeys } from '../store/RedisStore';
import { type Store } from '../store/Store';
import type { DocRoom } from '../yjs/DocRoom';
import { REMOTE_ORIGIN, type RoomSync } from '../yjs/RoomSync';
import { SeqTracker } from './SeqTracker';
import { SharedCompactor } from './SharedCompactor';
import { decodeWire, encodeWire, type WireMessage } from './wire';

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

export interface DocSyncDeps {
  instanceId: string;
  prefix: string;
  /** Commands: PUBLISH, the compaction lock, the seq probe. */
  pub: Redis;
  /** Subscriber connection (created with autoResubscribe off: we resubscribe and then catch up). */
  sub: Redis;
  store: Store;
  log: Log;
  /** How often the stored seq of every open document is compared with what we applied, ms. */
  probeMs?: number;
}

interface Tracked {
  room: DocRoom;
  seqs: SeqTracker;
  catchUp: Promise<void> | null;
  /** A catch-up was asked for while one ran; run once more after it. */
  again: boolean;
  /** `seqs.through` at the last probe that found us behind; behind twice in a row → catch up. */
  behindAt: number | null;
}

/**
 * Carries a document's updates and awareness between instances over one Redis pub/sub channel
 * per document. The instance that receives an update from its client persists it first (DocRoom
 * commit) and then publishes it with its seq; the others apply it with a remote origin and relay
 * it to their clients without storing it again.
 *
 * Pub/sub is at-most-once, so nothing relies on it alone: after (re)subscribing, and whenever the
 * stored seq runs ahead of what was applied for two probes in a row, the room catches up from the
 * store. Applying known Yjs updates again changes nothing, so catching up is always safe.
 */
export class DocSync implements RoomSync {
  private readonly rooms = new Map<string, Tracked>();
  private readonly keys;
  private readonly compactor: SharedCompactor;
  private readonly probeTimer: NodeJS.Timeout;
  private probing = false;

  constructor(private readonly deps: DocSyncDeps) {
    this.keys = redisKeys(deps.prefix);
    this.compactor = new SharedCompactor({ client: deps.pub, store: deps.store, prefix: deps.prefix, log: deps.log });
    deps.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    // Subscribes the sessions channel on the first connection; after a reconnect (Redis restarted,
    // network blip) resubscribes everything and catches up on what may have been missed.
    deps.sub.on('ready', () => void this.resubscribeAll());
    this.probeTimer = setInterval(() => void this.probe(), deps.probeMs ?? 500);
    this.probeTimer.unref();
  }

  private channel(docName: string): string {
    return `${this.deps.prefix}yjs:${docName}`;
  }

  /** Session-wide news (handover locks), for every instance whatever it has open. */
  private get sessionsChannel(): string {
    return `${this.deps.prefix}yjs-sessions`;
  }

  async opened(room: DocRoom): Promise<void> {
    const tracked: Tracked = { room, seqs: new SeqTracker(), catchUp: null, again: false, behindAt: null };
    this.rooms.set(room.name, tracked);
    try {
      // Subscribe first, then read the store: whatever is appended later is published later.
      await this.deps.sub.subscribe(this.channel(room.name));
      await this.catchUp(tracked);
    } catch (err) {
      this.closed(room);
      throw err;
    }
    this.publish(room.name, { type: 'awareness-query', from: this.deps.instanceId });
  }

  closed(room: DocRoom): void {
    if (this.rooms.get(room.name)?.room !== room) return;
    this.rooms.delete(room.name);
    this.deps.sub.unsubscribe(this.channel(room.name)).catch(() => undefined);
  }

  committed(room: DocRoom, update: Uint8Array, seq: number): void {
    this.rooms.get(room.name)?.seqs.note(seq);
    this.publish(room.name, { type: 'update', from: this.deps.instanceId, seq, update });
  }

  awarenessChanged(room: DocRoom, clients: number[], origin: unknown): void {
    // Remote states are the sender's to publish; 'timeout' removals happen on every instance alike.
    if (origin === REMOTE_ORIGIN || origin === 'timeout') return;
    const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients);
    this.publish(room.name, { type: 'awareness', from: this.deps.instanceId, update });
  }

  async compact(room: DocRoom): Promise<void> {
    await this.compactor.compact(room.name);
  }

  sessionReadOnly(sessionId: string, readOnly: boolean): void {
    const msg: WireMessage = { type: 'read-only', from: this.deps.instanceId, sessionId, locked: readOnly };
    this.deps.pub.publish(this.sessionsChannel, encodeWire(msg)).catch(() => undefined);
  }

  sessionClosed(sessionId: string, code: number, reason: string): void {
    const msg: WireMessage = { type: 'session-closed', from: this.deps.instanceId, sessionId, code, reason };
    this.deps.pub.publish(this.sessionsChannel, encodeWire(msg)).catch(() => undefined);
  }

  /** Closes a participant's connections to a document on the other instances (a table move). */
  closeElsewhere(docName: string, participantId: string, code: number, reason: string): void {
    this.publish(docName, { type: 'close', from: this.deps.instanceId, participantId, code, reason });
  }

  private publish(docName: string, msg: WireMessage): void {
    // A lost publish is healed by the probe and by catch-up on resubscribe; no need to wait.
    this.deps.pub.publish(this.channel(docName), encodeWire(msg)).catch(() => undefined);
  }

  private onMessage(channel: string, data: Buffer): void {
    const msg = decodeWire(data);
    if (!msg || msg.from === this.deps.instanceId) return;
    if (channel === this.sessionsChannel) {
      const rooms = [...this.rooms.values()].map((t) => t.room).filter((r) => !r.isClosed);
      if (msg.type !== 'read-only' && msg.type !== 'session-closed') return;
      const ofSession = rooms.filter((r) => sessionOfDoc(r.name) === msg.sessionId);
      // Connections opened later read the lock from the store (DocRegistry.readSession).
      if (msg.type === 'read-only') for (const room of ofSession) room.setReadOnly(msg.locked);
      else void this.closeDeleted(msg.sessionId, ofSession, msg.code, msg.reason);
      return;
    }
    const prefix = this.channel('');
    const tracked = channel.startsWith(prefix) ? this.rooms.get(channel.slice(prefix.length)) : undefined;
    if (!tracked) return;
    const { room } = tracked;
    try {
      if (msg.type === 'update') {
        if (tracked.seqs.note(msg.seq)) {
          room
            .applyRemote(msg.update)
            .catch((err: unknown) => this.deps.log.error({ doc: room.name, err }, 'remote update failed'));
        }
      } else if (msg.type === 'awareness') {
        room.applyRemoteAwareness(msg.update);
      } else if (msg.type === 'close') {
        // `participantId` names whom to close: a participant, or a co-host (revoked).
        room.closeWhere(
          (conn) => (conn.principal.participantId ?? conn.principal.cohostId) === msg.participantId,
          msg.code,
          msg.reason,
        );
      } else if (msg.type === 'awareness-query') {
        const local = room.localAwarenessIds();
        if (local.length > 0) this.awarenessChanged(room, local, null);
      }
    } catch (err) {
      this.deps.log.warn({ doc: room.name, err }, 'ignored a malformed message from another instance');
    }
  }

  /**
   * Closes this instance's rooms of a session that another instance is deleting. An update this
   * instance stored after that deletion would be left behind, so once the rooms are closed (no
   * more writes from here) and the session is gone, delete again: deleting is idempotent.
   */
  private async closeDeleted(sessionId: string, rooms: DocRoom[], code: number, reason: string): Promise<void> {
    try {
      await Promise.all(rooms.map((room) => room.close(code, reason, false)));
      if (rooms.length > 0 && !(await this.deps.store.getSession(sessionId)))
        await this.deps.store.deleteSession(sessionId);
    } catch (err) {
      this.deps.log.error({ err }, 'closing the documents of a deleted session failed');
    }
  }

  /** Applies whatever the store holds that this room lacks; one catch-up per room at a time. */
  private catchUp(tracked: Tracked): Promise<void> {
    if (tracked.catchUp) {
      tracked.again = true;
      return tracked.catchUp;
    }
    tracked.catchUp = (async () => {
      try {
        do {
          tracked.again = false;
          await this.loadInto(tracked);
        } while (tracked.again && this.rooms.get(tracked.room.name) === tracked);
      } finally {
        tracked.catchUp = null;
      }
    })();
    return tracked.catchUp;
  }

  private async loadInto(tracked: Tracked): Promise<void> {
    const name = tracked.room.name;
    // Every seq up to the counter read here is in the log or the snapshot read next, even one whose
    // publish was lost: the counter and the log entry change in one script.
    const counter = Number((await this.deps.pub.get(this.keys.docSeq(name))) ?? 0);
    const stored = await this.deps.store.loadDoc(name);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    // Enqueued before `through` moves on, so an update skipped from now on is already queued here.
    const applied =
      parts.length > 0 ? tracked.room.applyRemote(parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts)) : null;
    tracked.seqs.advanceTo(Math.max(counter, stored.lastSeq));
    tracked.behindAt = null;
    await applied;
  }

  private async resubscribeAll(): Promise<void> {
    const all = [...this.rooms.values()];
    try {
      await this.deps.sub.subscribe(this.sessionsChannel, ...all.map((t) => this.channel(t.room.name)));
      await Promise.all(all.map((t) => this.catchUp(t)));
    } catch (err) {
      this.deps.log.warn({ err }, 'catch-up after reconnecting to Redis failed; the probe retries');
    }
  }

  /** Compares each open document's stored seq with what was applied; catches up a room that stays behind. */
  private async probe(): Promise<void> {
    if (this.probing || this.rooms.size === 0 || this.deps.pub.status !== 'ready') return;
    this.probing = true;
    try {
      const all = [...this.rooms.values()];
      const counters = await this.deps.pub.mget(all.map((t) => this.keys.docSeq(t.room.name)));
      all.forEach((tracked, i) => {
        const stored = Number(counters[i] ?? 0);
        if (stored <= tracked.seqs.through || tracked.catchUp) {
          tracked.behindAt = null;
        } else if (tracked.behindAt === tracked.seqs.through) {
          // Still behind without progress: a publish was lost (or its sender died before sending).
          void this.catchUp(tracked).catch((err: unknown) =>
            this.deps.log.warn({ doc: tracked.room.name, err }, 'catch-up failed'),
          );
        } else {
          tracked.behindAt = tracked.seqs.through;
        }
      });
    } catch {
      // Redis away: the reconnect triggers a full catch-up anyway.
    } finally {
      this.probing = false;
    }
  }

  close(): void {
    clearInterval(this.probeTimer);
  }
}
