import {
  CLOSE_CODES,
  draftDocName,
  focusOnPlenary,
  type PresenceEntry,
  boardRights,
  tableFor,
  visitedBoard,
  wantsPlenary,
} from '@casusbord/shared';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BoardViewStore } from '../stores/boardViewStore';
import type { ConnectionStore, FatalReason } from '../stores/connectionStore';
import type { PresenceStore } from '../stores/presenceStore';
import type { RoundStore } from '../stores/roundStore';
import { openControlSocket, type ControlSocket } from './controlSocket';
import type { StoredCredentials } from './credentials';
import { openDocLink } from './docLink';
import { watchBoardDoc } from './docWatch';
import { forgetSessionCache, loadSnapshot, saveSnapshot, sessionKeyOfDoc } from './offlineCache';
import { groupIdOf } from './relocate';
import { SideDocSlot } from './sideDocs';

/**
 * The one place where network events meet the stores. The Y.Doc, the y-websocket provider and
 * the Socket.io client live here, outside any store; stores only get plain values.
 */

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  socket: ControlSocket;
  credentials: StoredCredentials;
  /** The participant's private draft document, open only during an unrevealed private round. */
  drafts: SideDocSlot;
  /** The plenary board of a case day, open only during a plenary round (or while everyone is brought there). */
  plenary: SideDocSlot;
  /** Another table's board, read-only, while the facilitator has brought everyone there (issue 15). */
  visit: SideDocSlot;
  dispose: () => void;
}

/** Snapshot stores of the board documents: the table's board, the drafts, the plenary board. */
export interface ViewStores {
  view: BoardViewStore;
  draftView: BoardViewStore;
  plenaryView: BoardViewStore;
  visitView: BoardViewStore;
}

export interface ConnectOptions {
  credentials: StoredCredentials;
  stores: { connection: ConnectionStore; presence: PresenceStore; round: RoundStore } & ViewStores;
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
  const { connection, presence, round } = stores;
  connection.getState().reset();
  round.getState().reset();
  presence.getState().reset();

  const sessionId = sessionKeyOfDoc(credentials.docName);
  const doc = new Y.Doc();
  // Retries everything except the answers that will not change (bad token, no such doc…), with
  // jitter; keeps a copy in IndexedDB (a recipient only reads, so keeps none).
  const link = openDocLink({
    yjsUrl,
    name: credentials.docName,
    doc,
    token: credentials.token,
    persist: credentials.role !== 'recipient',
    onUnsent: (count) => connection.getState().setUnsent(credentials.docName, count),
    onFinal: (code) => {
      if (code === CLOSE_CODES.notFound) forgetSessionCache(sessionId);
      if (code === CLOSE_CODES.forbidden && onForbidden && credentials.role === 'participant') onForbidden();
      else connection.getState().setFatal(FATAL_BY_CODE[code] ?? 'unauthorized');
    },
  });
  const provider = link.provider;

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) =>
    connection.getState().setProviderStatus(status);
  const onSync = (synced: boolean) => {
    connection.getState().setSynced(synced);
    if (synced) connection.getState().setOfflineCopy(false);
  };
  provider.on('status', onStatus);
  provider.on('sync', onSync);

  // Clusters, dots, reactions, core question and learnings; side documents open and close as
  // the server's round state says (drafts only while private and unrevealed, plenary only in a
  // plenary round), so no draft is ever written into the table's board.
  const budget = () => round.getState().state?.dotsPerPerson ?? 0;
  const participantId = credentials.role === 'participant' ? credentials.participantId : null;
  const unsent = {
    set: (name: string, count: number) => connection.getState().setUnsent(name, count),
    drop: (name: string) => connection.getState().dropUnsent(name),
  };
  const sideOpts = { yjsUrl, token: credentials.token, participantId, budget, unsent };
  const mainWatch = watchBoardDoc(doc, stores.view, { participantId, budget });
  // Drafts are the participant's own writing: kept offline like the board. The plenary board
  // is read-only for participants and written by the host online, so it keeps no copy.
  const drafts = new SideDocSlot({ ...sideOpts, store: stores.draftView, persist: true });
  const plenary = new SideDocSlot({ ...sideOpts, store: stores.plenaryView, persist: false });
  const visit = new SideDocSlot({ ...sideOpts, store: stores.visitView, persist: false });
  const ownGroupId = groupIdOf(credentials.docName);
  const followRound = () => {
    const state = round.getState().state;
    const table = tableFor(state, credentials.docName);
    const rights = boardRights({ state, table, role: credentials.role, participantId });
    drafts.want(state && participantId && rights.privateDrafts ? draftDocName(state.sessionId, participantId) : null);
    const onPlenary = wantsPlenary(state, table) || focusOnPlenary(state?.focus, credentials.role);
    plenary.want(onPlenary ? (state?.plenaryDocName ?? null) : null);
    visit.want(state ? visitedBoard(state.focus, state.sessionId, credentials.role, ownGroupId) : null);
    // The dot budget may have changed: recount every tally with it.
    mainWatch.refresh();
    drafts.refresh();
    plenary.refresh();
    visit.refresh();
  };
  const stopFollowing = round.subscribe(followRound);

  // After a reload without a server the last round state this holder saw decides what the board
  // offers (so offline writing goes on). Its version is lowered so the server's first state,
  // whatever its number, replaces it.
  const saved = loadSnapshot(sessionId, credentials.token);
  if (saved.state?.sessionId === sessionId) {
    const now = Date.now();
    round.getState().receive({ ...saved.state, version: -1, serverNow: now + (saved.skewMs ?? 0) }, now);
  }
  // The people seen last, shown as not online until the server's list arrives: their names stay
  // on their cards (authors are participant ids).
  if (Array.isArray(saved.presence) && presence.getState().entries.length === 0) {
    presence.getState().setEntries(saved.presence.map((entry) => ({ ...entry, online: false })));
  }
  const keepPresence = (entries: PresenceEntry[]) => {
    presence.getState().setEntries(entries);
    saveSnapshot(sessionId, credentials.token, { presence: entries });
  };

  const socket = openControlSocket({
    token: credentials.token,
    socketUrl,
    connection,
    onPresence: keepPresence,
    onState: (state) => {
      const now = Date.now();
      round.getState().receive(state, now);
      if (state?.sessionId === sessionId)
        saveSnapshot(sessionId, credentials.token, { state, skewMs: state.serverNow - now });
    },
  });

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
    visit,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      stopFollowing();
      drafts.dispose();
      plenary.dispose();
      visit.dispose();
      mainWatch.dispose();
      stores.view.getState().reset();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      socket.removeAllListeners();
      socket.disconnect();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      link.dispose();
      doc.destroy();
      connection.getState().reset();
      presence.getState().reset();
      round.getState().reset();
    },
  };
}
