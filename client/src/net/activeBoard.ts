import type { Ack, EventPayload, StateAck, StateEvent } from '@casusbord/shared';
import type * as Y from 'yjs';
import { useSyncExternalStore } from 'react';
import { boardViewStore, draftViewStore, plenaryViewStore, visitViewStore } from '../stores/boardViewStore';
import { connectionStore } from '../stores/connectionStore';
import { presenceStore } from '../stores/presenceStore';
import { roundStore } from '../stores/roundStore';
import { yjsServerUrl } from '../config';
import { emitAck } from './ack';
import { connectBoard, type BoardConnection } from './bridge';
import { createConnectionSlot } from './connectionSlot';
import type { StoredCredentials } from './credentials';

/** The board connection of the open page (at most one), so components can reach the Y.Doc. */
const slot = createConnectionSlot<BoardConnection>();

export function openBoard(credentials: StoredCredentials, opts: { onForbidden?: () => void } = {}): () => void {
  const conn = connectBoard({
    credentials,
    stores: {
      connection: connectionStore,
      presence: presenceStore,
      round: roundStore,
      view: boardViewStore,
      draftView: draftViewStore,
      plenaryView: plenaryViewStore,
      visitView: visitViewStore,
    },
    yjsUrl: yjsServerUrl(),
    onForbidden: opts.onForbidden,
  });
  return slot.open(conn);
}

export function useBoardConnection(): BoardConnection | null {
  return slot.use();
}

/** Sends a session-changing control event; resolves with the server's answer, never rejects. */
export function sendControl<E extends StateEvent>(event: E, payload: EventPayload<E>): Promise<StateAck> {
  return emitAck(slot.get()?.socket, event, payload);
}

const noSubscribe = () => () => undefined;

/** The live draft, plenary or visited Y.Doc of the open board, or null while that document is closed. */
export function useSideDoc(kind: 'drafts' | 'plenary' | 'visit'): Y.Doc | null {
  const conn = useBoardConnection();
  const side = conn?.[kind];
  return useSyncExternalStore(side ? side.subscribe : noSubscribe, () => (side ? side.get() : null));
}

/** Copies a table's card onto the plenary board (case day); never rejects, like sendControl. */
export function promoteCard(groupId: string, cardId: string): Promise<Ack<{ plenaryCardId: string }>> {
  return emitAck(slot.get()?.socket, 'card:promote', { groupId, cardId });
}
