import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  CLOSE_CODES,
  ERROR_MESSAGES,
  LIMITS,
  PROTOCOL_VERSION,
  moveOnIfDue,
  plenaryDocName,
  draftDocName,
  readCards,
  copyCardInto,
  deleteCard,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SessionState,
  boardDocName,
} from '@casusbord/shared';
import { recordAudit, type AuditDetail } from '../audit';
import type { Auth, Principal } from '../auth/Auth';
import { clientAddress } from '../http/clientAddress';
import type { Config } from '../config';
import { ConnectionCounter, tokenKey } from '../http/ConnectionCounter';
import { isOriginAllowed } from '../http/origin';
import type { ScaleOut } from '../scale/ScaleOut';
import { type AuditAction, type SessionRecord, type Store } from '../store/Store';
import type { DocRegistry } from '../yjs/DocRegistry';
import type { DocRoom } from '../yjs/DocRoom';
import { cohostRoom, guardCohostSocket } from './cohostSockets';
import { registerSessionHandlers, roundsBefore, settleRoundChanges } from './hostCommands';
import { MoveOnTimers } from './MoveOnTimers';
import { registerCommunityHandlers } from './communityCommands';
import { registerDilemmaHandlers } from './dilemmaCommands';
import { guardAllowRequest, guardMiddleware } from './handshakeGuard';
import { Presence } from './Presence';
import { isCaseDay, SessionControl } from './SessionControl';
import type { SessionStates } from './SessionStates';
import { onData } from './withValidation';

interface SocketData {
  principal: Principal;
}

export type ControlServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

interface Deps {
  config: Config;
  auth: Auth;
  store: Store;
  registry: DocRegistry;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Set when several instances share Redis: rooms, broadcasts and presence span all of them. */
  scale?: ScaleOut | null;
  /** The states the content plane's write policy decides by; kept current by every save here. */
  states?: SessionStates;
  /** Hears each handshake refusal by its code, for /metrics. */
  refused?: (reason: string) => void;
}

/** What the session handlers (hostCommands.ts) need from the control plane. */
export interface ControlDeps {
  control: SessionControl;
  store: Store;
  log: Deps['log'];
  broadcastState(sessionId: string, state: SessionState): void;
  broadcastPresence(sessionId: string): Promise<void>;
  /** Moves every participant's private drafts at a table onto the table's board. */
  revealDrafts(session: SessionRecord, groupId: string): Promise<void>;
  /** Closes one participant's connections to a document (after a move to another table). */
  disconnectFromDoc(docName: string, participantId: string): Promise<void>;
  /** Closes the read-only visits of other tables' participants to a table's board (the focus moved on). */
  endVisits(sessionId: string, groupId: string): Promise<void>;
  /** Loads the documents (if needed), runs `fn` with them, and releases them again. */
  withRooms<T>(docNames: string[], fn: (rooms: DocRoom[]) => Promise<T>): Promise<T>;
  /** Appends to the session's audit log as the socket's principal, from its address; never rejects. */
  audit(socket: ControlSocket, action: AuditAction, detail: AuditDetail): Promise<void>;
}

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** A handshake refusal: the client's connect_error carries `data: { code, message }`. */
function refusal(
  code: 'unauthorized' | 'cohost_revoked' | 'rate_limited' | 'protocol_mismatch',
  message: string,
): Error {
  const err = new Error(code) as Error & { data?: unknown };
  err.data = { code, message };
  return err;
}

/** How long presence waits for the other instances' answer before it falls back to this one's, ms. */
const ROSTER_TIMEOUT_MS = 2000;

/**
 * The control plane: Socket.io on the default path, authenticated by `auth: { token, protocol }`
 * (protocol: PROTOCOL_VERSION).
 * Everything authoritative (presence now; rounds and clock later) is decided here and broadcast
 * to the session's room.
 */
