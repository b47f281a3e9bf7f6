import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE_CODES, LIMITS, focusGrantsRead, parseDocName } from '@casusbord/shared';
import type { Auth, DocAccess, Principal } from '../auth/Auth';
import type { SessionStates } from '../control/SessionStates';
import type { Config } from '../config';
import { isSessionDocument } from '../auth/Auth';
import { clientAddress } from '../http/clientAddress';
import { isOriginAllowed } from '../http/origin';
import { refuseSocket } from '../http/rawReply';
import { ConnectionLimits, type ConnectionSlot } from './ConnectionLimits';
import type { DocRegistry } from './DocRegistry';
import type { Connection, DocRoom } from './DocRoom';
import { TokenBucket, type Rate } from './TokenBucket';
import { YJS_PREFIX, parseUpgradeRequest, type UpgradeTarget } from './upgradeRequest';
import { frameSink } from './frame';

export { YJS_PREFIX };

/** Per-connection message budget: a burst of 400 frames, refilled at 200 per second. */
const MESSAGE_RATE: Rate = { burst: 400, perSecond: 200 };

interface Deps {
  config: Config;
  auth: Auth;
  registry: DocRegistry;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** The session states: while the facilitator brought everyone to a table, its board is readable for all (focus.ts). */
  states?: SessionStates;
  /** Hears each refusal by reason (connection caps, message rate, bad tokens), for /metrics. */
  refused?: (reason: string) => void;
}

/** The error listener of every connection: one shared function (EventEmitter calls it with the socket as `this`). */
function terminate(this: WebSocket): void {
  this.terminate();
}

