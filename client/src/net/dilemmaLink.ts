import type { Ack, DilemmaView, EventPayload } from '@casusbord/shared';
import { useEffect } from 'react';
import { dilemmaStore, type DilemmaStore } from '../stores/dilemmaStore';
import { emitAck, type Unavailable } from './ack';
import type { ControlSocket } from './controlSocket';

/**
 * Issue 16: wires the dilemma line of a page's control socket (board, host view, beamer) to the
 * dilemma store: asks for the current line on every (re)connect, takes each `dilemma:update`.
 */
export function linkDilemma(socket: ControlSocket, store: DilemmaStore = dilemmaStore): () => void {
  const refresh = () => {
    void emitAck(socket, 'dilemma:get', {}).then((res) => {
      if (res.ok) store.getState().receive(res.data, true);
    });
  };
  const onUpdate = (view: DilemmaView | null) => store.getState().receive(view, false);
  socket.on('connect', refresh);
  socket.on('dilemma:update', onUpdate);
  if (socket.connected) refresh();
  return () => {
    socket.off('connect', refresh);
    socket.off('dilemma:update', onUpdate);
    store.getState().reset();
  };
}

/** linkDilemma for as long as the page has `socket`. */
export function useDilemmaLink(socket: ControlSocket | null | undefined): void {
  useEffect(() => (socket ? linkDilemma(socket) : undefined), [socket]);
}

type DilemmaCommand = 'dilemma:set' | 'dilemma:place' | 'dilemma:reveal';

/** Sends a dilemma command; its answer (with this page's own marker) goes into the store. Never rejects. */
export async function sendDilemma<E extends DilemmaCommand>(
  socket: ControlSocket | null | undefined,
  event: E,
  payload: EventPayload<E>,
): Promise<Ack<DilemmaView> | Unavailable> {
  const res = (await emitAck(socket, event, payload)) as Ack<DilemmaView> | Unavailable;
  if (res.ok) dilemmaStore.getState().receive(res.data, true);
  return res;
}
