import { AppError, markFollowUp, type EventData, type SessionState, type StateEvent } from '@casusbord/shared';
import type { SessionRecord } from '../store/Store';
import type { ControlDeps, ControlSocket } from './ControlPlane';
import type { ControlRecord } from './SessionControl';
import { onState as registerState } from './withValidation';

/**
 * Control events of issue 9: the lens deck (`host:lenses`) and the look-back marks of a
 * follow-up session (`followup:mark`). Both change the server-owned SessionState and are
 * acknowledged with the new state, like the host commands.
 */
export function registerCommunityHandlers(socket: ControlSocket, deps: ControlDeps): void {
  const { principal } = socket.data;
  const { control, log } = deps;
  const sessionId = principal.sessionId;

  const on = <E extends StateEvent>(event: E, run: (data: EventData<E>) => Promise<SessionState>) =>
    registerState(socket, event, run, log);

  const change = async (run: (session: SessionRecord, record: ControlRecord) => void) => {
    const { session, record } = await control.update(sessionId, run);
    const state = control.view(session, record, Date.now());
    deps.broadcastState(sessionId, state);
    return state;
  };

  on('host:lenses', ({ open }) => {
    if (principal.role !== 'host') throw new AppError('forbidden', 'Only the facilitator may open the lenses');
    return change((_session, record) => {
      record.lensesOpen = open;
    });
  });

  on('followup:mark', ({ adviceId, status, note }) => {
    if (principal.role !== 'host' && principal.role !== 'participant') {
      throw new AppError('forbidden', 'Only the case holder or the facilitator may mark earlier advice');
    }
    return change((session, record) => {
      // Checked inside the update, against the state as it is now (the case holder may just have changed).
      if (principal.role === 'participant' && principal.participantId !== record.caseHolderId) {
        throw new AppError('forbidden', 'Only the case holder or the facilitator may mark earlier advice');
      }
      if (session.locked) throw new AppError('session_locked', 'The session has been handed over; reopen it first');
      if (!record.followUp) throw new AppError('invalid_command', 'This session does not follow up an earlier one');
      const result = markFollowUp(record.followUp, adviceId, status, note);
      if (!result.ok) throw new AppError(result.code, result.message);
      record.followUp = result.state;
    });
  });
}