/** One frame of an accepted connection: rate-limited, then queued in its room. */
function receive(
  room: DocRoom,
  conn: Connection,
  budget: TokenBucket,
  data: RawData,
  isBinary: boolean,
  refused: Deps['refused'],
): void {
  if (!budget.take(Date.now())) {
    refused?.('message_rate');
    room.removeConnection(conn.ws);
    conn.ws.close(CLOSE_CODES.rateLimited, 'too many messages');
    return;
  }
  if (!isBinary && typeof data === 'string') return;
  room.receive(conn, toUint8Array(data));
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The y-websocket endpoint: `ws://HOST/yjs/<docName>?token=<token>`. Handles the HTTP upgrade
 * itself (not through Fastify) so that Socket.io keeps its own upgrades on the same port.
 * Refusals complete the handshake and then close with a CLOSE_CODES code, because browsers
 * expose close codes but not the HTTP status of a failed handshake.
 */
export class YjsRoute {
  private readonly wss: WebSocketServer;
  private readonly limits: ConnectionLimits;

  constructor(private readonly deps: Deps) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.wsFrameBytes, perMessageDeflate: false });
    this.limits = new ConnectionLimits(deps.config);
  }

  /**
   * Claims the upgrades under /yjs/. A URL that cannot be read is answered `400`/`414` JSON before
   * the handshake; nothing an outsider sends may throw out of this listener or out of `accept`.
   */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith(YJS_PREFIX)) return;
      try {
        const target = parseUpgradeRequest(req.url, req.headers);
        if (!target.ok) return refuseSocket(socket, target.status, target.code, target.message);
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          this.accept(ws, req, target, socket).catch((err: unknown) => this.failed(ws, err));
        });
      } catch (err) {
        this.deps.log.error({ err }, 'could not handle a /yjs upgrade');
        socket.destroy();
      }
    });
    // ws's own handshake refusals (no Sec-WebSocket-Key, wrong version, …) in the contract's shape.
    this.wss.on('wsClientError', (err, socket) => {
      const version = /Version/.test(err.message) ? { 'Sec-WebSocket-Version': '13, 8' } : undefined;
      refuseSocket(socket, 400, 'bad_request', err.message, version);
    });
  }

  /** The token's access to the document, or read access to another table's board everyone was brought to. */
  private async accessOf(principal: Principal, docName: string): Promise<DocAccess> {
    const access = this.deps.auth.docAccess(principal, docName);
    const { states } = this.deps;
    const doc = parseDocName(docName);
    if (access !== 'none' || !states || !doc || principal.role !== 'participant' || doc.kind !== 'board') return access;
    const state = states.get(principal.sessionId) ?? (await states.fetch(principal.sessionId));
    return focusGrantsRead(state?.focus ?? null, principal, doc) ? 'read' : 'none';
  }

  /** An unexpected throw while a connection was accepted: logged, and only that connection ends. */
  private failed(ws: WebSocket, err: unknown): void {
    this.deps.log.error({ err }, 'could not accept a /yjs connection');
    ws.terminate();
  }

  private async accept(ws: WebSocket, req: IncomingMessage, target: UpgradeTarget, socket: Duplex): Promise<void> {
    const { auth, registry, config } = this.deps;
    // Buffer frames that arrive while the token is checked and the document loads.
    const early: RawData[] = [];
    const buffer = (data: RawData) => early.push(data);
    ws.on('message', buffer);
    ws.on('error', terminate);

    const { docName, token } = target;
    if (!isOriginAllowed(config, target.origin, target.host)) {
      return ws.close(CLOSE_CODES.badOrigin, 'origin not allowed');
    }
    // Names of another scheme are refused before a token lookup (shared/src/domain/docNames.ts).
    if (!parseDocName(docName)) return ws.close(CLOSE_CODES.notFound, 'unknown document');
    let principal;
    try {
      principal = await auth.resolve(token);
    } catch (err) {
      // Not the token's fault: 4401 would make the client drop its offline copy for good.
      this.deps.log.error({ err }, 'token lookup failed');
      return ws.close(CLOSE_CODES.storeFailure, 'the token could not be checked; try again');
    }
    if (!principal) {
      this.deps.refused?.('unauthorized');
      return ws.close(CLOSE_CODES.unauthorized, 'missing or invalid token');
    }
    let access: DocAccess;
    try {
      access = await this.accessOf(principal, docName);
    } catch (err) {
      this.deps.log.error({ err }, 'session state lookup failed');
      return ws.close(CLOSE_CODES.storeFailure, 'the session could not be read; try again');
    }
    if (access === 'none') return ws.close(CLOSE_CODES.forbidden, 'this token may not open this document');
    if (ws.readyState !== ws.OPEN) return;
    // From here the slot is given back on every path: refusal, load failure, early close, or close.
    const slot = this.limits.open(principal, clientAddress(req, config.trustProxy));
    if (typeof slot === 'string') {
      this.deps.refused?.(`connections_per_${slot}`);
      const cap = slot === 'token' ? 'for this token' : 'from this address';
      return ws.close(CLOSE_CODES.tooManyConnections, `too many open connections ${cap}`);
    }

    let room;
    let locked: () => boolean;
    try {
      const read = await registry.readSession(principal.sessionId);
      // Only documents the session has: no name loads an empty room or adds a document to the store.
      if (!isSessionDocument(read.session, principal, docName)) {
        this.limits.close(slot);
        return ws.close(CLOSE_CODES.notFound, 'unknown document');
      }
      // After a handover every connection of the session is read-only, whatever its token.
      locked = read.locked;
      room = await registry.acquire(docName);
    } catch (err) {
      this.limits.close(slot);
      this.deps.log.error({ doc: docName, err }, 'could not load document');
      return ws.close(CLOSE_CODES.storeFailure, 'document could not be loaded');
    }
    if (ws.readyState !== ws.OPEN) {
      this.limits.close(slot);
      registry.released(room);
      return;
    }
    try {
      const conn = room.addConnection(ws, principal, access === 'read', locked(), frameSink(ws, socket));
      ws.off('message', buffer);
      this.serve(room, conn, early, slot);
    } catch (err) {
      // Never reached serve's close listener: give the place and the room back here.
      this.limits.close(slot);
      room.removeConnection(ws);
      registry.released(room);
      throw err;
    }
  }

  /**
   * Feeds an accepted connection's frames (first those buffered while it was accepted) to its room.
   * A method of its own so that the listeners, which live as long as the connection, keep only
   * what they use alive (not the request or the early frames). They are inline arrows on purpose:
   * tsx compiles with esbuild's keepNames, which gives an arrow assigned to a const its own `name`
   * property, a 256-byte property dictionary per connection (measured in heap snapshots).
   */
  private serve(room: DocRoom, conn: Connection, early: RawData[], slot: ConnectionSlot): void {
    const { ws } = conn;
    const { registry, refused } = this.deps;
    const { limits } = this;
    const budget = new TokenBucket(MESSAGE_RATE);
    for (const data of early) receive(room, conn, budget, data, true, refused);
    ws.on('message', (data: RawData, isBinary: boolean) => receive(room, conn, budget, data, isBinary, refused));
    ws.on('close', () => {
      room.removeConnection(ws);
      registry.released(room);
      limits.close(slot);
    });
  }

  /** Open /yjs WebSockets (also those still being accepted), for /metrics. */
  get openConnections(): number {
    return this.wss.clients.size;
  }

  /** Closes the WebSocket server (rooms are closed by the registry). */
  close(): Promise<void> {
    for (const client of this.wss.clients) client.close(CLOSE_CODES.goingAway, 'server shutting down');
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
