import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { LIMITS, type ClientToServerEvents, type ServerToClientEvents } from '@casusbord/shared';
import type { Auth, Principal } from '../auth/Auth';
import type { Config } from '../config';
import { isOriginAllowed } from '../http/origin';
import type { Store } from '../store/Store';
import { Presence } from './Presence';
import { withValidation } from './withValidation';

interface SocketData {
  principal: Principal;
}

export type ControlServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

interface Deps {
  config: Config;
  auth: Auth;
  store: Store;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * The control plane: Socket.io on the default path, authenticated by `auth: { token }`.
 * Everything authoritative (presence now; rounds and clock later) is decided here and broadcast
 * to the session's room.
 */
export class ControlPlane {
  io: ControlServer | null = null;
  readonly presence = new Presence();

  constructor(private readonly deps: Deps) {}

  attach(server: HttpServer): void {
    const { config, auth, log } = this.deps;
    const io: ControlServer = new Server(server, {
      serveClient: false,
      maxHttpBufferSize: LIMITS.socketMessageBytes,
      // The /yjs upgrade is handled by its own listener on the same server.
      destroyUpgrade: false,
      allowRequest: (req, callback) => {
        const ok = isOriginAllowed(config, req.headers.origin, req.headers.host);
        callback(ok ? null : 'origin not allowed', ok);
      },
    });
    io.use((socket, next) => {
      const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      auth.resolve(token).then(
        (principal) => {
          if (!principal) {
            const err = new Error('unauthorized') as Error & { data?: unknown };
            err.data = { code: 'unauthorized', message: 'Missing or invalid token' };
            return next(err);
          }
          socket.data.principal = principal;
          next();
        },
        (err: unknown) => {
          log.error({ err }, 'token lookup failed');
          next(new Error('unavailable'));
        },
      );
    });
    io.on('connection', (socket) => this.onConnection(socket));
    this.io = io;
  }

  private onConnection(socket: ControlSocket): void {
    const { principal } = socket.data;
    const { store, log } = this.deps;
    void socket.join(sessionRoom(principal.sessionId));
    this.presence.join(principal);
    void this.broadcastPresence(principal.sessionId);

    socket.on(
      'presence:list',
      withValidation(z.unknown(), () => this.presence.list(store, principal.sessionId), log),
    );
    socket.on('disconnect', () => {
      this.presence.leave(principal);
      void this.broadcastPresence(principal.sessionId);
    });
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
    return new Promise((resolve) => {
      if (!this.io) return resolve();
      void this.io.close(() => resolve());
    });
  }
}
