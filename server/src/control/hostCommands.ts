import {
  AppError,
  plenaryDocName,
  applyCommand,
  applyRoundEdit,
  applyToTables,
  copyCardInto,
  currentRound,
  draftDocName,
  liveFocus,
  planFocus,
  planMove,
  readCards,
  resizeTables,
  revealedByHost,
  roundChange,
  targetTables,
  type RoundState,
  type SessionState,
  type StateEvent,
  type EventData,
  type TableFailure,
  boardDocName,
} from '@casusbord/shared';
import type { Principal } from '../auth/Auth';
import { auditDetail } from '../audit';
import { AUDIT_ACTIONS, type AuditAction } from '../store/records';
import { type SessionRecord } from '../store/Store';
import type { ControlRecord } from './SessionControl';
import { isCaseDay } from './SessionControl';
import type { ControlDeps, ControlSocket } from './ControlPlane';
import { onData, onState as registerState } from './withValidation';

/** The events of the audit log: the host's commands. */
const isAudited = (event: string): event is AuditAction =>
  event.startsWith('host:') && (AUDIT_ACTIONS as readonly string[]).includes(event);

function requireHost(principal: Principal): void {
  if (principal.role !== 'host') throw new AppError('forbidden', 'Only the facilitator may do this');
}

/** Boards are read-only after the handover; commands that write to them are refused. */
function requireOpen(session: SessionRecord): void {
  if (session.locked) throw new AppError('session_locked', 'The session has been handed over; reopen it first');
}

/** A refusal of the session rules (shared/src/domain/tables.ts) becomes the failed answer. */
function orThrow<T extends { ok: true }>(result: T | TableFailure): T {
  if (!result.ok) throw new AppError(result.code, result.message);
  return result;
}

/** The ids of the tables a command is for (one, or all when `groupId` is absent). */
const tablesFor = (session: SessionRecord, groupId: string | undefined): string[] =>
  orThrow(targetTables(session.groups, groupId)).ids;

/** Applies `step` to the rounds of one table or all (see applyToTables). */
function stepTables(
  session: SessionRecord,
  record: ControlRecord,
  groupId: string | undefined,
  step: (round: RoundState) => { ok: true; state: RoundState } | { ok: false; message: string },
): void {
  const { rounds } = orThrow(applyToTables(record.tables, tablesFor(session, groupId), step));
  for (const [id, round] of Object.entries(rounds)) record.tables[id]!.round = round;
}

/** Each table's current round id, to compare with after a change of rounds (settleRoundChanges). */
export function roundsBefore(record: ControlRecord): Map<string, string | undefined> {
  return new Map(Object.entries(record.tables).map(([id, t]) => [id, currentRound(t.round)?.id]));
}

/**
 * What leaving a round means beyond the round state (tables.ts roundChange): the drafts of a
 * private round a table left are revealed, and nobody is ready any more. After a host command and
 * after the server moved a table on at zero alike.
 */
export async function settleRoundChanges(
  deps: Pick<ControlDeps, 'revealDrafts'>,
  session: SessionRecord,
  record: ControlRecord,
  before: Map<string, string | undefined>,
): Promise<void> {
  for (const [id, table] of Object.entries(record.tables)) {
    const { clearsReady, reveal } = roundChange(before.get(id), table, Boolean(session.locked));
    if (reveal) {
      await deps.revealDrafts(session, id);
      table.revealedRounds.push(reveal);
    }
    if (clearsReady) record.ready = [];
  }
}

