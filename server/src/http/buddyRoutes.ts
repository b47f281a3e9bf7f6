import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AppError,
  BUDDY_LIMITS,
  buddiesPresent,
  createMemberBody,
  findPinned,
  mayPair,
  pairBody,
  pairingProblem,
  pinBody,
  resolvePins,
  togglePin,
  type CreateMemberResponse,
  type MeResponse,
  type MemberView,
  type MembersResponse,
  type SessionBuddy,
  type SessionBuddyResponse,
} from '@casusbord/shared';
import { generateId, generateToken, hashToken, isTokenShaped } from '../auth/tokens';
import { existingSession } from '../sessions';
import type { MemberRecord } from '../store/BuddyStore';
import type { CommunityRecord } from '../store/ArchiveStore';
import type { SessionRecord, Store } from '../store/Store';
import { archiveEntries } from './communityRoutes';
import { requireCommunity } from './communityAccess';
import { parseRequest } from './errors';
import { principalOf, requireSessionToken } from './principal';

type Params = { Params: { id: string } };

const MEMBER_KEY_HINT = 'Send your own member key as "X-Member-Key: <key>" (from POST /api/communities/:id/members)';

const view = (m: MemberRecord): MemberView => ({ memberId: m.id, name: m.name, buddyId: m.buddyId });

/** The member behind the request's X-Member-Key, in this community; 401 without one. */
async function requireMember(store: Store, request: FastifyRequest, community: CommunityRecord): Promise<MemberRecord> {
  const key = request.headers['x-member-key'];
  const member = isTokenShaped(key) ? await store.findMemberByKey(hashToken(key)) : null;
  if (!member || member.communityId !== community.id) throw new AppError('unauthorized', MEMBER_KEY_HINT);
  return member;
}

/** The member a participant joined as (the first of `keys` that belongs to the community), or null. */
export async function memberForJoin(
  store: Store,
  communityId: string | null | undefined,
  keys: readonly string[] | undefined,
): Promise<string | null> {
  if (!communityId || !keys) return null;
  for (const key of keys) {
    const member = isTokenShaped(key) ? await store.findMemberByKey(hashToken(key)) : null;
    if (member?.communityId === communityId) return member.id;
  }
  return null;
}

/**
 * The buddy relations of member `memberId` that joined `session`, by name: on the board once both
 * are there (`meToo`), on the join screen before the member joined (`meToo: false`).
 */
export async function buddiesInSession(
  store: Store,
  session: SessionRecord,
  memberId: string,
  { meToo }: { meToo: boolean },
): Promise<SessionBuddy[]> {
  if (!session.communityId) return [];
  const participants = await store.listParticipants(session.id);
  const present = new Set(participants.flatMap((p) => (p.communityMemberId ? [p.communityMemberId] : [])));
  const members = await store.listMembers(session.communityId);
  const names = new Map(members.map((m) => [m.id, m.name]));
  return buddiesPresent(members, memberId, present, { meToo }).map((r) => ({
    name: names.get(r.memberId) ?? '',
    relation: r.relation,
  }));
}

/**
 * Buddies (issue 16): members introduce themselves and get a personal key; the facilitator key
 * pairs a newcomer with a buddy; each member pins advice and readings for their newcomer. Rules:
 * shared/src/domain/buddies.ts. Everything goes with the community (DELETE /api/communities/:id).
 */
