import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import {
  CLOSE_CODES,
  LIMITS,
  refusalReason,
  sessionOfDoc,
  typeBoardRoots,
  writerFor,
  type SessionState,
  type Writer,
  type WriteRefusal,
} from '@casusbord/shared';
import type { Principal } from '../auth/Auth';
import type { Store } from '../store/Store';
import { TokenBucket } from './TokenBucket';
import {
  AWARENESS_RATE,
  MAX_BUFFERED_BYTES,
  MalformedMessageError,
  isConnection,
  withIdentity,
  type Connection,
  type RoomOptions,
} from './connection';
import { enforceContentLimits, VIOLATION_MESSAGES } from './contentLimits';
import { analyse, createPolicyMemory, markPolicyItems, type PolicyMemory, type PolicyResult } from './writePolicy';
import {
  encodeAwarenessMessage,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
} from './messages';
import { REMOTE_ORIGIN } from './RoomSync';
import { readClientMessage } from './receiver';
import { binaryFrame, type FrameSink } from './frame';

export { MalformedMessageError, type Connection, type RoomOptions };
/**
 * One board document with its connections and awareness. Messages of all connections are
 * processed one after another: an update is applied and its append requested at once, and it is
 * relayed only once stored (in order), so whatever another client has seen is on disk. The next
 * message need not wait for the store: the updates a room applies in one event-loop turn share
 * one group commit.
 */