/** Registers the session-changing events on one socket. Every one is validated and acknowledged. */
export function registerSessionHandlers(socket: ControlSocket, deps: ControlDeps): void {
  const { principal } = socket.data;
  const { control, log } = deps;
  const sessionId = principal.sessionId;

  /** Runs a change, broadcasts the new state to the session and answers the sender with it. */
  const change =
    (run: (session: SessionRecord, record: ControlRecord, now: number) => Promise<void> | void) => async () => {
      const { session, record } = await control.update(sessionId, (s, r) => run(s, r, Date.now()));
      const state = control.view(session, record, Date.now());
      deps.broadcastState(sessionId, state);
      return state;
    };

  // Every host command that succeeded goes into the session's audit log (issue 18).
  const on = <E extends StateEvent>(event: E, run: (data: EventData<E>) => Promise<SessionState>) =>
    registerState(socket, event, isAudited(event) ? audited(event, run) : run, log);
  const audited =
    <E extends StateEvent>(event: E & AuditAction, run: (data: EventData<E>) => Promise<SessionState>) =>
    async (data: EventData<E>) => {
      const state = await run(data);
      await deps.audit(socket, event, auditDetail(data));
      return state;
    };

  on('host:command', (command) => {
    requireHost(principal);
    return change(async (session, record, now) => {
      const before = roundsBefore(record);
      stepTables(session, record, command.groupId, (round) => applyCommand(round, command, now));
      await settleRoundChanges(deps, session, record, before);
    })();
  });

  on('host:rounds', (edit) => {
    requireHost(principal);
    return change((session, record, now) =>
      stepTables(session, record, edit.groupId, (round) => applyRoundEdit(round, edit, now)),
    )();
  });

  on('host:settings', (settings) => {
    requireHost(principal);
    return change(async (_session, record) => {
      if (settings.dotsPerPerson !== undefined) record.dotsPerPerson = settings.dotsPerPerson;
      if (settings.caseHolderId !== undefined) {
        if (settings.caseHolderId !== null) {
          const p = await deps.store.getParticipant(settings.caseHolderId);
          if (!p || p.sessionId !== sessionId) throw new AppError('not_found', 'No such participant in this session');
        }
        record.caseHolderId = settings.caseHolderId;
      }
    })();
  });

  on('host:reveal', ({ groupId }) => {
    requireHost(principal);
    return change(async (session, record) => {
      requireOpen(session);
      for (const id of tablesFor(session, groupId)) {
        await deps.revealDrafts(session, id);
        const table = record.tables[id]!;
        const revealed = revealedByHost(table);
        if (revealed) table.revealedRounds.push(revealed);
      }
    })();
  });

  on('host:tables', ({ count }) => {
    requireHost(principal);
    return change(async (session) => {
      const participants = await deps.store.listParticipants(sessionId);
      const { groups } = orThrow(
        resizeTables(session.groups, count, (id) => participants.some((p) => p.groupId === id)),
      );
      await deps.store.updateSession({ ...session, groups });
      session.groups = groups;
    })();
  });

  on('host:move', ({ participantId, groupId }) => {
    requireHost(principal);
    return change(async (session) => {
      tablesFor(session, groupId);
      const p = await deps.store.getParticipant(participantId);
      if (!p || p.sessionId !== sessionId) throw new AppError('not_found', 'No such participant in this session');
      const { move } = orThrow(planMove(session.groups, p.groupId, groupId));
      if (!move) return;
      await deps.store.updateParticipant({ ...p, groupId: move.to });
      // Their open connection to the old table's board ends; the client follows to the new one.
      await deps.disconnectFromDoc(boardDocName(sessionId, move.from), participantId);
      void deps.broadcastPresence(sessionId);
    })();
  });

  on('host:focus', async (payload) => {
    requireHost(principal);
    // The board everyone was brought to before, if they now leave it: its visitors are let go.
    let left: string | null = null;
    const state = await change((session, record, now) => {
      const previous = liveFocus(record.focus, session.groups);
      const { focus } = orThrow(
        planFocus({ caseDay: isCaseDay(session), groups: session.groups }, payload, previous, now),
      );
      record.focus = focus;
      if (previous && previous.groupId !== focus?.groupId) left = previous.groupId;
    })();
    if (left) await deps.endVisits(sessionId, left);
    return state;
  });

  on('participant:ready', ({ ready }) => {
    if (principal.role !== 'participant' || !principal.participantId) {
      throw new AppError('forbidden', 'Only participants mark themselves ready');
    }
    const id = principal.participantId;
    return change((_session, record) => {
      record.ready = record.ready.filter((r) => r !== id);
      if (ready) record.ready.push(id);
    })();
  });

  on('session:get', async () => {
    const { session, record } = await control.current(sessionId);
    return control.view(session, record, Date.now());
  });

  onData(
    socket,
    'card:promote',
    async ({ groupId, cardId }) => {
      if (principal.role === 'recipient') throw new AppError('forbidden', 'A recipient cannot change boards');
      if (principal.role === 'participant' && principal.groupId !== groupId) {
        throw new AppError('forbidden', 'Only members of that table (or the facilitator) may promote its cards');
      }
      const { session } = await control.current(sessionId);
      requireOpen(session);
      if (!isCaseDay(session)) throw new AppError('invalid_command', 'This session has no plenary board');
      tablesFor(session, groupId);
      const plenaryCardId = `p-${groupId}-${cardId}`;
      await deps.withRooms([boardDocName(sessionId, groupId), plenaryDocName(sessionId)], async ([table, plenary]) => {
        const card = readCards(table!.doc).find((c) => c.id === cardId);
        if (!card) throw new AppError('not_found', 'That card is no longer on the board');
        await plenary!.transactServer((doc) => {
          copyCardInto(doc, card, plenaryCardId, { promotedFrom: `${groupId}:${cardId}` });
        });
      });
      return { plenaryCardId };
    },
    log,
  );
}

export { draftDocName };
