import { z } from 'zod';
import {
  AppError,
  LIMITS,
  plenaryDocName,
  applyCommand,
  applyRoundEdit,
  copyCardInto,
  currentRound,
  draftDocName,
  hostCommandSchema,
  readCards,
  roundEditSchema,
  type HostCommand,
  type RoundState,
  type SessionState,
  boardDocName,
} from '@casusbord/shared';
import type { Principal } from '../auth/Auth';
import { type SessionRecord } from '../store/Store';
import type { ControlRecord } from './SessionControl';
import { isCaseDay } from './SessionControl';
import type { ControlDeps, ControlSocket } from './ControlPlane';
import { stateHandler, withValidation } from './withValidation';

const idSchema = z.string().min(1).max(64);

function requireHost(principal: Principal): void {
  if (principal.role !== 'host') throw new AppError('forbidden', 'Only the facilitator may do this');
}

/** Boards are read-only after the handover; commands that write to them are refused. */
function requireOpen(session: SessionRecord): void {
  if (session.locked) throw new AppError('session_locked', 'The session has been handed over; reopen it first');
}

function targetTables(session: SessionRecord, groupId: string | undefined): string[] {
  if (groupId === undefined) return session.groups.map((g) => g.id);
  if (!session.groups.some((g) => g.id === groupId)) throw new AppError('not_found', `No table "${groupId}"`);
  return [groupId];
}

/**
 * Applies `step` to one table or all. For all tables, tables where the step does not apply are
 * left as they are; it fails only when it applies nowhere (with the first table's reason).
 */
