import WebSocket from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * A lean y-websocket client: the same frames as the official WebsocketProvider (sync step 1/2,
 * updates, awareness with a 15 s renewal), without its reconnect and BroadcastChannel machinery,
 * so one worker thread can hold hundreds. Both servers resolve Yjs 13.6.x, so one client speaks to both.
 */

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Origin of transactions applied from the server, so local listeners can tell them apart. */
export const REMOTE = Symbol('remote');

export interface LeanClientOptions {
  url: string;
  /** Awareness state announced on connect (the provider renews it every 15 s); null sends none. */
  awarenessState?: Record<string, unknown> | null;
  /** Renewal period of the awareness state, ms (y-protocols renews after outdatedTimeout / 2 = 15 s). */
  awarenessRenewMs?: number;
  /** Counts frames by type, for messages per second. */
  onFrame?: (type: number, bytes: number) => void;
}

export class LeanClient {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  ws: WebSocket | null = null;
  synced = false;
  closed = false;
  closeCode: number | null = null;
  errors = 0;
  sentFrames = 0;
  /** performance.now() when the server's reply to our sync step 1 arrived, and when it was applied. */
  step2ReceivedAt = 0;
  step2AppliedAt = 0;
  step2Bytes = 0;
  openedAt = 0;
  private renewTimer: NodeJS.Timeout | null = null;
  private syncWaiters: (() => void)[] = [];

  constructor(private readonly options: LeanClientOptions) {
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The Awareness class starts its own 3 s check interval; we renew explicitly instead.
    this.awareness.destroy();
    this.awareness.setLocalState(options.awarenessState ?? null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || !this.ws || this.ws.readyState !== WebSocket.OPEN) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  /** Opens the socket and sends sync step 1 (and awareness); resolves when the socket is open. */
  connect(timeoutMs = 15000): Promise<void> {
    const ws = new WebSocket(this.options.url, { perMessageDeflate: true, handshakeTimeout: timeoutMs });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      ws.on('open', () => {
        this.openedAt = performance.now();
        settled = true;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        this.send(encoding.toUint8Array(encoder));
        if (this.awareness.getLocalState() !== null) {
          this.sendAwareness();
          const every = this.options.awarenessRenewMs ?? 15000;
          // Start at a random phase so a thousand clients do not renew in the same millisecond.
          const first = setTimeout(() => {
            this.renewAwareness();
            this.renewTimer = setInterval(() => this.renewAwareness(), every);
          }, Math.random() * every);
          this.renewTimer = first;
        }
        resolve();
      });
      ws.on('message', (data: Buffer) => this.onMessage(data));
      ws.on('error', (err) => {
        this.errors++;
        if (!settled) {
          settled = true;
          reject(err);
        }
      });
      ws.on('close', (code) => {
        this.closed = true;
        this.closeCode = code;
        this.stopTimers();
        if (!settled) {
          settled = true;
          reject(new Error(`closed ${code} before open`));
        }
      });
    });
  }

  /** Resolves once the server's sync step 2 has been applied. */
  whenSynced(timeoutMs = 30000): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('sync timed out')), timeoutMs);
      this.syncWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends our state vector again; the server's step 2 answer proves it processed everything sent before. */
  async roundTrip(timeoutMs = 60000): Promise<void> {
    this.synced = false;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
    await this.whenSynced(timeoutMs);
  }

  send(frame: Uint8Array): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    this.sentFrames++;
    this.ws.send(frame, (err) => {
      if (err) this.errors++;
    });
  }

  /** Sends a raw Yjs update as the provider would. */
  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  private sendAwareness(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    this.send(encoding.toUint8Array(encoder));
  }

  private renewAwareness(): void {
    if (this.closed) return;
    // setLocalState bumps the clock, which is what the provider's renewal does.
    this.awareness.setLocalState(this.awareness.getLocalState());
    this.sendAwareness();
  }

  private onMessage(data: Buffer): void {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    this.options.onFrame?.(type, bytes.byteLength);
    if (type === MESSAGE_SYNC) {
      const subType = decoding.peekVarUint(decoder);
      if (subType === syncProtocol.messageYjsSyncStep2) {
        this.step2ReceivedAt = performance.now();
        this.step2Bytes = bytes.byteLength;
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, REMOTE);
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      if (subType === syncProtocol.messageYjsSyncStep2) {
        this.step2AppliedAt = performance.now();
        this.synced = true;
        for (const wake of this.syncWaiters.splice(0)) wake();
      }
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), REMOTE);
    }
  }

  private stopTimers(): void {
    if (this.renewTimer) {
      clearTimeout(this.renewTimer);
      clearInterval(this.renewTimer);
    }
    this.renewTimer = null;
  }

  close(): void {
    this.stopTimers();
    if (this.ws && this.ws.readyState !== WebSocket.CLOSED) {
      this.ws.close(1000, 'bench done');
    }
    this.closed = true;
  }

  destroy(): void {
    this.close();
    this.doc.destroy();
  }
}