export class ControlPlane {
  io: ControlServer | null = null;
  readonly presence = new Presence();
  readonly control: SessionControl;
  private readonly handlerDeps: ControlDeps;
  /** Open sockets per token (LIMITS.socketsPerToken), so one token cannot multiply its rates. */
  private readonly perToken = new ConnectionCounter();
  /** "Move on at zero": a timer per session with a round that moves on by itself (issue 15). */
  readonly moveOns = new MoveOnTimers((sessionId) => void this.moveOn(sessionId));

  constructor(private readonly deps: Deps) {
    this.control = new SessionControl(deps.store, deps.scale?.sessionLock, (state) => {
      deps.states?.set(state);
      this.moveOns.plan(state);
    });
    this.handlerDeps = {
      control: this.control,
      store: deps.store,
      log: deps.log,
      broadcastState: (sessionId, state) => this.io?.to(sessionRoom(sessionId)).emit('session:state', state),
      broadcastPresence: (sessionId) => this.broadcastPresence(sessionId),
      revealDrafts: (session, groupId) => this.revealDrafts(session, groupId),
      disconnectFromDoc: (docName, participantId) => this.disconnectFromDoc(docName, participantId),
      endVisits: (sessionId, groupId) => this.endVisits(sessionId, groupId),
      withRooms: (docNames, fn) => this.withRooms(docNames, fn),
      audit: (socket, action, detail) =>
        recordAudit(
          deps.store,
          deps.log,
          socket.data.principal,
          clientAddress(socket.request, deps.config.trustProxy),
          action,
          detail,
        ),
    };
  }

  attach(server: HttpServer): void {
    const { config, auth, log } = this.deps;
    const io: ControlServer = new Server(server, {
      serveClient: false,
      maxHttpBufferSize: LIMITS.socketMessageBytes,
      // The /yjs upgrade is handled by its own listener on the same server.
      destroyUpgrade: false,
      // Guarded: whatever a request carries, the handshake is refused rather than thrown out of.
      allowRequest: guardAllowRequest(log, (req, callback) => {
        const ok = isOriginAllowed(config, req.headers.origin, req.headers.host);
        callback(ok ? null : 'origin not allowed', ok);
      }),
      ...this.deps.scale?.socketOptions(),
    });
    if (this.deps.scale) {
      this.presence.useRoster(async (sessionId) =>
        (await io.in(sessionRoom(sessionId)).timeout(ROSTER_TIMEOUT_MS).fetchSockets()).map((s) => s.data.principal),
      );
    }
    const refuse = (code: Parameters<typeof refusal>[0], message: string): Error => {
      this.deps.refused?.(code);
      return refusal(code, message);
    };
    const authenticate = (socket: ControlSocket, next: (err?: Error) => void): void => {
      const handshake = socket.handshake.auth as Record<string, unknown> | undefined;
      // Checked before the token: a page from before a deploy is told to reload, whatever it holds.
      if (handshake?.protocol !== PROTOCOL_VERSION) {
        return next(refuse('protocol_mismatch', 'This page is out of date; reload it'));
      }
      const token: unknown = handshake.token;
      auth.check(token).then(
        (resolution) => {
          if ('refused' in resolution) {
            const code = resolution.refused;
            return next(refuse(code, code === 'cohost_revoked' ? ERROR_MESSAGES[code] : 'Missing or invalid token'));
          }
          const { principal } = resolution;
          if (!this.countSocket(socket, principal)) {
            return next(refuse('rate_limited', 'Too many open connections for this token; close another tab'));
          }
          socket.data.principal = principal;
          next();
        },
        (err: unknown) => {
          log.error({ err }, 'token lookup failed');
          next(new Error('unavailable'));
        },
      );
    };
    // Guarded: a throw while a handshake is checked refuses that handshake instead of the process.
    io.use(guardMiddleware(log, authenticate));
    io.on('connection', (socket) => {
      try {
        this.onConnection(socket);
      } catch (err) {
        log.error({ err }, 'could not set up a control connection');
        socket.disconnect(true);
      }
    });
    this.io = io;
  }