export class DocRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  private queue: Promise<void> = Promise.resolve();
  /** The appends and relays of applied updates, in order (commit); never rejects. */
  private persisting: Promise<void> = Promise.resolve();
  private appendsSinceCompaction: number;
  private lastSeq: number;
  private closing: Promise<void> | null = null;
  /** Updates of the commit in progress (one listener for the room's life, not one per commit). */
  private collecting: Uint8Array[] | null = null;
  /** What the last transaction of a client changed, for the content limits. */
  private clientChanges: Map<Y.AbstractType<unknown>, Set<string | null>> | null = null;
  /** The writer whose update is being applied, and what the write policy found in it. */
  private policyWriter: Writer | null = null;
  private policyResult: PolicyResult | null = null;
  /** The document is at its size budget: the update being applied may delete, not add. */
  private full = false;
  /** Each connection's writer and the session state it was worked out from. */
  private readonly writers = new WeakMap<Connection, { state: SessionState | null; writer: Writer }>();
  /** What the policy remembers between updates (created on first use). */
  private policyMemory: PolicyMemory | null = null;
  /** Bytes appended to the store since the last snapshot (a snapshot is written past LIMITS.docBytes). */
  private bytesSinceCompaction = 0;
  /** An upper bound on the document's encoded size: the last measure plus what was applied since. */
  private sizeBound = 0;
  /** The connection that announced each awareness client id (one map per room, not a Set per connection). */
  private readonly awarenessOwners = new Map<number, Connection>();
  /** The session the board belongs to (rooms exist only for real session documents). */
  private readonly sessionId: string;
  // Bound methods, not arrow fields: tsx compiles with esbuild's keepNames, which gives an arrow
  // field its own `name` property, a 256-byte property dictionary per room (heap snapshots).
  private readonly onAwarenessUpdate = this.handleAwarenessUpdate.bind(this);
  private readonly onAfterTransaction = this.noteClientChanges.bind(this);
  private readonly onUpdate = this.collectUpdate.bind(this);

  private constructor(
    readonly name: string,
    private readonly store: Store,
    private readonly options: RoomOptions,
    appendsSinceCompaction: number,
    lastSeq: number,
  ) {
    this.appendsSinceCompaction = appendsSinceCompaction;
    this.lastSeq = lastSeq;
    this.sessionId = sessionOfDoc(name) ?? name;
    // The server holds no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.doc.on('afterTransaction', this.onAfterTransaction);
    this.doc.on('update', this.onUpdate);
    typeBoardRoots(this.doc);
  }

  static async load(name: string, store: Store, options: RoomOptions): Promise<DocRoom> {
    const stored = await store.loadDoc(name);
    const room = new DocRoom(name, store, options, stored.updates.length, stored.lastSeq);
    room.bytesSinceCompaction = stored.updates.reduce((sum, u) => sum + u.byteLength, 0);
    room.sizeBound = room.bytesSinceCompaction + (stored.snapshot?.byteLength ?? 0);
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(room.doc, update);
    }, 'store');
    if (room.appendsSinceCompaction >= options.compactAfterUpdates) await room.compact();
    await options.sync?.opened(room);
    return room;
  }

  get isClosed(): boolean {
    return this.closing !== null;
  }

  /** Resolves when close() has finished; only meaningful once isClosed is true. */
  whenClosed(): Promise<void> {
    return this.closing ?? Promise.resolve();
  }

  /**
   * `locked`: the session is handed over, so even a writer's token only reads (see setReadOnly).
   * `sink`: where relays may be written as finished frames (frameSink); without it, through ws.
   */
  addConnection(
    ws: WebSocket,
    principal: Principal,
    readOnly: boolean,
    locked = false,
    sink: FrameSink | null = null,
  ): Connection {
    const conn: Connection = {
      ws,
      sink,
      // Only what the room uses: the whole principal (session, table) would be kept per connection.
      principal: {
        name: principal.name,
        role: principal.role,
        participantId: principal.participantId,
        groupId: principal.groupId,
        // Always set (undefined but for a co-host): every connection's identity keeps one shape.
        cohostId: principal.cohostId,
      },
      readOnly: readOnly || locked,
      tokenReadOnly: readOnly,
      awarenessBudget: new TokenBucket(AWARENESS_RATE),
    };
    this.connections.set(ws, conn);
    this.enqueue(conn, () => {
      // Writers get our state vector so they send back what we miss; readers never write.
      if (!conn.readOnly) this.send(conn, encodeSyncStep1(this.doc));
      const states = this.awareness.getStates();
      if (states.size > 0) {
        this.send(conn, encodeAwarenessMessage(this.awareness, [...states.keys()]));
      }
    });
    return conn;
  }

  removeConnection(ws: WebSocket): void {
    const conn = this.connections.get(ws);
    if (!conn) return;
    this.connections.delete(ws);
    const ids = [...this.awarenessOwners].filter(([, owner]) => owner === conn).map(([id]) => id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /** The awareness client ids announced by this instance's connections. */
  localAwarenessIds(): number[] {
    return [...this.awarenessOwners.keys()];
  }

  /** Closes the connections that match, e.g. one participant's after a move to another table. */
  closeWhere(match: (conn: Connection) => boolean, code: number, reason: string): void {
    for (const conn of [...this.connections.values()]) if (match(conn)) this.closeConnection(conn, code, reason);
  }

  /**
   * Locks (handover) or unlocks every connection. Takes effect for every message processed from
   * now on, queued ones included. On unlock a writer is sent our state vector, as on connect, so
   * whatever it kept locally while locked merges like an offline edit instead of drifting apart.
   */
  setReadOnly(locked: boolean): void {
    for (const conn of this.connections.values()) {
      const next = conn.tokenReadOnly || locked;
      if (next === conn.readOnly) continue;
      conn.readOnly = next;
      if (!next) {
        this.enqueue(conn, () => this.send(conn, encodeSyncStep1(this.doc)));
      }
    }
  }

  /** Queues one binary frame of a connection. Errors close that connection only. */
  receive(conn: Connection, data: Uint8Array): void {
    this.enqueue(conn, () => this.handleMessage(conn, data));
  }

  /** Applies a change made by the server itself (e.g. a reveal), persisted and relayed like a client's. */
  transactServer(fn: (doc: Y.Doc) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue = this.queue
        .then(async () => {
          const { stored, failure } = this.commit(null, () => this.doc.transact(() => fn(this.doc), 'server'));
          await stored;
          if (failure) throw failure;
        })
        .then(() => resolve(), reject);
    });
  }

  /** Applies an update another instance has persisted already: relayed to local clients, never stored again. */
  applyRemote(update: Uint8Array): Promise<void> {
    const task = this.queue.then(() => {
      if (this.closing) return;
      const relay = (u: Uint8Array) => this.broadcast(encodeUpdateMessage(u), null);
      this.doc.on('update', relay);
      try {
        Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
      } finally {
        this.doc.off('update', relay);
      }
    });
    this.queue = task.catch(() => undefined);
    return task;
  }

  /** Applies awareness from a client on another instance; relayed to local clients only. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (!this.closing) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  private enqueue(conn: Connection, task: () => void | Promise<void>): void {
    this.queue = this.queue
      .then(async () => {
        if (!this.connections.has(conn.ws)) return;
        await task();
      })
      .catch((err: unknown) => this.fail(conn, err));
  }

  private fail(conn: Connection, err: unknown): void {
    if (err instanceof MalformedMessageError) {
      this.options.log.warn({ doc: this.name, reason: err.message }, 'closing connection after malformed message');
      this.closeConnection(conn, CLOSE_CODES.malformed, 'malformed message');
      return;
    }
    // A store failure: the in-memory doc may now hold an update the store lacks. Drop the room so
    // that every client reconnects and resyncs against what the store really has.
    this.options.log.error({ doc: this.name, err }, 'store failure; closing document');
    void this.close(CLOSE_CODES.storeFailure, 'store failure', false);
  }

  private closeConnection(conn: Connection, code: number, reason: string): void {
    this.removeConnection(conn.ws);
    try {
      conn.ws.close(code, reason);
    } catch {
      conn.ws.terminate();
    }
  }

  private async handleMessage(conn: Connection, data: Uint8Array): Promise<void> {
    const message = readClientMessage(data);
    switch (message.kind) {
      case 'sync-step1': {
        // Only what is stored is sent: wait for the appends of what this room has applied.
        await this.persisting;
        let reply: Uint8Array;
        try {
          reply = encodeSyncStep2(this.doc, message.stateVector);
        } catch {
          throw new MalformedMessageError('invalid state vector');
        }
        this.send(conn, reply);
        return;
      }
      case 'update':
        return this.handleUpdate(conn, message.update);
      case 'awareness':
        return this.handleAwareness(conn, message.update);
      case 'query-awareness':
        this.send(conn, encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case 'ignored':
        return;
    }
  }

  private async handleUpdate(conn: Connection, payload: Uint8Array): Promise<void> {
    if (conn.readOnly) return; // refused: a reader's writes are neither applied nor relayed
    const writer = this.options.states ? await this.writerOf(conn) : null;
    this.full = this.isFull(payload.byteLength);
    const reasons: string[] = [];
    let corrected = false;
    const { stored, failure } = this.commit(
      conn,
      () => {
        this.clientChanges = null;
        this.policyWriter = writer;
        this.policyResult = null;
        let malformed = false;
        try {
          Y.applyUpdate(this.doc, payload, conn);
        } catch {
          malformed = true;
        } finally {
          this.policyWriter = null;
        }
        // What breaks the write policy is undone first (also when the update failed half way: what
        // was applied is stored), then what remains is bounded.
        const policy = this.enforcePolicy(conn, writer);
        corrected = policy.corrected;
        for (const refusal of policy.refusals) reasons.push(refusalReason(refusal));
        const changed = this.clientChanges as Map<Y.AbstractType<unknown>, Set<string | null>> | null;
        this.clientChanges = null;
        if (changed) {
          for (const violation of enforceContentLimits(this.doc, changed, 'limits')) {
            reasons.push(`${violation}: ${VIOLATION_MESSAGES[violation]}`);
          }
        }
        if (malformed) throw new MalformedMessageError('invalid update');
      },
      (committed) => {
        // The sender gets the correction too (the rest of the update it has already), and why.
        if ((corrected || reasons.length > 0) && committed) this.send(conn, encodeUpdateMessage(committed));
        for (const reason of reasons) this.send(conn, encodePermissionDenied(reason));
        if (reasons.length > 0) this.options.refused?.(reasons);
      },
    );
    // A store failure closes the room (fail); the next message need not wait for the append.
    stored.catch((err: unknown) => this.fail(conn, err));
    if (failure) throw failure;
  }

  /**
   * Runs the corrections the policy found in the client's transaction. Honest writes that lost a
   * conflict to a removed forgery are then written again as the writer's own transaction, which the
   * policy checks like any other (its own corrections end there).
   */
  private enforcePolicy(conn: Connection, writer: Writer | null): { refusals: WriteRefusal[]; corrected: boolean } {
    const refusals = new Set<WriteRefusal>();
    let corrected = false;
    for (let pass = 0; pass < 2; pass++) {
      const policy = this.policyResult as PolicyResult | null;
      this.policyResult = null;
      if (!policy) break;
      for (const refusal of policy.refusals) refusals.add(refusal);
      if (policy.fixes.length > 0) {
        corrected = true;
        this.doc.transact((tr) => {
          for (const fix of policy.fixes) fix(tr);
        }, 'policy');
      }
      if (pass > 0 || policy.reasserts.length === 0 || !writer) break;
      corrected = true;
      this.policyWriter = writer;
      try {
        this.doc.transact((tr) => {
          for (const reassert of policy.reasserts) reassert(tr);
        }, conn);
      } finally {
        this.policyWriter = null;
      }
    }
    return { refusals: [...refusals], corrected };
  }

  /**
   * Whether the document would pass LIMITS.docBytes with an update of `incoming` bytes. Measured
   * (one encode of the whole document) only when the cheap upper bound says it might.
   */
  private isFull(incoming: number): boolean {
    if (this.sizeBound + incoming <= LIMITS.docBytes) return false;
    this.sizeBound = Y.encodeStateAsUpdate(this.doc).byteLength;
    return this.sizeBound + incoming > LIMITS.docBytes;
  }

  /**
   * Who writes through `conn` now, with the rights of the current round (shared/src/domain/writeRules.ts).
   * Worked out again only when the session state changed (a new state object), not per update.
   */
  private async writerOf(conn: Connection): Promise<Writer> {
    const states = this.options.states!;
    const state = states.get(this.sessionId) ?? (await states.fetch(this.sessionId));
    const known = this.writers.get(conn);
    if (known && known.state === state) return known.writer;
    const writer = writerFor(state, this.name, conn.principal);
    this.writers.set(conn, { state, writer });
    return writer;
  }

  private collectUpdate(update: Uint8Array): void {
    this.collecting?.push(update);
  }

  private noteClientChanges(tr: Y.Transaction): void {
    if (tr.origin === 'policy' && this.policyMemory) markPolicyItems(this.doc, tr, this.policyMemory);
    if (!isConnection(tr.origin)) return;
    if (tr.changed.size > 0 && !this.clientChanges) {
      this.clientChanges = tr.changed as Map<Y.AbstractType<unknown>, Set<string | null>>;
    }
    // Now, before Yjs collects what the transaction deleted: the policy may have to put it back.
    if (this.policyWriter) {
      this.policyMemory ??= createPolicyMemory();
      this.policyResult = analyse(this.doc, tr, this.policyWriter, this.policyMemory, this.full);
    }
  }

  /**
   * Runs `apply` now and requests the append of what it changed at once, so that every update a
   * room applies in one event-loop turn joins the same group commit; relays it once it is stored,
   * in the order the updates were applied (`stored`), then runs `afterStored`. What was applied is
   * persisted even when `apply` throws halfway, so the store and the in-memory doc never diverge.
   * The doc may run ahead of the store for a turn; a new client's sync waits for `stored` first
   * (handleMessage), so nobody sees what is not on disk.
   */
  private commit(
    origin: Connection | null,
    apply: () => void,
    afterStored?: (update: Uint8Array | null) => void,
  ): { stored: Promise<void>; failure: unknown } {
    const updates: Uint8Array[] = [];
    this.collecting = updates;
    let failure: unknown = null;
    try {
      apply();
    } catch (err) {
      failure = err;
    } finally {
      this.collecting = null;
    }
    const update = updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    let append: Promise<number> | null = null;
    if (update) {
      this.sizeBound += update.byteLength;
      append = this.store.appendUpdate(this.name, update);
      // Handled here so a failure waiting its turn is never an unhandled rejection; awaited below.
      append.catch(() => undefined);
    }
    const stored = this.persisting.then(async () => {
      if (update && append) {
        this.lastSeq = await append;
        this.appendsSinceCompaction++;
        this.bytesSinceCompaction += update.byteLength;
        this.broadcast(encodeUpdateMessage(update), origin);
        this.options.sync?.committed(this, update, this.lastSeq);
        // Also by size, so that what the policy removed again (kept in the appended updates, gone
        // from the document) does not pile up in the store.
        if (
          this.appendsSinceCompaction >= this.options.compactAfterUpdates ||
          this.bytesSinceCompaction > LIMITS.docBytes
        ) {
          await this.compact();
        }
      }
      afterStored?.(update);
    });
    this.persisting = stored.catch(() => undefined);
    return { stored, failure };
  }

  private handleAwareness(conn: Connection, update: Uint8Array): void {
    if (!conn.awarenessBudget.take(Date.now())) return; // throttled: dropped, the next one carries the state
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
    } catch {
      throw new MalformedMessageError('invalid awareness update');
    }
  }

  private handleAwarenessUpdate(
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void {
    const changed = [...added, ...updated, ...removed];
    for (const id of removed) this.awarenessOwners.delete(id);
    if (isConnection(origin)) {
      for (const id of added) this.awarenessOwners.set(id, origin);
      // Rewritten before the update is encoded for the others, so they never see the claim.
      for (const id of [...added, ...updated]) {
        const corrected = withIdentity(this.awareness.states.get(id), origin.principal);
        if (corrected) this.awareness.states.set(id, corrected);
      }
    }
    if (changed.length > 0) this.broadcast(encodeAwarenessMessage(this.awareness, changed), null);
    if (changed.length > 0) this.options.sync?.awarenessChanged(this, changed, origin);
  }

  /** The same message to every connection but `except`, framed once (frame.ts). */
  private broadcast(message: Uint8Array, except: Connection | null): void {
    let frame: Buffer | null = null;
    for (const conn of this.connections.values()) {
      if (conn === except || !this.canSend(conn)) continue;
      if (conn.sink) conn.sink.write((frame ??= binaryFrame(message)));
      else conn.ws.send(message);
    }
  }

  private send(conn: Connection, message: Uint8Array): void {
    // No callback per send: a failed write ends the socket, and its 'close' removes the connection (YjsRoute).
    if (this.canSend(conn)) conn.ws.send(message);
  }

  /** Open, and keeping up: a client whose unsent buffer passed the bound is closed instead. */
  private canSend(conn: Connection): boolean {
    if (conn.ws.readyState !== conn.ws.OPEN) return false;
    // Counts the socket's buffer, so frames written to the sink directly are in it too.
    if (conn.ws.bufferedAmount <= MAX_BUFFERED_BYTES) return true;
    this.closeConnection(conn, 1013, 'client too slow');
    return false;
  }

  /** Writes the whole state as one snapshot and drops the updates it contains. */
  private async compact(): Promise<void> {
    if (this.options.sync) await this.options.sync.compact(this);
    else await this.store.compactDoc(this.name, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
    this.appendsSinceCompaction = 0;
    this.bytesSinceCompaction = 0;
  }

  /**
   * Closes every connection and releases the doc. With `compact`, the state is first written as a
   * snapshot (after all queued messages are processed); without it (after a store failure) nothing
   * more is written.
   */
  close(code: number = CLOSE_CODES.goingAway, reason = 'closing', compact = true): Promise<void> {
    if (this.closing) return this.closing;
    this.options.sync?.closed(this);
    this.closing = (async () => {
      for (const conn of [...this.connections.values()]) this.closeConnection(conn, code, reason);
      await this.queue.catch(() => undefined);
      await this.persisting;
      if (compact && this.appendsSinceCompaction > 0) {
        await this.compact().catch((err: unknown) =>
          this.options.log.error({ doc: this.name, err }, 'final compaction failed'),
        );
      }
      this.awareness.off('update', this.onAwarenessUpdate);
      this.doc.off('afterTransaction', this.onAfterTransaction);
      this.doc.off('update', this.onUpdate);
      this.awareness.destroy();
      this.doc.destroy();
    })();
    return this.closing;
  }
}
