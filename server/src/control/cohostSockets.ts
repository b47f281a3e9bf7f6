import { AppError, type ApiError } from '@casusbord/shared';
import type { Auth } from '../auth/Auth';
import type { ControlSocket } from './ControlPlane';

/** The Socket.io room of one co-host's sockets (on every instance), to tell them of a revoke. */
export const cohostRoom = (cohostId: string) => `cohost:${cohostId}`;

type Log = { error(obj: object, msg: string): void };

/** Answers an event's acknowledgement (its last argument, when the client sent one) with `error`. */
function refuse(packet: unknown[], error: ApiError): void {
  const ack = packet[packet.length - 1];
  if (typeof ack === 'function') (ack as (res: unknown) => void)({ ok: false, error });
}

/**
 * For a co-host's socket: joins it to its co-host room and checks before each event it sends that
 * the link still works. A revoked link's events are answered `{ ok: false, error: { code:
 * 'cohost_revoked' } }` and never reach a handler, on this instance or any other, whether or not
 * the revoke's notice reached the socket.
 */
export function guardCohostSocket(socket: ControlSocket, auth: Auth, log: Log): void {
  const { sessionId, cohostId } = socket.data.principal;
  if (!cohostId) return;
  void socket.join(cohostRoom(cohostId));
  socket.use((packet, next) => {
    auth.cohostActive(sessionId, cohostId).then(
      (active) => (active ? next() : refuse(packet, new AppError('cohost_revoked').toJSON())),
      (err: unknown) => {
        log.error({ err }, 'could not check a co-host link');
        refuse(packet, new AppError('unavailable').toJSON());
      },
    );
  });
}
