import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type PresenceEntry,
  type ServerToClientEvents,
  type SessionState,
} from '@casusbord/shared';
import { io, type Socket } from 'socket.io-client';
import { messagesFor } from '../i18n';
import { describeError } from '../i18n/errors';
import type { ConnectionStore } from '../stores/connectionStore';
import { uiStore } from '../stores/uiStore';
import { socketReconnectOptions } from './backoff';

/** A Socket.io client of the control plane, typed by the event catalogue (shared/src/protocol/events.ts). */
export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ControlSocketOptions {
  token: string;
  /** Socket.io server; undefined means the page's origin. */
  socketUrl?: string;
  /** Gets the socket's status and, when the server refuses the token for good, `fatal`. */
  connection: ConnectionStore;
  /** Every presence list: the answer to `presence:list` after each connect, and each `presence:update`. */
  onPresence: (entries: PresenceEntry[]) => void;
  /** Every `session:state` the server sends. */
  onState: (state: SessionState) => void;
}

/** The "reload this page" notice stays until the page is reloaded (well, a day), ms. */
const OUT_OF_DATE_TOAST_MS = 24 * 60 * 60_000;

/**
 * Opens the control-plane socket of a page (board, host view, beamer): auth with the token and
 * PROTOCOL_VERSION, reconnects with the shared backoff, keeps the connection store's socket
 * status, asks for the presence list on every connect. A refusal for good (socket.active false)
 * stops reconnecting: a bad token makes the connection fatal, an old page is told to reload.
 */
export function openControlSocket({
  token,
  socketUrl,
  connection,
  onPresence,
  onState,
}: ControlSocketOptions): ControlSocket {
  const opts = {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    ...socketReconnectOptions(),
  };
  const socket: ControlSocket = socketUrl === undefined ? io(opts) : io(socketUrl, opts);
  socket.on('connect', () => {
    connection.getState().setSocketStatus('connected');
    socket.emit('presence:list', {}, (res) => {
      if (res.ok) onPresence(res.data);
    });
  });
  socket.on('disconnect', () => connection.getState().setSocketStatus('disconnected'));
  socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
    // socket.active is false when the server refused the handshake; it then stays down for good.
    connection.getState().setSocketStatus(socket.active ? 'connecting' : 'disconnected');
    if (socket.active) return;
    const code = err.data?.code;
    if (code === 'unauthorized') connection.getState().setFatal('unauthorized');
    if (code === 'cohost_revoked') connection.getState().setFatal('revoked');
    if (code === 'protocol_mismatch') {
      const t = messagesFor(uiStore.getState().locale);
      uiStore.getState().pushToast({ message: describeError(t, err.data), timeoutMs: OUT_OF_DATE_TOAST_MS });
    }
  });
  socket.on('presence:update', (entries) => {
    if (Array.isArray(entries)) onPresence(entries);
  });
  socket.on('session:state', onState);
  // A co-host whose link the host revoked: the server sends nothing more and refuses every event.
  socket.on('cohost:revoked', () => connection.getState().setFatal('revoked'));
  return socket;
}
