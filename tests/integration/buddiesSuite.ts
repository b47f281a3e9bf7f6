import { beforeAll, describe, expect, it } from 'vitest';
import {
  addReview,
  readReviews,
  type CreateCommunityResponse,
  type CreateMemberResponse,
  type CreateSessionResponse,
  type MeResponse,
  type MembersResponse,
  type SessionBuddyResponse,
} from '@casusbord/shared';
import { createSession, postJson } from '../helpers/api';
import { command } from '../helpers/control';
import { handOver } from '../helpers/handover';
import { useTestServer, type StartServer } from '../helpers/testServer';
import { waitFor } from '../helpers/wait';

/**
 * Buddies (issue 16) against the server's rules: only the facilitator key pairs and unpairs, a
 * member pins only on their own list (the key says who they are), the newcomer sees the buddy's
 * pins, a session shows the buddy when both joined it, and all of it goes with the community.
 * Run on SQLite and Redis (buddies.test.ts).
 */
export function registerBuddiesSuite(engine: string, start: StartServer): void {
  const server = useTestServer(start);
  let c: CreateCommunityResponse;
  let nina: CreateMemberResponse; // the newcomer
  let bert: CreateMemberResponse; // the experienced member
  let other: CreateMemberResponse;
  let archived: CreateSessionResponse;

  async function call(method: string, path: string, token: string | null, body?: unknown, memberKey?: string) {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (memberKey) headers['x-member-key'] = memberKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return {
      status: res.status,
      json: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string; message: string } },
    };
  }
  const member = async (name: string) => {
    const res = await call('POST', `/api/communities/${c.communityId}/members`, c.memberToken, { name });
    expect(res.status).toBe(201);
    return res.json as unknown as CreateMemberResponse;
  };
  const me = async (m: CreateMemberResponse) =>
    (await call('GET', `/api/communities/${c.communityId}/me`, c.memberToken, undefined, m.memberKey))
      .json as unknown as MeResponse;

  beforeAll(async () => {
    c = (await postJson(`${server.url}/api/communities`, { name: 'CoP wijkenaanpak' }))
      .json as unknown as CreateCommunityResponse;
    nina = await member('Nina');
    bert = await member('Bert');
    other = await member('Olga');
    // An archived session with one advice and one reading to pin.
    archived = await createSession(server.url, {
      communityId: c.communityId,
      communityKey: c.facilitatorKey,
      bookClub: true,
    });
    const host = await server.control(archived.hostToken);
    expect((await command(host, 'host:command', { type: 'start' })).ok).toBe(true);
    const [peer] = await server.syncedPeers([archived.docName, archived.hostToken]);
    addReview(peer.doc, {
      id: 'r1',
      title: 'Handboek buurtgericht werken',
      author: 'Buurtwerkplaats',
      link: '',
      verdict: 'must-read',
      why: 'Alles over de eerste honderd dagen in een wijk.',
      reviewerId: 'host',
      createdAt: Date.now(),
    });
    await waitFor('stored', () => readReviews(peer.doc).length === 1);
    await handOver(server.url, archived.sessionId, archived.hostToken);
  });

  describe(`${engine}: pairing`, () => {
    it('lets only the facilitator key pair and unpair, with a clear error otherwise', async () => {
      const path = `/api/communities/${c.communityId}/buddies`;
      const asMember = await call('PUT', path, c.memberToken, { newcomerId: nina.memberId, buddyId: bert.memberId });
      expect(asMember.status).toBe(403);
      expect(asMember.json.error?.code).toBe('forbidden');
      expect((await call('PUT', path, null, { newcomerId: nina.memberId, buddyId: bert.memberId })).status).toBe(401);
      const self = await call('PUT', path, c.facilitatorKey, { newcomerId: nina.memberId, buddyId: nina.memberId });
      expect(self.status).toBe(400);
      const unknown = await call('PUT', path, c.facilitatorKey, { newcomerId: nina.memberId, buddyId: 'nobody' });
      expect(unknown.status).toBe(404);
      expect((await call('PUT', path, c.facilitatorKey, { newcomerId: nina.memberId })).status).toBe(400);

      const ok = await call('PUT', path, c.facilitatorKey, { newcomerId: nina.memberId, buddyId: bert.memberId });
      expect(ok.status).toBe(200);
      const members = (ok.json as unknown as MembersResponse).members;
      expect(members.find((m) => m.memberId === nina.memberId)?.buddyId).toBe(bert.memberId);
      // Not the other way round at the same time.
      const back = await call('PUT', path, c.facilitatorKey, { newcomerId: bert.memberId, buddyId: nina.memberId });
      expect(back.status).toBe(400);

      // Unpairing: member token refused; the facilitator unpairs and pairs again.
      expect((await call('DELETE', `${path}/${nina.memberId}`, c.memberToken)).status).toBe(403);
      expect((await call('DELETE', `${path}/${other.memberId}`, c.facilitatorKey)).status).toBe(204);
      expect((await call('DELETE', `${path}/nobody`, c.facilitatorKey)).status).toBe(404);
      expect((await me(other)).buddy).toBeNull();
      expect((await me(nina)).buddy).toEqual({ memberId: bert.memberId, name: 'Bert' });
      expect((await me(bert)).newcomers).toEqual([{ memberId: nina.memberId, name: 'Nina' }]);
    });
  });

  describe(`${engine}: pins`, () => {
    const pins = `/api/communities/__/pins`;
    const pin = (m: CreateMemberResponse | null, body: unknown, token = c.memberToken) =>
      call('PUT', pins.replace('__', c.communityId), token, body, m?.memberKey);

    it('pins only for the member the key names, only what is in the archive', async () => {
      const reading = { kind: 'reading', sessionId: archived.sessionId, itemId: 'r1', pinned: true };
      // Without a member key nobody's list is changed: the community token alone names no member.
      expect((await pin(null, reading)).status).toBe(401);
      expect((await pin(null, reading, c.facilitatorKey)).status).toBe(401);
      // Another community's member key does not work here either.
      const c2 = (await postJson(`${server.url}/api/communities`, { name: 'Ander' }))
        .json as unknown as CreateCommunityResponse;
      const stranger = (await call('POST', `/api/communities/${c2.communityId}/members`, c2.memberToken, { name: 'X' }))
        .json as unknown as CreateMemberResponse;
      expect((await pin(stranger, reading)).status).toBe(401);
      // A body naming a member is refused: the list is always the key's.
      expect((await pin(bert, { ...reading, memberId: nina.memberId })).status).toBe(400);
      expect((await pin(bert, { ...reading, itemId: 'nope' })).status).toBe(404);
      expect((await pin(bert, { ...reading, kind: 'card' })).status).toBe(400);

      expect((await pin(bert, reading)).status).toBe(200);
      expect((await pin(bert, reading)).json.pins).toHaveLength(1); // once, however often
      expect((await me(nina)).pins).toEqual([]);
      const seen = await me(nina);
      expect(seen.buddyPins).toHaveLength(1);
      expect(seen.buddyPins[0]).toMatchObject({ kind: 'reading', itemId: 'r1', text: 'Handboek buurtgericht werken' });
      expect(seen.buddyPins[0]!.reading?.verdict).toBe('must-read');

      // Olga pins for herself; Nina's buddy view still shows only Bert's pins.
      expect((await pin(other, reading)).status).toBe(200);
      expect((await pin(bert, { ...reading, pinned: false })).json.pins).toEqual([]);
      expect((await me(nina)).buddyPins).toEqual([]);
      expect((await me(other)).pins).toHaveLength(1);
      expect((await pin(bert, reading)).status).toBe(200);
    });
  });

  describe(`${engine}: in a session and after the community`, () => {
    it('shows each the other when both joined the session, not before, and the join screen who is already there', async () => {
      const s = await createSession(server.url, { communityId: c.communityId, communityKey: c.facilitatorKey });
      const joinAs = async (name: string, keys: string[]) => {
        const res = await postJson(`${server.url}/api/join`, { code: s.joinCode, name, memberKeys: keys });
        expect(res.status).toBe(200);
        return res.json as unknown as { token: string };
      };
      const buddyOf = async (token: string) =>
        (await call('GET', `/api/sessions/${s.sessionId}/buddy`, token)).json as unknown as SessionBuddyResponse;
      // The join screen, before a name is typed: whose buddy or newcomer is already there.
      const preview = (keys?: string) => call('GET', `/api/join/${s.joinCode}`, null, undefined, keys);
      expect((await preview(nina.memberKey)).json.buddies).toEqual([]);
      const n = await joinAs('Nina', ['x'.repeat(43), nina.memberKey]);
      expect((await buddyOf(n.token)).buddies).toEqual([]);
      expect((await preview(`nope, ${bert.memberKey}`)).json.buddies).toEqual([{ name: 'Nina', relation: 'newcomer' }]);
      expect((await preview(other.memberKey)).json.buddies).toEqual([]);
      expect((await preview()).json).not.toHaveProperty('buddies');
      expect((await preview('x'.repeat(43))).json).not.toHaveProperty('buddies');
      const tooMany = await preview(Array.from({ length: 11 }, () => bert.memberKey).join(','));
      expect(tooMany.status).toBe(400);
      expect(tooMany.json.error?.code).toBe('validation_failed');
      const b = await joinAs('Bert', [bert.memberKey]);
      expect((await buddyOf(n.token)).buddies).toEqual([{ name: 'Bert', relation: 'buddy' }]);
      expect((await buddyOf(b.token)).buddies).toEqual([{ name: 'Nina', relation: 'newcomer' }]);
      // Someone who joined without a key sees nobody; the host too.
      const o = await joinAs('Olga', []);
      expect((await buddyOf(o.token)).buddies).toEqual([]);
      expect((await buddyOf(s.hostToken)).buddies).toEqual([]);
      const bad = await postJson(`${server.url}/api/join`, { code: s.joinCode, name: 'Z', memberKeys: 'nope' });
      expect(bad.status).toBe(400);
    });

    it('goes with the community', async () => {
      expect((await call('DELETE', `/api/communities/${c.communityId}`, c.facilitatorKey)).status).toBe(204);
      expect(await server.app.deps.store.listMembers(c.communityId)).toEqual([]);
      expect(await server.app.deps.store.getMember(nina.memberId)).toBeNull();
      expect(await server.app.deps.store.findMemberByKey('x')).toBeNull();
    });
  });
}
