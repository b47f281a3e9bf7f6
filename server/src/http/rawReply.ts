import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody, ErrorCode } from '@casusbord/shared';

/**
 * A complete HTTP/1.1 error response as text, for the places that own a raw socket instead of a
 * Fastify reply: refused WebSocket upgrades and requests Node's parser could not read. The body is
 * the contract's `{ "error": { "code", "message" } }`; the connection is closed after it.
 */
export function rawErrorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): string {
  const error: ErrorBody = { error: { code, message } };
  const body = JSON.stringify(error);
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

function ignore(): void {}

/**
 * Answers on a raw socket and closes it once the answer is flushed. After an `upgrade` event Node
 * no longer listens for the socket's errors, so a peer that resets the connection would otherwise
 * emit an unhandled 'error' and take the process down.
 */
export function refuseSocket(
  socket: Duplex,
  status: number,
  code: ErrorCode,
  message: string,
  headers?: Readonly<Record<string, string>>,
): void {
  socket.on('error', ignore);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.once('finish', () => socket.destroy());
  socket.end(rawErrorResponse(status, code, message, headers));
}