  /** Counts the socket against its token's cap (false: at the cap, nothing counted) until it is gone. */
  private countSocket(socket: ControlSocket, principal: Principal): boolean {
    const key = tokenKey(principal);
    if (!this.perToken.tryOpen(key, LIMITS.socketsPerToken)) return false;
    // Given back once: on disconnect, or when the client left before the handshake ended
    // (Socket.io then drops the socket without a disconnect event).
    let open = true;
    const release = () => {
      if (open) this.perToken.closed(key);
      open = false;
    };
    socket.once('disconnect', release);
    socket.conn.once('close', release);
    if (socket.conn.readyState === 'closed') release();
    return true;
  }

  private onConnection(socket: ControlSocket): void {
    const { principal } = socket.data;
    const { store, log } = this.deps;
    void socket.join(sessionRoom(principal.sessionId));
    guardCohostSocket(socket, this.deps.auth, log);
    this.presence.join(principal);
    void this.broadcastPresence(principal.sessionId);

    onData(socket, 'presence:list', () => this.presence.list(store, principal.sessionId), log);
    registerSessionHandlers(socket, this.handlerDeps);
    registerCommunityHandlers(socket, this.handlerDeps);
    registerDilemmaHandlers(socket, this.handlerDeps);
    void this.sendState(socket);
    socket.on('disconnect', () => {
      this.presence.leave(principal);
      void this.broadcastPresence(principal.sessionId);
    });
  }

  private async sendState(socket: ControlSocket): Promise<void> {
    try {
      socket.emit('session:state', await this.stateOf(socket.data.principal.sessionId));
    } catch (err) {
      this.deps.log.warn({ err }, 'could not send session state');
    }
  }

  /** The session's state as its sockets get it (e.g. for the join preview). */
  async stateOf(sessionId: string): Promise<SessionState> {
    const { session, record } = await this.control.current(sessionId);
    const state = this.control.view(session, record, Date.now());
    // A state loaded from the store (after a restart, or made on another instance) plans its move-on here too.
    this.moveOns.plan(state);
    return state;
  }

  /**
   * Moves on every table whose round has reached zero with "move on at zero" set, as the host's
   * "next" would (drafts revealed, nobody ready), and tells the session. Nothing due (another
   * instance was first, the host extended the round): nothing changes, the timer is planned anew.
   */
  private async moveOn(sessionId: string): Promise<void> {
    try {
      const { session, record } = await this.control.current(sessionId);
      const now = Date.now();
      if (!Object.values(record.tables).some((t) => moveOnIfDue(t.round, now))) {
        this.moveOns.plan(this.control.view(session, record, now));
        return;
      }
      const after = await this.control.update(sessionId, async (s, r) => {
        const before = roundsBefore(r);
        const at = Date.now();
        for (const table of Object.values(r.tables)) table.round = moveOnIfDue(table.round, at) ?? table.round;
        await settleRoundChanges(this.handlerDeps, s, r, before);
      });
      this.handlerDeps.broadcastState(sessionId, this.control.view(after.session, after.record, Date.now()));
    } catch (err) {
      // A session deleted meanwhile has nothing to move on.
      if ((err as { code?: string }).code === 'session_not_found') return this.moveOns.forget(sessionId);
      this.deps.log.warn({ err, sessionId }, 'could not move a round on at zero');
    }
  }

  /** Sends the current state to everyone in the session (e.g. after a handover or a table change). */
  async broadcastCurrentState(sessionId: string): Promise<void> {
    this.io?.to(sessionRoom(sessionId)).emit('session:state', await this.stateOf(sessionId));
  }

  async withRooms<T>(docNames: string[], fn: (rooms: DocRoom[]) => Promise<T>): Promise<T> {
    const { registry } = this.deps;
    const rooms: DocRoom[] = [];
    try {
      for (const name of docNames) rooms.push(await registry.acquire(name));
      return await fn(rooms);
    } finally {
      for (const room of rooms) registry.released(room);
    }
  }

