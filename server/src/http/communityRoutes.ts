import type { FastifyInstance } from 'fastify';
import {
  COMMUNITY_LIMITS,
  archiveQuery,
  createCommunityBody,
  lensesQuery,
  searchQuery,
  selectLenses,
  threadOf,
  type ArchiveEntry,
  type ArchiveResponse,
  type CommunityView,
  type CreateCommunityResponse,
  type LensesResponse,
  type SearchResponse,
} from '@casusbord/shared';
import { generateId, generateToken, hashToken } from '../auth/tokens';
import { dutchDay } from '../export/loadBoards';
import { deleteSessionEverywhere, existingSession } from '../sessions';
import { searchArchive, type ArchiveRecord } from '../store/ArchiveStore';
import { requireCommunity } from './communityAccess';
import { archiveReportRoute, archiveZip } from './communityExport';
import { bookletRoute } from './bookletRoute';
import { parseRequest } from './errors';
import { publicUrl } from './origin';
import { principalOf, requireSessionToken } from './principal';

const yearOf = (ms: number) => Number(dutchDay(ms).slice(0, 4));
const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/** The archive entries as members see them, each with the thread of sessions on its case. */
export function archiveEntries(records: ArchiveRecord[]): ArchiveEntry[] {
  const nodes = records.map((r) => r.entry);
  return records.map((r) => ({ ...r.entry, thread: threadOf(nodes, r.entry.sessionId) }));
}

type Params = { Params: { id: string } };

/**
 * Communities (issue 9): created with a name, no accounts. A member token opens the archive,
 * the facilitator key can also create sessions in it (POST /api/sessions) and delete it.
 */
export async function communityRoutes(app: FastifyInstance): Promise<void> {
  const { store, config } = app.deps;

  app.post('/api/communities', async (request, reply) => {
    const body = parseRequest(createCommunityBody, request.body);
    const memberToken = generateToken();
    const facilitatorKey = generateToken();
    const id = generateId();
    await store.createCommunity({
      id,
      name: body.name,
      createdAt: Date.now(),
      memberTokenHash: hashToken(memberToken),
      facilitatorKeyHash: hashToken(facilitatorKey),
    });
    const res: CreateCommunityResponse = {
      communityId: id,
      name: body.name,
      memberToken,
      facilitatorKey,
      archiveUrl: `${publicUrl(config, request)}/archief/${id}#${memberToken}`,
    };
    return reply.status(201).send(res);
  });

  app.get<Params>('/api/communities/:id', async (request) => {
    const { community, role } = await requireCommunity(store, request.headers.authorization, request.params.id);
    const entries = (await store.listArchive(community.id)).map((r) => r.entry);
    const distinct = <T>(values: T[]) => [...new Set(values)];
    const view: CommunityView = {
      communityId: community.id,
      name: community.name,
      role,
      cities: distinct(entries.map((e) => e.city)).sort((a, b) => a.localeCompare(b, 'nl')),
      years: distinct(entries.map((e) => yearOf(e.handedOverAt))).sort((a, b) => b - a),
      themes: distinct(entries.flatMap((e) => (e.theme ? [e.theme] : []))).sort((a, b) => a.localeCompare(b, 'nl')),
    };
    return view;
  });

  app.get<Params & { Querystring: unknown }>('/api/communities/:id/archive', async (request) => {
    const filter = parseRequest(archiveQuery, request.query);
    const { community } = await requireCommunity(store, request.headers.authorization, request.params.id);
    const entries = archiveEntries(await store.listArchive(community.id)).filter(
      (e) =>
        (!filter.city || sameText(e.city, filter.city)) &&
        (!filter.year || yearOf(e.handedOverAt) === filter.year) &&
        (!filter.theme || (e.theme !== null && sameText(e.theme, filter.theme))),
    );
    const res: ArchiveResponse = { entries };
    return res;
  });

  app.get<Params & { Querystring: unknown }>('/api/communities/:id/search', async (request) => {
    const { q, limit } = parseRequest(searchQuery, request.query);
    const { community } = await requireCommunity(store, request.headers.authorization, request.params.id);
    const hits = await searchArchive(store, community.id, q, limit ?? COMMUNITY_LIMITS.searchDefaultLimit);
    const res: SearchResponse = { query: q, hits };
    return res;
  });

  archiveReportRoute(app);
  bookletRoute(app);

  app.get<Params>('/api/communities/:id/export.zip', async (request, reply) => {
    const { community } = await requireCommunity(store, request.headers.authorization, request.params.id);
    const { filename, body } = await archiveZip(app, community);
    return reply
      .header('cache-control', 'no-store')
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(body);
  });

  /** Deletes the community with its sessions (boards, participants, reports), archive and index. */
  app.delete<Params>('/api/communities/:id', async (request, reply) => {
    const { community } = await requireCommunity(
      store,
      request.headers.authorization,
      request.params.id,
      'facilitator',
    );
    const ids = new Set(await store.listCommunitySessions(community.id));
    for (const r of await store.listArchive(community.id)) ids.add(r.entry.sessionId);
    for (const id of ids) await deleteSessionEverywhere(app.deps, id, 'community');
    await store.deleteMembers(community.id);
    await store.deleteCommunity(community.id);
    return reply.status(204).send();
  });

  /**
   * The lens deck of a session: the built-in lenses plus the pitfalls its community's archive
   * names most, or (`?set=six-hats`) the six thinking hats.
   */
  app.get<Params>('/api/sessions/:id/lenses', { preHandler: requireSessionToken }, async (request) => {
    const { set } = parseRequest(lensesQuery, request.query);
    const session = await existingSession(store, principalOf(request).sessionId);
    const records = session.communityId && set !== 'six-hats' ? await store.listArchive(session.communityId) : [];
    const pitfalls = records.flatMap((r) =>
      r.entry.sessionId === session.id ? [] : r.documents.filter((d) => d.column === 'pitfall').map((d) => d.text),
    );
    const res: LensesResponse = { lenses: selectLenses(session.locale, pitfalls, set) };
    return res;
  });
}
