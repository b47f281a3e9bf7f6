import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ArchiveResponse,
  type CommunityView,
  type CreateCommunityResponse,
  type CreateSessionResponse,
  type LensesResponse,
  type SearchResponse,
} from '@casusbord/shared';
import { purgeExpired } from '../../server/src/sessions';
import { createSession, join, postJson } from '../helpers/api';
import { command, connectControl, latest } from '../helpers/control';
import { handedOverSession as handedOverArchivedSession, type ArchivedCard } from '../helpers/archive';
import { handOver } from '../helpers/handover';
import { useTestServer, type StartServer } from '../helpers/testServer';
import { waitFor } from '../helpers/wait';

/**
 * Communities, the archive, search and follow-up sessions (issue 9), run on every store engine
 * (community.test.ts: SQLite; community.redis.test.ts: Redis).
 */
export function registerCommunitySuite(engine: string, startServer: StartServer): void {
  const server = useTestServer(startServer);
  const { peers, sockets } = server;

  async function get(path: string, token?: string, base = server.url) {
    const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = Buffer.from(await res.arrayBuffer());
    let json: unknown = null;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, body, json: json as Record<string, unknown> };
  }

  async function community(name: string, base = server.url): Promise<CreateCommunityResponse> {
    const res = await postJson(`${base}/api/communities`, { name });
    expect(res.status).toBe(201);
    return res.json as unknown as CreateCommunityResponse;
  }

  /**
   * A community session with cards written on its board by a participant, the first advice's
   * reaction recorded by the host and two dots by the participant (in a reaction round with every
   * column and dots open), then handed over (tests/helpers/archive.ts).
   */
  const handedOverSession = (
    c: CreateCommunityResponse,
    fields: Record<string, unknown>,
    cards: ArchivedCard[],
    srv: { url: string; wsUrl: string } = server,
  ): Promise<CreateSessionResponse> =>
    handedOverArchivedSession(srv, c, { fields, cards, reactionNote: 'Pakken we op', dotsEach: 2 }, peers);

  describe(`${engine}: communities and the archive`, () => {
    let a: CreateCommunityResponse;
    let b: CreateCommunityResponse;
    let s1: CreateSessionResponse;
    let s2: CreateSessionResponse;

    beforeAll(async () => {
      a = await community('CoP wijkenaanpak');
      b = await community('Andere gemeenschap');
      s1 = await handedOverSession(a, { city: 'Amersfoort', theme: 'samenwerking' }, [
        { id: 'adv1', column: 'advice', text: 'Stel een kwartiermaker aan die de partners verbindt' },
        { id: 'pit1', column: 'pitfall', text: 'Partners werken langs elkaar heen' },
      ]);
      s2 = await handedOverSession(a, { city: 'Zwolle', title: 'Casus Zwolle-Zuid' }, [
        { id: 'adv2', column: 'advice', text: 'Organiseer een buurtbudget samen met de jongeren' },
        { id: 'q2', column: 'question', text: 'Wie is eigenaar van het plan?' },
      ]);
    });

    it('gives long secret tokens and an archive link with the token in the fragment', () => {
      for (const token of [a.memberToken, a.facilitatorKey]) {
        expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      }
      expect(a.archiveUrl).toBe(`${server.url}/archief/${a.communityId}#${a.memberToken}`);
    });

    it('search finds a card of each handed-over session with the member token, and nothing without it', async () => {
      const q = (text: string, token?: string, id = a.communityId) =>
        get(`/api/communities/${id}/search?q=${encodeURIComponent(text)}`, token);
      const one = await q('kwartiermaker', a.memberToken);
      expect(one.status).toBe(200);
      const hits1 = (one.json as unknown as SearchResponse).hits;
      expect(hits1.map((h) => [h.sessionId, h.cardId, h.column])).toEqual([[s1.sessionId, 'adv1', 'advice']]);
      expect(hits1[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['kwartiermaker']);
      const two = (await q('buurtbudget jonger', a.memberToken)).json as unknown as SearchResponse;
      expect(two.hits.map((h) => [h.sessionId, h.cardId, h.city])).toEqual([[s2.sessionId, 'adv2', 'Zwolle']]);
      expect(two.hits[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['buurtbudget', 'jongeren']);
      // Ranked: both sessions name the partners; the facilitator key can do what a member can.
      const partners = (await q('partners', a.facilitatorKey)).json as unknown as SearchResponse;
      expect(new Set(partners.hits.map((h) => h.sessionId))).toEqual(new Set([s1.sessionId, s2.sessionId]));
      expect(partners.hits.map((h) => h.score)).toEqual([...partners.hits.map((h) => h.score)].sort((x, y) => y - x));

      expect((await q('kwartiermaker')).status).toBe(401);
      expect((await q('kwartiermaker', s1.hostToken)).status).toBe(401);
      expect((await q('kwartiermaker', b.memberToken)).status).toBe(403);
      expect((await q('kwartiermaker', b.memberToken)).json.error).toMatchObject({ code: 'forbidden' });
      expect((await q('kwartiermaker', b.memberToken, b.communityId)).json).toEqual({
        query: 'kwartiermaker',
        hits: [],
      });
      expect((await get(`/api/communities/${a.communityId}/search?q=`, a.memberToken)).status).toBe(400);
      expect((await get(`/api/communities/${a.communityId}/search?q=x&limit=99`, a.memberToken)).status).toBe(400);
    });

    it('lists the archive newest first with advice, dots and reactions; filters by city, year and theme', async () => {
      const res = await get(`/api/communities/${a.communityId}/archive`, a.memberToken);
      expect(res.status).toBe(200);
      const { entries } = res.json as unknown as ArchiveResponse;
      expect(entries.map((e) => e.sessionId)).toEqual([s2.sessionId, s1.sessionId]);
      expect(entries[1]).toMatchObject({
        city: 'Amersfoort',
        theme: 'samenwerking',
        followUpOf: null,
        thread: [s1.sessionId],
        advice: [{ cardId: 'adv1', dots: 2, reaction: 'adopt', reactionNote: 'Pakken we op' }],
      });
      expect(entries[1]!.coreQuestion).toMatch(/één team/);
      const year = new Date().getFullYear();
      const ids = async (query: string) =>
        (
          (await get(`/api/communities/${a.communityId}/archive?${query}`, a.memberToken))
            .json as unknown as ArchiveResponse
        ).entries.map((e) => e.sessionId);
      expect(await ids('city=zwolle')).toEqual([s2.sessionId]);
      expect(await ids('theme=samenwerking')).toEqual([s1.sessionId]);
      expect(await ids(`year=${year}`)).toHaveLength(2);
      expect(await ids(`year=${year - 5}`)).toEqual([]);
      expect((await get(`/api/communities/${a.communityId}/archive?year=abc`, a.memberToken)).status).toBe(400);

      const view = (await get(`/api/communities/${a.communityId}`, a.memberToken)).json as unknown as CommunityView;
      expect(view).toMatchObject({
        name: 'CoP wijkenaanpak',
        role: 'member',
        cities: ['Amersfoort', 'Zwolle'],
        themes: ['samenwerking'],
      });
      expect(view.years).toContain(year);
      expect(
        ((await get(`/api/communities/${a.communityId}`, a.facilitatorKey)).json as unknown as CommunityView).role,
      ).toBe('facilitator');

      const md = await get(`/api/communities/${a.communityId}/archive/${s1.sessionId}/report?format=md`, a.memberToken);
      expect(md.status).toBe(200);
      expect(md.body.toString('utf8')).toContain('kwartiermaker');
      const embedded = await get(
        `/api/communities/${a.communityId}/archive/${s1.sessionId}/report?format=html&lang=en`,
        a.memberToken,
      );
      expect(embedded.body.toString('utf8')).toContain('Advice report');
      expect(embedded.body.toString('utf8')).not.toContain('data-testid="report-language"');
      expect(
        (await get(`/api/communities/${a.communityId}/archive/${s1.sessionId}/report?lang=de`, a.memberToken)).status,
      ).toBe(400);
      expect(
        (await get(`/api/communities/${b.communityId}/archive/${s1.sessionId}/report?format=md`, b.memberToken)).status,
      ).toBe(404);
    });

    it('creates sessions in a community only with its facilitator key', async () => {
      const body = { title: 'X', city: 'Ede', question: 'Vraag?' };
      const post = (extra: Record<string, unknown>) => postJson(`${server.url}/api/sessions`, { ...body, ...extra });
      expect((await post({ communityId: a.communityId })).status).toBe(400);
      expect((await post({ communityId: a.communityId, communityKey: a.memberToken })).status).toBe(403);
      expect((await post({ communityId: a.communityId, communityKey: b.facilitatorKey })).status).toBe(403);
      expect((await post({ followUpOf: s1.sessionId })).status).toBe(400);
      const unknown = await post({ communityId: a.communityId, communityKey: a.facilitatorKey, followUpOf: 'nope' });
      expect([unknown.status, unknown.json.error?.code]).toEqual([404, 'session_not_found']);
      const foreign = await post({
        communityId: b.communityId,
        communityKey: b.facilitatorKey,
        followUpOf: s1.sessionId,
      });
      expect(foreign.status).toBe(404);
    });

    it('a linked follow-up carries the earlier advice and the case holder’s statuses into its report', async () => {
      const s3 = await createSession(server.url, {
        communityId: a.communityId,
        communityKey: a.facilitatorKey,
        followUpOf: s1.sessionId,
        title: 'Amersfoort, een jaar later',
      });
      const view = await get(`/api/sessions/${s3.sessionId}`, s3.hostToken);
      expect(view.json).toMatchObject({ communityId: a.communityId, followUpOf: s1.sessionId });
      const sanne = await join(server.url, s3.joinCode, 'Sanne');
      const piet = await join(server.url, s3.joinCode, 'Piet');
      const host = await connectControl(server.url, s3.hostToken);
      const holder = await connectControl(server.url, sanne.token);
      const other = await connectControl(server.url, piet.token);
      sockets.push(host, holder, other);

      const state = latest(host);
      expect(state.tables[0]!.round.rounds[0]).toMatchObject({ kind: 'lookback', openColumns: [] });
      expect(state.followUp).toMatchObject({
        ofSessionId: s1.sessionId,
        items: [{ adviceId: 'adv1', dots: 2, status: null }],
      });
      expect(state.lensesOpen).toBe(false);

      expect(await command(holder, 'followup:mark', { adviceId: 'adv1', status: 'done', note: '' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect((await command(host, 'host:settings', { caseHolderId: sanne.participantId })).ok).toBe(true);
      expect(await command(other, 'followup:mark', { adviceId: 'adv1', status: 'done', note: '' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await command(holder, 'followup:mark', { adviceId: 'zzz', status: 'done', note: '' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await command(holder, 'followup:mark', { adviceId: 'adv1', status: 'finished' })).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
      const marked = await command(holder, 'followup:mark', {
        adviceId: 'adv1',
        status: 'in_progress',
        note: 'Kwartiermaker start in maart',
      });
      expect(marked.ok && marked.state.followUp?.items[0]).toMatchObject({
        status: 'in_progress',
        note: 'Kwartiermaker start in maart',
      });
      await waitFor('mark seen by everyone', () => latest(other).followUp?.items[0]?.status === 'in_progress');

      expect(await command(other, 'host:lenses', { open: true })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const lenses = await command(host, 'host:lenses', { open: true });
      expect(lenses.ok && lenses.state.lensesOpen).toBe(true);
      const deck = await get(`/api/sessions/${s3.sessionId}/lenses`, piet.token);
      const { lenses: cards } = deck.json as unknown as LensesResponse;
      expect(cards.length).toBeGreaterThanOrEqual(5);
      // s1's pitfall about partners counts on the "one team" lens.
      expect(cards.find((l) => l.id === 'one-team')).toMatchObject({ source: 'builtin', count: 1 });
      expect((await get(`/api/sessions/${s3.sessionId}/lenses`)).status).toBe(401);
      expect((await get(`/api/sessions/${s3.sessionId}/lenses`, s1.hostToken)).status).toBe(403);

      const handover = await handOver(server.url, s3.sessionId, s3.hostToken);
      const md = (await get(`/api/reports/${handover.reportToken}?format=md`)).body.toString('utf8');
      expect(md).toContain('## Wat werd er van eerdere adviezen');
      expect(md).toContain('**Mee bezig** — Stel een kwartiermaker aan die de partners verbindt *(2 stippen)*');
      expect(md).toContain('Kwartiermaker start in maart');
      expect(md).toMatch(/Terugblik op de bijeenkomst "Intervisie wijkaanpak" van \d+ \w+ \d{4}/);
      // The other formats carry the same section.
      const html = (await get(`/api/reports/${handover.reportToken}?format=html`)).body.toString('utf8');
      expect(html).toContain('data-testid="report-followup"');
      expect(html).toContain('Kwartiermaker start in maart');
      const docx = await JSZip.loadAsync((await get(`/api/reports/${handover.reportToken}?format=docx`)).body);
      const xml = await docx.file('word/document.xml')!.async('string');
      expect(xml).toContain('Wat werd er van eerdere adviezen');
      expect(xml).toContain('Mee bezig');
      const pdf = await get(`/api/reports/${handover.reportToken}?format=pdf`);
      expect(pdf.body.subarray(0, 4).toString('latin1')).toBe('%PDF');

      const { entries } = (await get(`/api/communities/${a.communityId}/archive`, a.memberToken))
        .json as unknown as ArchiveResponse;
      const entry3 = entries.find((e) => e.sessionId === s3.sessionId)!;
      expect(entry3).toMatchObject({ followUpOf: s1.sessionId, thread: [s1.sessionId, s3.sessionId] });
      expect(entry3.followUp).toMatchObject([
        { adviceId: 'adv1', status: 'in_progress', note: 'Kwartiermaker start in maart' },
      ]);
      expect(entries.find((e) => e.sessionId === s1.sessionId)!.thread).toEqual([s1.sessionId, s3.sessionId]);
    });

    it('exports the archive as Markdown files in a zip, then deletes the community with everything in it', async () => {
      const res = await get(`/api/communities/${a.communityId}/export.zip`, a.memberToken);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="archief-cop-wijkenaanpak.zip"');
      const zip = await JSZip.loadAsync(res.body);
      const names = Object.keys(zip.files).sort();
      expect(names).toHaveLength(4);
      expect(names).toContain('index.md');
      expect(names.filter((n) => /^\d{4}-\d{2}-\d{2}-zwolle-casus-zwolle-zuid\.md$/.test(n))).toHaveLength(1);
      const index = await zip.file('index.md')!.async('string');
      expect(index).toMatch(/^# CoP wijkenaanpak/);
      const all = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
      expect(all.join('\n')).toContain('buurtbudget');

      expect(
        (
          await fetch(`${server.url}/api/communities/${a.communityId}`, {
            method: 'DELETE',
            headers: { authorization: `Bearer ${a.memberToken}` },
          })
        ).status,
      ).toBe(403);
      const del = await fetch(`${server.url}/api/communities/${a.communityId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${a.facilitatorKey}` },
      });
      expect(del.status).toBe(204);
      expect((await get(`/api/communities/${a.communityId}/archive`, a.memberToken)).status).toBe(401);
      expect((await get(`/api/sessions/${s1.sessionId}`, s1.hostToken)).status).toBe(401);
      expect(await server.app.deps.store.getArchiveEntry(s2.sessionId)).toBeNull();
      expect(await server.app.deps.store.listArchive(a.communityId)).toEqual([]);
      // The other community still works.
      expect((await get(`/api/communities/${b.communityId}`, b.memberToken)).status).toBe(200);
    });
  });

  describe(`${engine}: retention`, () => {
    it('the RETENTION_DAYS purge also removes archive entries and index rows of purged sessions', async () => {
      const own = await startServer({ retentionDays: 30 });
      try {
        const c = await community('Bewaartermijn', own.url);
        const s = await handedOverSession(
          c,
          {},
          [{ id: 'adv', column: 'advice', text: 'Vergeet de bewaartermijn niet' }],
          own,
        );
        const search = async () =>
          (
            (await get(`/api/communities/${c.communityId}/search?q=bewaartermijn`, c.memberToken, own.url))
              .json as unknown as SearchResponse
          ).hits;
        expect(await search()).toHaveLength(1);
        const purged = await purgeExpired(own.app.deps, Date.now() + 31 * 24 * 60 * 60_000);
        expect(purged).toContain(s.sessionId);
        expect(await search()).toEqual([]);
        expect(await own.app.deps.store.getArchiveEntry(s.sessionId)).toBeNull();
        expect(await own.app.deps.store.listCommunitySessions(c.communityId)).toEqual([]);
      } finally {
        await own.close();
      }
    });
  });
}
