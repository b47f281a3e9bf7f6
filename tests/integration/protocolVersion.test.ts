import { beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type CreateSessionResponse, type SessionState } from '@casusbord/shared';
import { createSession } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';
import { nextEvent } from '../helpers/wait';

/** The control plane refuses a page whose protocol version is not the server's (shared/src/protocol/version.ts). */
const server = useTestServer();
const { sockets } = server;

describe('Socket.io protocol version', () => {
  let session: CreateSessionResponse;

  beforeAll(async () => {
    session = await createSession(server.url);
  });

  const connect = (auth: Record<string, unknown>) => {
    const s = io(server.url, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    return s;
  };

  const refusal = async (s: Socket) => {
    const err = await nextEvent<Error & { data?: { code: string; message: string } }>(s, 'connect_error');
    return { data: err.data, connected: s.connected, active: s.active };
  };

  const mismatch = {
    data: { code: 'protocol_mismatch', message: 'This page is out of date; reload it' },
    connected: false,
    active: false,
  };

  it('refuses a handshake without a version, though its token is valid', async () => {
    expect(await refusal(connect({ token: session.hostToken }))).toEqual(mismatch);
  });

  it('refuses another version: an older, a newer and the right one as a string', async () => {
    for (const protocol of [PROTOCOL_VERSION - 1, PROTOCOL_VERSION + 1, String(PROTOCOL_VERSION)]) {
      expect(await refusal(connect({ token: session.hostToken, protocol })), `protocol ${protocol}`).toEqual(mismatch);
    }
  });

  it('checks the version before the token: an old page with a bad token is told to reload', async () => {
    expect(await refusal(connect({ token: 'nope', protocol: PROTOCOL_VERSION + 1 }))).toEqual(mismatch);
  });

  it('lets the current version in, and it gets the session state', async () => {
    const s = connect({ token: session.hostToken, protocol: PROTOCOL_VERSION });
    const state = await nextEvent<SessionState>(s, 'session:state');
    expect(s.connected).toBe(true);
    expect(state.sessionId).toBe(session.sessionId);
  });
});
