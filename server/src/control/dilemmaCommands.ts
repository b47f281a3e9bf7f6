import { randomUUID } from 'node:crypto';
import {
  LIMITS,
  currentDilemma,
  dilemmaView,
  placeMarkerVerdict,
  revealVerdict,
  setDilemmaVerdict,
  type Dilemma,
  type DilemmaRefusal,
  type DilemmaView,
} from '@casusbord/shared';
import { refusalError } from '../store/DilemmaStore';
import { sessionRoom, type ControlDeps, type ControlSocket } from './ControlPlane';
import { onData } from './withValidation';

/*
 * Issue 16, the dilemma line on the control plane: `dilemma:set`, `dilemma:place`,
 * `dilemma:reveal` and `dilemma:get`. The rules are shared/src/domain/dilemma.ts, the markers are
 * in the store (store.dilemmas). What goes out is decided by dilemmaView: the session's room gets
 * the count (and after the reveal the positions, never a name); a participant's own sockets also
 * get their own marker.
 */

/** The room of one participant's sockets (all their tabs, on every instance). */
export const participantRoom = (sessionId: string, participantId: string) =>
  `session:${sessionId}:participant:${participantId}`;

const orThrow = (refusal: DilemmaRefusal | null): void => {
  if (refusal) throw refusalError(refusal);
};

export function registerDilemmaHandlers(socket: ControlSocket, deps: ControlDeps): void {
  const { principal } = socket.data;
  const { store, log } = deps;
  const sessionId = principal.sessionId;
  const me = principal.role === 'participant' ? principal.participantId : null;
  if (me) void socket.join(participantRoom(sessionId, me));

  const locked = async () => {
    const session = await store.getSession(sessionId);
    if (!session) throw refusalError({ code: 'not_found', message: 'This session no longer exists' });
    return Boolean(session.locked);
  };
  const find = async (id: string) => (await store.dilemmas.list(sessionId)).find((d) => d.id === id) ?? null;
  /** The view for this socket, after telling the session's room (and `me`'s own sockets) what changed. */
  const publish = async (d: Dilemma): Promise<DilemmaView> => {
    const markers = await store.dilemmas.markers(sessionId, d.id);
    socket.nsp.to(sessionRoom(sessionId)).emit('dilemma:update', dilemmaView(d, markers, null));
    if (me) socket.nsp.to(participantRoom(sessionId, me)).emit('dilemma:update', dilemmaView(d, markers, me));
    return dilemmaView(d, markers, me);
  };

  onData(
    socket,
    'dilemma:get',
    async () => {
      const d = currentDilemma(await store.dilemmas.list(sessionId));
      return d ? dilemmaView(d, await store.dilemmas.markers(sessionId, d.id), me) : null;
    },
    log,
  );

  onData(
    socket,
    'dilemma:set',
    async ({ text, left, right }) => {
      const existing = await store.dilemmas.list(sessionId);
      orThrow(setDilemmaVerdict(principal.role, await locked(), existing.length, LIMITS.dilemmasPerSession));
      // A new dilemma is always the latest, even when the clock of another instance is behind.
      const createdAt = Math.max(Date.now(), ...existing.map((d) => d.createdAt + 1));
      const d = { id: randomUUID(), sessionId, text, left, right, createdAt, revealedAt: null };
      await store.dilemmas.add(d, LIMITS.dilemmasPerSession);
      return publish(d);
    },
    log,
  );

  onData(
    socket,
    'dilemma:place',
    async ({ dilemmaId, position }) => {
      orThrow(placeMarkerVerdict(principal.role, await locked(), await find(dilemmaId)));
      // The store checks again, atomically: a reveal in between refuses this marker.
      await store.dilemmas.place(sessionId, dilemmaId, me!, position);
      return publish((await find(dilemmaId))!);
    },
    log,
  );

  onData(
    socket,
    'dilemma:reveal',
    async ({ dilemmaId }) => {
      orThrow(revealVerdict(principal.role, await locked(), await find(dilemmaId)));
      return publish(await store.dilemmas.reveal(sessionId, dilemmaId, Date.now()));
    },
    log,
  );
}