function applyToTables(
  session: SessionRecord,
  record: ControlRecord,
  groupId: string | undefined,
  step: (round: RoundState) => { ok: true; state: RoundState } | { ok: false; message: string },
): void {
  let firstError: string | null = null;
  let applied = 0;
  for (const id of targetTables(session, groupId)) {
    const table = record.tables[id]!;
    const result = step(table.round);
    if (result.ok) {
      table.round = result.state;
      applied++;
    } else firstError ??= result.message;
  }
  if (applied === 0) throw new AppError('invalid_command', firstError ?? 'Nothing to change');
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

  const onState = <S extends z.ZodType>(schema: S, run: (data: z.infer<S>) => Promise<SessionState>) =>
    stateHandler(schema, run, log);

  socket.on(
    'host:command',
    onState(hostCommandSchema, (command: HostCommand) => {
      requireHost(principal);
      return change(async (session, record, now) => {
        const before = new Map(Object.entries(record.tables).map(([id, t]) => [id, currentRound(t.round)?.id]));
        applyToTables(session, record, command.groupId, (round) => applyCommand(round, command, now));
        // Leaving a private round reveals its drafts, so nothing written is lost; and nobody is
        // "ready" for a round that has just begun.
        for (const [id, table] of Object.entries(record.tables)) {
          const was = before.get(id);
          if (was !== currentRound(table.round)?.id || table.round.status === 'finished') {
            const previous = table.round.rounds.find((r) => r.id === was);
            if (previous?.privateWriting && !session.locked && !table.revealedRounds.includes(previous.id)) {
              await deps.revealDrafts(session, id);
              table.revealedRounds.push(previous.id);
            }
            record.ready = [];
          }
        }
      })();
    }),
  );

  socket.on(
    'host:rounds',
    onState(roundEditSchema, (edit) => {
      requireHost(principal);
      return change((session, record, now) =>
        applyToTables(session, record, edit.groupId, (round) => applyRoundEdit(round, edit, now)),
      )();
    }),
  );

  socket.on(
    'host:settings',
    onState(
      z.strictObject({
        dotsPerPerson: z.number().int().min(1).max(LIMITS.dotsPerPersonMax).optional(),
        caseHolderId: idSchema.nullable().optional(),
      }),
      (settings) => {
        requireHost(principal);
        return change(async (_session, record) => {
          if (settings.dotsPerPerson !== undefined) record.dotsPerPerson = settings.dotsPerPerson;
          if (settings.caseHolderId !== undefined) {
            if (settings.caseHolderId !== null) {
              const p = await deps.store.getParticipant(settings.caseHolderId);
              if (!p || p.sessionId !== sessionId)
                throw new AppError('not_found', 'No such participant in this session');
            }
            record.caseHolderId = settings.caseHolderId;
          }
        })();
      },
    ),
  );

  socket.on(
    'host:reveal',
    onState(z.strictObject({ groupId: idSchema.optional() }), ({ groupId }) => {
      requireHost(principal);
      return change(async (session, record) => {
        requireOpen(session);
        for (const id of targetTables(session, groupId)) {
          await deps.revealDrafts(session, id);
          const table = record.tables[id]!;
          const round = currentRound(table.round);
          if (round?.privateWriting && !table.revealedRounds.includes(round.id)) table.revealedRounds.push(round.id);
        }
      })();
    }),
  );

  socket.on(
    'host:tables',
    onState(z.strictObject({ count: z.number().int().min(1).max(LIMITS.tablesPerSession) }), ({ count }) => {
      requireHost(principal);
      return change(async (session) => {
        const participants = await deps.store.listParticipants(sessionId);
        const groups = [...session.groups];
        while (groups.length < count) {
          const n = groups.length + 1;
          groups.push({ id: `t${n}`, name: `Tafel ${n}` });
        }
        while (groups.length > count) {
          const last = groups[groups.length - 1]!;
          if (participants.some((p) => p.groupId === last.id)) {
            throw new AppError('conflict', `${last.name} still has participants; move them first`);
          }
          groups.pop();
        }
        await deps.store.updateSession({ ...session, groups });
        session.groups = groups;
      })();
    }),
  );

  socket.on(
    'host:move',
    onState(z.strictObject({ participantId: idSchema, groupId: idSchema }), ({ participantId, groupId }) => {
      requireHost(principal);
      return change(async (session) => {
        targetTables(session, groupId);
        const p = await deps.store.getParticipant(participantId);
        if (!p || p.sessionId !== sessionId) throw new AppError('not_found', 'No such participant in this session');
        if (p.groupId === groupId) return;
        await deps.store.updateParticipant({ ...p, groupId });
        // Their open connection to the old table's board ends; the client follows to the new one.
        await deps.disconnectFromDoc(boardDocName(sessionId, p.groupId), participantId);
        void deps.broadcastPresence(sessionId);
      })();
    }),
  );

  socket.on(
    'participant:ready',
    onState(z.strictObject({ ready: z.boolean() }), ({ ready }) => {
      if (principal.role !== 'participant' || !principal.participantId) {
        throw new AppError('forbidden', 'Only participants mark themselves ready');
      }
      const id = principal.participantId;
      return change((_session, record) => {
        record.ready = record.ready.filter((r) => r !== id);
        if (ready) record.ready.push(id);
      })();
    }),
  );

  socket.on(
    'session:get',
    onState(z.unknown(), async () => {
      const { session, record } = await control.current(sessionId);
      return control.view(session, record, Date.now());
    }),
  );

  socket.on(
    'card:promote',
    withValidation(
      z.strictObject({ groupId: idSchema, cardId: idSchema }),
      async ({ groupId, cardId }) => {
        if (principal.role === 'recipient') throw new AppError('forbidden', 'A recipient cannot change boards');
        if (principal.role === 'participant' && principal.groupId !== groupId) {
          throw new AppError('forbidden', 'Only members of that table (or the facilitator) may promote its cards');
        }
        const { session } = await control.current(sessionId);
        requireOpen(session);
        if (!isCaseDay(session)) throw new AppError('invalid_command', 'This session has no plenary board');
        targetTables(session, groupId);
        const plenaryCardId = `p-${groupId}-${cardId}`;
        await deps.withRooms(
          [boardDocName(sessionId, groupId), plenaryDocName(sessionId)],
          async ([table, plenary]) => {
            const card = readCards(table!.doc).find((c) => c.id === cardId);
            if (!card) throw new AppError('not_found', 'That card is no longer on the board');
            await plenary!.transactServer((doc) => {
              copyCardInto(doc, card, plenaryCardId, { promotedFrom: `${groupId}:${cardId}` });
            });
          },
        );
        return { plenaryCardId };
      },
      log,
    ),
  );
}

export { draftDocName };
