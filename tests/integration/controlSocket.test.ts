import { createServer, type Server as HttpServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import type { CreateSessionResponse, PresenceEntry, SessionState } from '@casusbord/shared';
import { messagesFor } from '../../client/src/i18n';
import { openControlSocket, type ControlSocket } from '../../client/src/net/controlSocket';
import { createConnectionStore } from '../../client/src/stores/connectionStore';
import { uiStore } from '../../client/src/stores/uiStore';
import { createSession } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/wait';

/** The page's control socket (client/src/net/controlSocket.ts) against the real server and a refusing one. */
const server = useTestServer();

describe('openControlSocket', () => {
  let session: CreateSessionResponse;
  const sockets: ControlSocket[] = [];
  server.afterFile(() => sockets.forEach((s) => s.disconnect()));

  beforeAll(async () => {
    session = await createSession(server.url);
  });

  const open = (token: string, socketUrl: string) => {
    const connection = createConnectionStore();
    const presence: PresenceEntry[][] = [];
    const states: SessionState[] = [];
    const socket = openControlSocket({
      token,
      socketUrl,
      connection,
      onPresence: (entries) => presence.push(entries),
      onState: (state) => states.push(state),
    });
    sockets.push(socket);
    return { connection, presence, states, socket };
  };

  it('connects with the current protocol: status, the session state and the presence list arrive', async () => {
    const page = open(session.hostToken, server.url);
    await waitFor('state and presence', () => page.states.length > 0 && page.presence.length > 0);
    expect(page.connection.getState().socket).toBe('connected');
    expect(page.states[0]!.sessionId).toBe(session.sessionId);
    expect(page.presence.at(-1)!.some((e) => e.role === 'host' && e.online)).toBe(true);
  });

  it('a refused token stops for good and makes the connection fatal', async () => {
    const page = open('nope', server.url);
    await waitFor('fatal', () => page.connection.getState().fatal === 'unauthorized');
    expect(page.connection.getState().socket).toBe('disconnected');
    expect(page.socket.active).toBe(false);
  });

  describe('against a server of another protocol version', () => {
    let http: HttpServer;
    let io: Server;
    let url: string;

    beforeAll(async () => {
      http = createServer();
      io = new Server(http);
      // What ControlPlane answers a page of another version.
      io.use((_socket, next) => {
        const err = new Error('protocol_mismatch') as Error & { data?: unknown };
        err.data = { code: 'protocol_mismatch', message: 'This page is out of date; reload it' };
        next(err);
      });
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    });

    it('tells the person in their language to reload, and does not retry', async () => {
      uiStore.getState().setLocale('nl');
      const before = uiStore.getState().toasts.length;
      const page = open(session.hostToken, url);
      await waitFor('a toast', () => uiStore.getState().toasts.length > before);
      const toast = uiStore.getState().toasts.at(-1)!;
      expect(toast.message).toBe(messagesFor('nl').errors.protocol_mismatch);
      expect(toast.message).toMatch(/verouderd/);
      expect(page.connection.getState()).toMatchObject({ socket: 'disconnected', fatal: null });
      expect(page.socket.active).toBe(false);
    });
  });
});
