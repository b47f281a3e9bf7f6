import {
  cardsMap,
  readCardDetails,
  type Ack,
  type EventPayload,
  type SessionState,
  type StateAck,
  type StateEvent,
} from '@casusbord/shared';
import * as Y from 'yjs';
import type { ConnectionStore } from '../stores/connectionStore';
import type { HostBoardsStore } from '../stores/hostBoardsStore';
import type { PresenceStore } from '../stores/presenceStore';
import type { RoundStore } from '../stores/roundStore';
import { emitAck } from './ack';
import { openControlSocket, type ControlSocket } from './controlSocket';
import type { StoredCredentials } from './credentials';
import { openDocLink } from './docLink';

/**
 * The facilitator's side of the network: one Socket.io connection for the session's control
 * plane, plus (for the host view) one y-websocket provider per board the host watches — every
 * table and the plenary board. The host token may write to all of them, but the host view
 * only reads; writes to boards go through the server (`card:promote`).
 */

export interface HostConnection {
  socket: ControlSocket;
  /** Sends a session-changing event; never rejects (no answer becomes code `unavailable`). */
  send: <E extends StateEvent>(event: E, payload: EventPayload<E>) => Promise<StateAck>;
  promote: (groupId: string, cardId: string) => Promise<Ack<{ plenaryCardId: string }>>;
  dispose: () => void;
}

export interface HostConnectOptions {
  credentials: StoredCredentials;
  stores: { connection: ConnectionStore; presence: PresenceStore; round: RoundStore; boards: HostBoardsStore };
  /** e.g. ws://host/yjs */
  yjsUrl: string;
  /** Open the boards too (host view); the beamer needs only the control plane. */
  watchBoards: boolean;
  socketUrl?: string;
}

/** Card snapshots are pushed at most this often per board, ms: typing at one table must not re-render the whole host view per keystroke. */
const SNAPSHOT_DELAY_MS = 80;

interface Watched {
  dispose: () => void;
}

function watchBoard(docName: string, token: string, yjsUrl: string, boards: HostBoardsStore): Watched {
  const doc = new Y.Doc();
  // The host view only reads these boards, so it keeps no offline copy; it reconnects with jitter.
  const link = openDocLink({
    yjsUrl,
    name: docName,
    doc,
    token,
    persist: false,
    onFinal: () => boards.getState().setFailed(docName),
  });
  const provider = link.provider;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const push = () => {
    timer = null;
    boards.getState().setCards(docName, readCardDetails(doc));
  };
  const schedule = () => {
    timer ??= setTimeout(push, SNAPSHOT_DELAY_MS);
  };
  const onSync = (synced: boolean) => {
    if (!synced) return;
    boards.getState().setSynced(docName, true);
    push();
  };
  const cards = cardsMap(doc);
  cards.observeDeep(schedule);
  provider.on('sync', onSync);
  return {
    dispose: () => {
      if (timer) clearTimeout(timer);
      cards.unobserveDeep(schedule);
      provider.off('sync', onSync);
      link.dispose();
      doc.destroy();
    },
  };
}

/** Document names the host view watches for a state: each table's board, then the plenary board. */
export function watchedDocNames(state: SessionState): string[] {
  const names = state.tables.map((t) => t.docName);
  if (state.plenaryDocName) names.push(state.plenaryDocName);
  return names;
}

export function connectHost({
  credentials,
  stores,
  yjsUrl,
  watchBoards,
  socketUrl,
}: HostConnectOptions): HostConnection {
  const { connection, presence, round, boards } = stores;
  connection.getState().reset();
  presence.getState().reset();
  round.getState().reset();
  boards.getState().reset();

  const watched = new Map<string, Watched>();
  /** Opens boards that appeared in the state and closes those that are gone (tables removed). */
  const reconcile = (state: SessionState) => {
    const wanted = watchedDocNames(state);
    for (const name of wanted) {
      if (!watched.has(name)) watched.set(name, watchBoard(name, credentials.token, yjsUrl, boards));
    }
    for (const [name, w] of watched) {
      if (!wanted.includes(name)) {
        w.dispose();
        watched.delete(name);
      }
    }
    boards.getState().keepOnly(wanted);
  };

  const socket = openControlSocket({
    token: credentials.token,
    socketUrl,
    connection,
    onPresence: (entries) => presence.getState().setEntries(entries),
    onState: (state) => {
      round.getState().receive(state, Date.now());
      if (watchBoards) reconcile(state);
    },
  });

  let disposed = false;
  return {
    socket,
    send: (event, payload) => emitAck(socket, event, payload),
    promote: (groupId, cardId) => emitAck(socket, 'card:promote', { groupId, cardId }),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      socket.removeAllListeners();
      socket.disconnect();
      for (const w of watched.values()) w.dispose();
      watched.clear();
      connection.getState().reset();
      presence.getState().reset();
      round.getState().reset();
      boards.getState().reset();
    },
  };
}
