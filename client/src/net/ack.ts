import type { ApiError } from '@casusbord/shared';

/** How long a control event may wait for the server's acknowledgement, ms. */
export const ACK_TIMEOUT_MS = 8000;

export type Unavailable = { ok: false; error: ApiError & { code: 'unavailable' } };

export const unavailable = (message: string): Unavailable => ({ ok: false, error: { code: 'unavailable', message } });

interface AckSocket {
  connected: boolean;
  timeout(ms: number): { emitWithAck(event: never, payload: unknown): Promise<unknown> };
}

/**
 * Emits an acknowledged control event and resolves with the server's answer; never rejects:
 * no socket, a closed socket or a timeout become `{ ok: false }` with code `unavailable`.
 */
export async function emitAck<T>(
  socket: AckSocket | null | undefined,
  event: string,
  payload: unknown,
): Promise<T | Unavailable> {
  if (!socket?.connected) return unavailable('Not connected to the server');
  try {
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event as never, payload)) as T;
  } catch {
    return unavailable('No answer from the server');
  }
}