  private async revealDrafts(session: SessionRecord, groupId: string): Promise<void> {
    const participants = (await this.deps.store.listParticipants(session.id)).filter((p) => p.groupId === groupId);
    const boardName = boardDocName(session.id, groupId);
    for (const p of participants) {
      await this.withRooms([draftDocName(session.id, p.id), boardName], async ([draft, board]) => {
        const cards = readCards(draft!.doc);
        if (cards.length === 0) return;
        await board!.transactServer((doc) => {
          for (const card of cards) copyCardInto(doc, card, card.id);
        });
        await draft!.transactServer((doc) => {
          for (const card of cards) deleteCard(doc, card.id);
        });
      });
    }
  }

  /** The session's boards: every table's and, on a case day, the plenary one. */
  private boardNames(session: SessionRecord): string[] {
    const names = session.groups.map((g) => boardDocName(session.id, g.id));
    return isCaseDay(session) ? [...names, plenaryDocName(session.id)] : names;
  }

  private async endVisits(sessionId: string, groupId: string): Promise<void> {
    const room = await this.deps.registry.peek(boardDocName(sessionId, groupId));
    room?.closeWhere(
      (conn) => conn.principal.role === 'participant' && conn.principal.groupId !== groupId,
      CLOSE_CODES.forbidden,
      'the facilitator let everyone go',
    );
  }

  /**
   * A co-host link was revoked (issue 15): its sockets are told (`cohost:revoked`) and leave the
   * session's room, so no more state reaches them, and its board connections close with 4401.
   * Their next events are refused by guardCohostSocket; a reconnect is refused at the handshake.
   */
  async revokeCohost(session: SessionRecord, cohostId: string): Promise<void> {
    const room = cohostRoom(cohostId);
    this.io?.to(room).emit('cohost:revoked', { code: 'cohost_revoked', message: ERROR_MESSAGES.cohost_revoked });
    this.io?.in(room).socketsLeave(sessionRoom(session.id));
    const reason = 'co-host link revoked';
    for (const name of this.boardNames(session)) {
      (await this.deps.registry.peek(name))?.closeWhere(
        (conn) => conn.principal.cohostId === cohostId,
        CLOSE_CODES.unauthorized,
        reason,
      );
      this.deps.scale?.docs.closeElsewhere(name, cohostId, CLOSE_CODES.unauthorized, reason);
    }
  }

  private async disconnectFromDoc(docName: string, participantId: string): Promise<void> {
    const room = await this.deps.registry.peek(docName);
    room?.closeWhere((conn) => conn.principal.participantId === participantId, 4403, 'moved to another table');
    this.deps.scale?.docs.closeElsewhere(docName, participantId, 4403, 'moved to another table');
  }

  /** Ends every control connection of a session (it is being deleted); works across instances. */
  disconnectSession(sessionId: string): void {
    this.moveOns.forget(sessionId);
    this.io?.in(sessionRoom(sessionId)).disconnectSockets(true);
  }

  async broadcastPresence(sessionId: string): Promise<void> {
    if (!this.io) return;
    try {
      const entries = await this.presence.list(this.deps.store, sessionId);
      this.io.to(sessionRoom(sessionId)).emit('presence:update', entries);
    } catch (err) {
      this.deps.log.error({ err }, 'presence broadcast failed');
    }
  }

  close(): Promise<void> {
    this.moveOns.close();
    return new Promise((resolve) => {
      if (!this.io) return resolve();
      void this.io.close(() => resolve());
    });
  }

  /** Tells the session's sockets it was locked or unlocked (handover, reopen), with its state after the change. */
  announceLock(sessionId: string, locked: boolean, state: SessionState): void {
    this.io?.to(sessionRoom(sessionId)).emit('session:locked', { locked });
    this.io?.to(sessionRoom(sessionId)).emit('session:state', state);
  }
}
