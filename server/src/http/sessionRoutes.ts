import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  LIMITS,
  createSessionBody,
  currentRound,
  joinBody,
  joinPreviewParams,
  normalizeJoinCode,
  type CreateSessionResponse,
  type JoinPreview,
  type JoinResponse,
  type SessionView,
  boardDocName,
} from '@casusbord/shared';
import { bearerToken, type Principal } from '../auth/Auth';
import { generateId, generateJoinCode, generateToken, hashToken } from '../auth/tokens';
import { AddressLimiter, JOIN_MISSES, sessionCreations } from './AddressLimiter';
import { checkCommunityFields, initCommunitySession } from './communityAccess';
import { type SessionRecord } from '../store/Store';
import { parseRequest } from './errors';

/** Tries a few fresh codes; a collision among ~9e8 codes is rare, five in a row means trouble. */
const CODE_ATTEMPTS = 5;

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const { store, auth, config } = app.deps;

  const publicUrl = (request: FastifyRequest): string => config.publicUrl ?? `${request.protocol}://${request.host}`;

  async function principalFor(request: FastifyRequest): Promise<Principal> {
    const principal = await auth.resolve(bearerToken(request.headers.authorization));
    if (!principal) throw new AppError('unauthorized', 'Send a valid token as "Authorization: Bearer <token>"');
    return principal;
  }

  /** Throws `429 rate_limited` with Retry-After (seconds) while `limiter` holds the address back. */
  function holdBack(limiter: AddressLimiter, request: FastifyRequest, reply: FastifyReply, message: string): void {
    const wait = limiter.retryAfterMs(request.ip, Date.now());
    if (wait > 0) {
      void reply.header('retry-after', Math.ceil(wait / 1000));
      throw new AppError('rate_limited', message);
    }
  }

  const creations = new AddressLimiter(sessionCreations(config.sessionsPerAddress));

  app.post('/api/sessions', async (request, reply) => {
    const body = parseRequest(createSessionBody, request.body);
    // Counted before the first await, so parallel requests cannot all pass the check.
    holdBack(creations, request, reply, 'Too many new sessions from this address; wait a few minutes and try again');
    creations.record(request.ip, Date.now());
    const community = await checkCommunityFields(store, body);
    const hostToken = generateToken();
    const now = Date.now();
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const session: SessionRecord = {
        id: generateId(),
        joinCode: generateJoinCode(),
        title: body.title,
        city: body.city,
        question: body.question,
        caseHolderName: body.caseHolderName || null,
        context: body.context || null,
        method: body.method ?? 'intervision-90',
        locale: body.locale ?? 'nl',
        createdAt: now,
        groups: [{ id: 't1', name: 'Tafel 1' }],
        communityId: community?.communityId ?? null,
        theme: body.theme || null,
        followUpOf: community?.earlier?.entry.sessionId ?? null,
      };
      try {
        await store.createSession(session, {
          tokenHash: hashToken(hostToken),
          role: 'host',
          sessionId: session.id,
          participantId: null,
          createdAt: now,
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') continue;
        throw err;
      }
      if (community) await initCommunitySession(store, app.deps.control.control, session, community);
      const res: CreateSessionResponse = {
        sessionId: session.id,
        joinCode: session.joinCode,
        hostToken,
        docName: boardDocName(session.id, session.groups[0]!.id),
        joinUrl: `${publicUrl(request)}/join/${session.joinCode}`,
      };
      return reply.status(201).send(res);
    }
    throw new AppError('unavailable', 'Could not allocate a join code; try again');
  });

  const joinGuard = new AddressLimiter(JOIN_MISSES);

  /** The session of a typed code; wrong codes count against the address (JOIN_MISSES). */
  async function sessionByCode(request: FastifyRequest, reply: FastifyReply, code: string): Promise<SessionRecord> {
    holdBack(joinGuard, request, reply, 'Too many wrong codes from this address; wait a few minutes and try again');
    const session = await store.getSessionByCode(normalizeJoinCode(code));
    if (!session) {
      joinGuard.record(request.ip, Date.now());
      throw new AppError('session_not_found', 'No session has this code; check the code with your facilitator');
    }
    return session;
  }

  app.get<{ Params: { code: string } }>('/api/join/:code', async (request, reply) => {
    const { code } = parseRequest(joinPreviewParams, request.params);
    const session = await sessionByCode(request, reply, code);
    const state = await app.deps.control.stateOf(session.id);
    const table = state.tables[0];
    const round = table ? currentRound(table.round) : undefined;
    const preview: JoinPreview = {
      title: session.title,
      city: session.city,
      caseHolderName: session.caseHolderName,
      locale: session.locale,
      locked: state.locked,
      round:
        table && round
          ? {
              status: table.round.status,
              index: table.round.roundIndex,
              count: table.round.rounds.length,
              title: round.title,
              instruction: round.instruction,
            }
          : null,
    };
    return preview;
  });

  app.post('/api/join', async (request, reply) => {
    const body = parseRequest(joinBody, request.body);
    const session = await sessionByCode(request, reply, body.code);
    const token = generateToken();
    const now = Date.now();
    // Balance new people over the tables: join the table with the fewest participants.
    const participants = await store.listParticipants(session.id);
    const counts = new Map(session.groups.map((g) => [g.id, 0]));
    for (const p of participants) counts.set(p.groupId, (counts.get(p.groupId) ?? 0) + 1);
    const group = [...session.groups].sort((a, b) => counts.get(a.id)! - counts.get(b.id)!)[0]!;
    const participant = {
      id: generateId(),
      sessionId: session.id,
      name: body.name,
      groupId: group.id,
      createdAt: now,
      consentToBeNamed: body.consent ?? false,
    };
    await store.addParticipant(
      participant,
      {
        tokenHash: hashToken(token),
        role: 'participant',
        sessionId: session.id,
        participantId: participant.id,
        createdAt: now,
      },
      LIMITS.participantsPerSession,
    );
    void app.deps.control.broadcastPresence(session.id);
    const res: JoinResponse = {
      sessionId: session.id,
      participantId: participant.id,
      name: participant.name,
      role: 'participant',
      token,
      docName: boardDocName(session.id, group.id),
      groupId: group.id,
    };
    return res;
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id', async (request) => {
    const principal = await principalFor(request);
    if (principal.sessionId !== request.params.id) {
      throw new AppError('forbidden', 'This token belongs to another session');
    }
    const session = await store.getSession(principal.sessionId);
    if (!session) throw new AppError('session_not_found', 'This session no longer exists');
    const visibleGroups =
      principal.role === 'participant' ? session.groups.filter((g) => g.id === principal.groupId) : session.groups;
    const view: SessionView = {
      id: session.id,
      title: session.title,
      city: session.city,
      question: session.question,
      caseHolderName: session.caseHolderName,
      context: session.context,
      method: session.method,
      locale: session.locale,
      createdAt: new Date(session.createdAt).toISOString(),
      communityId: session.communityId ?? null,
      theme: session.theme ?? null,
      followUpOf: session.followUpOf ?? null,
      you: {
        role: principal.role,
        participantId: principal.participantId,
        name: principal.role === 'participant' ? principal.name : null,
        groupId: principal.groupId,
      },
      groups: visibleGroups.map((g) => ({ id: g.id, name: g.name, docName: boardDocName(session.id, g.id) })),
    };
    if (principal.role === 'host') {
      view.joinCode = session.joinCode;
      view.joinUrl = `${publicUrl(request)}/join/${session.joinCode}`;
      view.participants = (await store.listParticipants(session.id)).map((p) => ({
        id: p.id,
        name: p.name,
        groupId: p.groupId,
      }));
    }
    return view;
  });
}
