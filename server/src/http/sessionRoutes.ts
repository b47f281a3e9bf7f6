import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  LIMITS,
  createSessionBody,
  currentRound,
  joinBody,
  joinPreviewMemberKeys,
  joinPreviewParams,
  normalizeJoinCode,
  seesJoinDetails,
  sessionView,
  tableForNewcomer,
  type CreateSessionResponse,
  type JoinPreview,
  type JoinResponse,
  type SessionView,
  boardDocName,
} from '@casusbord/shared';
import { generateId, generateToken, hashToken } from '../auth/tokens';
import { existingSession, withFreshJoinCode } from '../sessions';
import { AddressLimiter, JOIN_MISSES, sessionCreations } from './AddressLimiter';
import { checkCommunityFields, initCommunitySession } from './communityAccess';
import { type SessionRecord } from '../store/Store';
import { buddiesInSession, memberForJoin } from './buddyRoutes';
import { parseRequest } from './errors';
import { joinUrl } from './origin';
import { principalOf, requireSessionToken } from './principal';

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const { store, config } = app.deps;

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
    const session = await withFreshJoinCode(async (joinCode) => {
      const session: SessionRecord = {
        id: generateId(),
        joinCode,
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
        ...(body.bookClub ? { bookClub: true } : {}),
      };
      // A conflict is a taken join code (or id): the allocator tries again with fresh ones.
      await store.createSession(session, {
        tokenHash: hashToken(hostToken),
        role: 'host',
        sessionId: session.id,
        participantId: null,
        createdAt: now,
      });
      return session;
    });
    if (community) await initCommunitySession(store, app.deps.control.control, session, community);
    const res: CreateSessionResponse = {
      sessionId: session.id,
      joinCode: session.joinCode,
      hostToken,
      docName: boardDocName(session.id, session.groups[0]!.id),
      joinUrl: joinUrl(config, request, session.joinCode),
    };
    return reply.status(201).send(res);
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
    // Issue 16: a member opening the join link sees whether their buddy or newcomer is already here.
    const keys = request.headers['x-member-key'];
    if (session.communityId && typeof keys === 'string') {
      const me = await memberForJoin(store, session.communityId, parseRequest(joinPreviewMemberKeys, keys));
      if (me) preview.buddies = await buddiesInSession(store, session, me, { meToo: false });
    }
    return preview;
  });

  app.post('/api/join', async (request, reply) => {
    const body = parseRequest(joinBody, request.body);
    const session = await sessionByCode(request, reply, body.code);
    const token = generateToken();
    const now = Date.now();
    const group = tableForNewcomer(session.groups, await store.listParticipants(session.id));
    const participant = {
      id: generateId(),
      sessionId: session.id,
      name: body.name,
      groupId: group.id,
      createdAt: now,
      consentToBeNamed: body.consent ?? false,
      communityMemberId: await memberForJoin(store, session.communityId, body.memberKeys),
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

  app.get<{ Params: { id: string } }>('/api/sessions/:id', { preHandler: requireSessionToken }, async (request) => {
    const principal = principalOf(request);
    const session = await existingSession(store, principal.sessionId);
    const join = seesJoinDetails(principal.role)
      ? { joinUrl: joinUrl(config, request, session.joinCode), participants: await store.listParticipants(session.id) }
      : null;
    const view: SessionView = sessionView(session, principal, join);
    return view;
  });
}
