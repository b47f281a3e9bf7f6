import {
  CLOSE_CODES,
  FINAL_CLOSE_CODES,
  cardsMap,
  draftDocName,
  readCards,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@casusbord/shared';
import { io, type Socket } from 'socket.io-client';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardRights, tableFor, wantsPlenary } from '../board/permissions';
import type { BoardStore } from '../stores/boardStore';
import type { BoardViewStore } from '../stores/boardViewStore';
import type { ConnectionStore, FatalReason } from '../stores/connectionStore';
import type { PresenceStore } from '../stores/presenceStore';
import type { RoundStore } from '../stores/roundStore';
import type { StoredCredentials } from './credentials';
import { watchBoardDoc } from './docWatch';
import { SideDocSlot } from './sideDocs';

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
  /** The participant's private draft document, open only during an unrevealed private round. */
  drafts: SideDocSlot;
  /** The plenary board of a case day, open only during a plenary round. */
  plenary: SideDocSlot;
  dispose: () => void;
}

/** Snapshot stores of the board documents: the table's board, the drafts, the plenary board. */
export interface ViewStores {
  view: BoardViewStore;
  draftView: BoardViewStore;
  plenaryView: BoardViewStore;
}

export interface ConnectOptions {
  credentials: StoredCredentials;
  stores: { connection: ConnectionStore; presence: PresenceStore; board: BoardStore; round: RoundStore } & ViewStores;
  /**
   * Called instead of a fatal error when a participant's board is closed with 4403: the host has
   * probably moved them to another table, so the page looks up where they belong now.
   */
  onForbidden?: () => void;
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

export function connectBoard({ credentials, stores, yjsUrl, socketUrl, onForbidden }: ConnectOptions): BoardConnection {
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
    if (code === CLOSE_CODES.forbidden && onForbidden && credentials.role === 'participant') onForbidden();
    else connection.getState().setFatal(FATAL_BY_CODE[code] ?? 'unauthorized');
  };
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('closed', onClosed);

  const cards = cardsMap(doc);
  const pushSnapshot = () => board.getState().setCards(readCards(doc));
  cards.observeDeep(pushSnapshot);
  pushSnapshot();

  // Clusters, dots, reactions, core question and learnings; side documents open and close as
  // the server's round state says (drafts only while private and unrevealed, plenary only in a
  // plenary round), so no draft is ever written into the table's board.
  const budget = () => round.getState().state?.dotsPerPerson ?? 0;
  const participantId = credentials.role === 'participant' ? credentials.participantId : null;
  const sideOpts = { yjsUrl, token: credentials.token, participantId, budget };
  const mainWatch = watchBoardDoc(doc, stores.view, { participantId, budget });
  const drafts = new SideDocSlot({ ...sideOpts, store: stores.draftView });
  const plenary = new SideDocSlot({ ...sideOpts, store: stores.plenaryView });
  const followRound = () => {
    const state = round.getState().state;
    const table = tableFor(state, credentials.docName);
    const rights = boardRights({ state, table, role: credentials.role, participantId });
    drafts.want(state && participantId && rights.privateDrafts ? draftDocName(state.sessionId, participantId) : null);
    plenary.want(wantsPlenary(state, table) ? state!.plenaryDocName : null);
    // The dot budget may have changed: recount every tally with it.
    mainWatch.refresh();
    drafts.refresh();
    plenary.refresh();
  };
  const stopFollowing = round.subscribe(followRound);

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
    drafts,
    plenary,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      stopFollowing();
      drafts.dispose();
      plenary.dispose();
      mainWatch.dispose();
      stores.view.getState().reset();
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
