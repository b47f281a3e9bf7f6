import type { ApiError, ClientEvent, EventAnswer, EventPayload } from '@casusbord/shared';
import type { ControlSocket } from './controlSocket';

/** How long a control event may wait for the server's acknowledgement, ms. */
export const ACK_TIMEOUT_MS = 8000;

export type Unavailable = { ok: false; error: ApiError & { code: 'unavailable' } };

export const unavailable = (message: string): Unavailable => ({ ok: false, error: { code: 'unavailable', message } });

/** `socket.timeout(ms)` as emitAck uses it: one acknowledged event of the catalogue. */
interface AckEmitter {
  emitWithAck<E extends ClientEvent>(event: E, payload: EventPayload<E>): Promise<EventAnswer<E>>;
}

/**
 * socket.io-client resolves the parameters of emitWithAck only for a literal event name, not for
 * a type parameter. ControlSocket is Socket<…, ClientToServerEvents>, whose events are exactly
 * `(payload: EventPayload<E>, ack: (res: EventAnswer<E>) => void)`, so this is the same
 * signature, stated over the catalogue.
 */
const withTimeout = (socket: ControlSocket, ms: number): AckEmitter => socket.timeout(ms) as AckEmitter;

/**
 * Emits an acknowledged control event and resolves with the server's answer (its type follows
 * from the event); never rejects: no socket, a closed socket or a timeout become `{ ok: false }`
 * with code `unavailable`.
 */
export async function emitAck<E extends ClientEvent>(
  socket: ControlSocket | null | undefined,
  event: E,
  payload: EventPayload<E>,
): Promise<EventAnswer<E> | Unavailable> {
  if (!socket?.connected) return unavailable('Not connected to the server');
  try {
    return await withTimeout(socket, ACK_TIMEOUT_MS).emitWithAck(event, payload);
  } catch {
    return unavailable('No answer from the server');
  }
}
