import {
  CLOSE_CODES,
  FINAL_CLOSE_CODES,
  cardsMap,
  readCards,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@casusbord/shared';
import { io, type Socket } from 'socket.io-client';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BoardStore } from '../stores/boardStore';
import type { ConnectionStore, FatalReason } from '../stores/connectionStore';
import type { PresenceStore } from '../stores/presenceStore';
import type { RoundStore } from '../stores/roundStore';
import type { StoredCredentials } from './credentials';

/**
 * The one place where network events meet the stores. The Y.Doc, the y-websocket provider and
 * the Socket.io client live here, outside any store; stores only get plain values.
 */

export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  socket: BoardSocket;
  credentials: StoredCredentials;
  dispose: () => void;
}

export interface ConnectOptions {
  credentials: StoredCredentials;
  stores: { connection: ConnectionStore; presence: PresenceStore; board: BoardStore; round: RoundStore };
  /** e.g. ws://host/yjs */
  yjsUrl: string;
  /** Socket.io server; undefined means the page's origin. */
  socketUrl?: string;
}

const FATAL_BY_CODE: Record<number, FatalReason> = {
  [CLOSE_CODES.unauthorized]: 'unauthorized',
  [CLOSE_CODES.forbidden]: 'forbidden',
  [CLOSE_CODES.notFound]: 'notFound',
  [CLOSE_CODES.badOrigin]: 'badOrigin',
};

export function connectBoard({ credentials, stores, yjsUrl, socketUrl }: ConnectOptions): BoardConnection {
  const { connection, presence, board, round } = stores;
  connection.getState().reset();
  round.getState().reset();
  presence.getState().reset();
  board.getState().reset();

  const doc = new Y.Doc();
  const provider = new WebsocketProvider(yjsUrl, credentials.docName, doc, {
    params: { token: credentials.token },
    // Tabs must not bypass the server (it checks each token's rights), so no BroadcastChannel.
    disableBc: true,
    // Retry everything except the answers that will not change (bad token, no such doc…);
    // y-websocket's default would also give up on 4402 (malformed) and 4429 (rate limited).
    shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code),
  });

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) =>
    connection.getState().setProviderStatus(status);
  const onSync = (synced: boolean) => connection.getState().setSynced(synced);
  const onClosed = ({ code }: { code: number }) => {
    provider.disconnect();
    connection.getState().setFatal(FATAL_BY_CODE[code] ?? 'unauthorized');
  };
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('closed', onClosed);

  const cards = cardsMap(doc);
  const pushSnapshot = () => board.getState().setCards(readCards(doc));
  cards.observeDeep(pushSnapshot);
  pushSnapshot();

  // Count local edits made while the server has not confirmed our state; the count is the
  // "N changes not sent yet" of the indicator and drops to zero on the next sync.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && !provider.synced) connection.getState().addPendingChange();
  };
  doc.on('update', onUpdate);

  const socketOpts = { auth: { token: credentials.token }, transports: ['websocket'] };
  const socket: BoardSocket = socketUrl === undefined ? io(socketOpts) : io(socketUrl, socketOpts);
  socket.on('connect', () => {
    connection.getState().setSocketStatus('connected');
    socket.emit('presence:list', {}, (res) => {
      if (res.ok) presence.getState().setEntries(res.data);
    });
  });
  socket.on('disconnect', () => connection.getState().setSocketStatus('disconnected'));
  socket.on('connect_error', () => {
    // socket.active is false when the server refused us (bad token); it then stays down.
    connection.getState().setSocketStatus(socket.active ? 'connecting' : 'disconnected');
  });
  socket.on('presence:update', (entries) => {
    if (Array.isArray(entries)) presence.getState().setEntries(entries);
  });
  socket.on('session:state', (state) => round.getState().receive(state, Date.now()));

  const onOnline = () => connection.getState().setBrowserOnline(true);
  const onOffline = () => connection.getState().setBrowserOnline(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  let disposed = false;
  return {
    doc,
    provider,
    socket,
    credentials,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      socket.removeAllListeners();
      socket.disconnect();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      cards.unobserveDeep(pushSnapshot);
      doc.off('update', onUpdate);
      doc.destroy();
      connection.getState().reset();
      presence.getState().reset();
      board.getState().reset();
      round.getState().reset();
    },
  };
}