export async function buddyRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app.deps;

  app.post<Params>('/api/communities/:id/members', async (request, reply) => {
    const body = parseRequest(createMemberBody, request.body);
    const { community } = await requireCommunity(store, request.headers.authorization, request.params.id);
    if ((await store.listMembers(community.id)).length >= BUDDY_LIMITS.membersPerCommunity) {
      throw new AppError('conflict', `A community holds at most ${BUDDY_LIMITS.membersPerCommunity} members`);
    }
    const memberKey = generateToken();
    const member: MemberRecord = {
      id: generateId(),
      communityId: community.id,
      name: body.name,
      keyHash: hashToken(memberKey),
      createdAt: Date.now(),
      buddyId: null,
      pins: [],
    };
    await store.addMember(member);
    const res: CreateMemberResponse = { memberId: member.id, name: member.name, memberKey };
    return reply.status(201).send(res);
  });

  app.get<Params>('/api/communities/:id/members', async (request) => {
    const { community } = await requireCommunity(store, request.headers.authorization, request.params.id);
    const res: MembersResponse = { members: (await store.listMembers(community.id)).map(view) };
    return res;
  });

  app.put<Params>('/api/communities/:id/buddies', async (request) => {
    const body = parseRequest(pairBody, request.body);
    const { community, role } = await requireCommunity(store, request.headers.authorization, request.params.id);
    if (!mayPair(role)) throw new AppError('forbidden', 'Only the facilitator key pairs buddies');
    const members = await store.listMembers(community.id);
    const problem = pairingProblem(members, body.newcomerId, body.buddyId);
    if (problem) throw new AppError(problem.code, problem.message);
    await store.setBuddy(body.newcomerId, body.buddyId);
    const res: MembersResponse = { members: (await store.listMembers(community.id)).map(view) };
    return res;
  });

  app.delete<{ Params: { id: string; newcomerId: string } }>(
    '/api/communities/:id/buddies/:newcomerId',
    async (request, reply) => {
      const { community, role } = await requireCommunity(store, request.headers.authorization, request.params.id);
      if (!mayPair(role)) throw new AppError('forbidden', 'Only the facilitator key unpairs buddies');
      const member = await store.getMember(request.params.newcomerId);
      if (!member || member.communityId !== community.id) {
        throw new AppError('not_found', 'newcomerId: no member of this community has that id');
      }
      await store.setBuddy(member.id, null);
      return reply.status(204).send();
    },
  );

  app.get<Params>('/api/communities/:id/me', async (request) => {
    const { community } = await requireCommunity(store, request.headers.authorization, request.params.id);
    const me = await requireMember(store, request, community);
    const members = await store.listMembers(community.id);
    const buddy = me.buddyId ? (members.find((m) => m.id === me.buddyId) ?? null) : null;
    const entries = buddy ? archiveEntries(await store.listArchive(community.id)) : [];
    const res: MeResponse = {
      member: view(me),
      buddy: buddy ? { memberId: buddy.id, name: buddy.name } : null,
      newcomers: members.filter((m) => m.buddyId === me.id).map((m) => ({ memberId: m.id, name: m.name })),
      buddyPins: buddy ? resolvePins(entries, buddy.pins) : [],
      pins: me.pins,
    };
    return res;
  });

  /** A member pins (or unpins) an advice or a reading of the archive, only ever on their own list. */
  app.put<Params>('/api/communities/:id/pins', async (request) => {
    const { pinned, ...pin } = parseRequest(pinBody, request.body);
    const { community } = await requireCommunity(store, request.headers.authorization, request.params.id);
    const me = await requireMember(store, request, community);
    if (pinned && !findPinned(archiveEntries(await store.listArchive(community.id)), pin)) {
      throw new AppError('not_found', `No ${pin.kind} with that id in this community's archive`);
    }
    const pins = togglePin(me.pins, pin, pinned);
    if (!pins) throw new AppError('conflict', 'Your pin list is full; unpin something first');
    await store.setPins(me.id, pins);
    return { pins };
  });

  /** The caller's buddy or newcomer in this session, when both joined it as members of its community. */
  app.get<Params>('/api/sessions/:id/buddy', { preHandler: requireSessionToken }, async (request) => {
    const principal = principalOf(request);
    const session = await existingSession(store, principal.sessionId);
    const res: SessionBuddyResponse = { buddies: [] };
    if (!session.communityId || !principal.participantId) return res;
    const participant = await store.getParticipant(principal.participantId);
    const me = participant?.sessionId === session.id ? participant.communityMemberId : null;
    if (me) res.buddies = await buddiesInSession(store, session, me, { meToo: true });
    return res;
  });
}
