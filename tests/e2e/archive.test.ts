import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { currentRound, type SessionState } from '@casusbord/shared';
import { createCommunity, handedOverSession, type ArchivedSessionSpec } from '../helpers/archive';
import { seriousAxeFindings } from '../helpers/axe';
import { hasCardIn, joinByCode, personPage, WAIT_MS } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { command, latest, type ControlClient } from '../helpers/control';
import { handOver } from '../helpers/handover';
import { ROOT } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/** Advice of the first session; "kwartiermaker" is the word the member searches for. */
const ADVICE_A = [
  'Stel één kwartiermaker aan die de partners aan tafel houdt',
  'Formuleer met bewoners één doel dat in een zin past',
];
/** Hostile on purpose: the archive, the search snippets and the report must show it as text. */
const ADVICE_B = ['Zet jongeren <img src=x onerror="window.__xss=1"> aan het stuur van het buurthuis'];
const SCREENSHOT = path.join(ROOT, 'docs', 'screenshots', 'archive.png');

describeBrowser('community archive, search, report and follow-up look-back in Chromium', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors, peers } = e2e;

  /** The archive link as the server gave it, pointed at the test server (same path and fragment). */
  const local = (url: string) => {
    const u = new URL(url);
    return `${srv.url}${u.pathname}${u.search}${u.hash}`;
  };

  const state = (c: ControlClient): SessionState => latest(c);

  /**
   * A session with its core question, the advice and one pitfall written by Anna; Anna, Bram and
   * Carla each put a dot on the first advice, which the host marks "adopt" with a note.
   */
  const archived = (fields: Record<string, string>, question: string, advice: string[]): ArchivedSessionSpec => ({
    fields: { ...fields, question },
    coreQuestion: question,
    cards: [
      ...advice.map((text, i) => ({ id: `a${i}`, column: 'advice' as const, text })),
      { id: 'p0', column: 'pitfall', text: 'Iedereen wacht op elkaar' },
    ],
    reactionNote: 'Gaan we na de zomer doen',
    voters: ['Anna', 'Bram', 'Carla'],
    dotsEach: 1,
  });

  it(
    'a member searches and reads the archive; a facilitator starts a follow-up whose case holder marks earlier advice',
    { timeout: 240_000 },
    async () => {
      const community = await createCommunity(srv.url, 'Community wijkenaanpak Oost');
      const first = await handedOverSession(
        srv,
        community,
        archived(
          { title: 'Intervisie Kruiskamp', city: 'Amersfoort', theme: 'Samenwerking' },
          'Hoe maken we van vijf partners één team?',
          ADVICE_A,
        ),
        peers,
      );
      await handedOverSession(
        srv,
        community,
        archived(
          { title: 'Casus Holtenbroek', city: 'Zwolle', theme: 'Jongeren' },
          'Hoe houden we jongeren erbij?',
          ADVICE_B,
        ),
        peers,
      );

      // ---- A member opens the archive link: the token leaves the address bar and never reaches a URL.
      const member = await personPage(e2e.browser, 'member', pageErrors);
      const requested: string[] = [];
      member.on('request', (req) => requested.push(req.url()));
      await member.goto(local(community.archiveUrl));
      await member.getByTestId('archive-heading').filter({ hasText: 'Community wijkenaanpak Oost' }).waitFor();
      expect(new URL(member.url()).hash).toBe('');
      await member.locator('[data-testid="archive-entry"]').nth(1).waitFor();
      expect(await member.getByTestId('archive-entry').count()).toBe(2);
      // Newest first; the first session shows its advice with dots and the case holder's reaction.
      const kruiskamp = member.locator(`[data-testid="archive-entry"][data-session-id="${first.sessionId}"]`);
      await expect.poll(() => kruiskamp.getByTestId('entry-advice').innerText()).toContain(ADVICE_A[0]!);
      const adviceText = await kruiskamp.getByTestId('entry-advice').innerText();
      expect(adviceText).toContain('Overnemen');
      expect(adviceText).toContain('3');
      expect(await member.getByTestId('archive-delete').count()).toBe(0);

      // Filter by city: only Zwolle is left; clearing brings both back.
      await member.getByTestId('filter-city').selectOption('Zwolle');
      await member.getByTestId('archive-count').filter({ hasText: '1 bijeenkomst' }).waitFor();
      expect(await member.getByTestId('archive-entry').first().innerText()).toContain('Holtenbroek');
      await member.getByTestId('filter-clear').click();
      await member.getByTestId('archive-count').filter({ hasText: '2 bijeenkomsten' }).waitFor();

      // The hostile advice is text on the page: no element came from it, nothing ran.
      await member.getByText(ADVICE_B[0]!, { exact: true }).waitFor();
      expect(await member.locator('.archive-page img').count()).toBe(0);

      // Search: ranked hits with the matching word in <mark>, as elements, not injected HTML.
      await member.getByTestId('archive-search-input').fill('buurthuis');
      await member.getByTestId('archive-search-submit').click();
      await member.getByTestId('search-hit').first().locator('mark').first().waitFor();
      expect(await member.getByTestId('search-hits').locator('img').count()).toBe(0);
      expect(await member.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

      await member.getByTestId('archive-search-input').fill('kwartiermaker');
      await member.getByTestId('archive-search-submit').click();
      const hit = member.getByTestId('search-hit').first();
      await hit.waitFor();
      const marks = await hit.locator('mark').allInnerTexts();
      expect(marks.map((m) => m.toLowerCase())).toContain('kwartiermaker');
      expect(await hit.innerText()).toContain('Intervisie Kruiskamp');
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await member.screenshot({ path: SCREENSHOT });

      // The whole archive as a zip, fetched with the token in a header and saved as a download.
      const [download] = await Promise.all([
        member.waitForEvent('download'),
        member.getByTestId('archive-export').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.zip$/);
      const zip = fs.readFileSync((await download.path())!);
      expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');

      // The hit opens the report, fetched with the token and shown in a sandboxed frame.
      await hit.getByTestId('search-hit-report').click();
      const frame = member.getByTestId('report-frame');
      await frame.waitFor();
      expect(await frame.getAttribute('sandbox')).toBe('');
      await expect
        .poll(() => member.frameLocator('[data-testid="report-frame"]').locator('body').innerText(), {
          timeout: WAIT_MS,
        })
        .toContain(ADVICE_A[0]!);
      expect(requested.filter((u) => u.includes(community.memberToken))).toEqual([]);
      expect(await seriousAxeFindings(member)).toEqual([]);

      // ---- The facilitator starts a follow-up of the first session through the home page form.
      const facilitator = await personPage(e2e.browser, 'facilitator', pageErrors);
      await facilitator.goto(srv.url);
      await facilitator.getByTestId('create-community-part').locator('summary').click();
      await facilitator.getByTestId('create-community-id').fill(community.communityId);
      await facilitator.getByTestId('create-community-key').fill(community.facilitatorKey);
      await facilitator.getByTestId('create-theme').fill('Samenwerking');
      await facilitator.getByTestId('create-load-archive').click();
      await facilitator.getByTestId('create-followup').selectOption(first.sessionId);
      // Picking the earlier session fills in its title and city.
      expect(await facilitator.getByTestId('create-city').inputValue()).toBe('Amersfoort');
      await facilitator.getByTestId('create-question').fill('Staat het team van partners er nu?');
      await facilitator.getByTestId('create-caseholder').fill('Carla');
      await facilitator.getByTestId('create-submit').click();
      await facilitator.waitForURL(/\/s\/[^/]+\/host$/);
      const followUpId = new URL(facilitator.url()).pathname.split('/')[2]!;
      const hostToken = await facilitator.evaluate(
        (key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token ?? '',
        `casusbord:session:${followUpId}`,
      );
      const ctl = await e2e.control(hostToken);
      expect(state(ctl).followUp?.ofSessionId).toBe(first.sessionId);
      expect(currentRound(state(ctl).tables[0]!.round)?.kind).toBe('lookback');

      // The host view lists the earlier advice in its look-back overview.
      const hostLookBack = facilitator.getByTestId('host-lookback');
      await hostLookBack.getByText(ADVICE_A[0]!, { exact: true }).waitFor();

      // Carla joins with the code on the host view and is named case holder; the look-back round starts.
      const joinCode = ((await facilitator.getByTestId('join-code-display').textContent()) ?? '').trim();
      const carla = await personPage(e2e.browser, 'carla', pageErrors);
      const carlaId = (await joinByCode(carla, srv.url, joinCode, 'Carla')).participantId!;
      const anouk = await personPage(e2e.browser, 'anouk', pageErrors);
      await joinByCode(anouk, srv.url, joinCode, 'Anouk');
      expect((await command(ctl, 'host:settings', { caseHolderId: carlaId })).ok).toBe(true);
      expect((await command(ctl, 'host:command', { type: 'start' })).ok).toBe(true);

      const panel = carla.getByTestId('lookback-panel');
      await panel.getByText(ADVICE_A[0]!, { exact: true }).waitFor();
      const item = panel.locator('[data-testid="lookback-item"]').filter({ hasText: ADVICE_A[0]! });
      await item.getByTestId('followup-status-done').check();
      await item.getByTestId('followup-note').fill('De kwartiermaker is sinds maart aan de slag');
      await item.getByTestId('followup-save').click();
      await item.getByTestId('followup-feedback').filter({ hasText: 'Opgeslagen' }).waitFor();
      await waitFor(
        'status on the server',
        () => state(ctl).followUp?.items.find((i) => i.text === ADVICE_A[0])?.status === 'done',
        WAIT_MS,
      );

      // Anouk reads along without controls; the host overview shows the new status.
      const anoukItem = anouk.locator('[data-testid="lookback-item"]').filter({ hasText: ADVICE_A[0]! });
      await anoukItem.getByTestId('lookback-readonly').filter({ hasText: 'Gedaan' }).waitFor();
      expect(await anouk.getByTestId('followup-save').count()).toBe(0);
      await hostLookBack.locator('[data-testid="lookback-item"][data-status="done"]').waitFor();
      // The whole board with the look-back panel above the (now shorter) columns.
      expect(await seriousAxeFindings(carla)).toEqual([]);

      // ---- Lenses in the analysis round: the host opens the deck, Anouk turns a lens into a pitfall.
      const rounds = state(ctl).tables[0]!.round.rounds;
      const analysis = rounds.findIndex((r) => r.kind === 'analysis');
      expect(analysis).toBeGreaterThan(0);
      expect((await command(ctl, 'host:command', { type: 'goto', index: analysis })).ok).toBe(true);
      await facilitator.getByTestId('host-lenses-toggle').click();
      await waitFor('lenses open', () => state(ctl).lensesOpen, WAIT_MS);
      const lens = anouk.getByTestId('lens').first();
      await lens.waitFor();
      const lensText = (await lens.locator('.lens-text').innerText()).trim();
      await lens.getByTestId('lens-make-card').click();
      await hasCardIn(anouk, '[data-testid="column-pitfall"]', lensText);

      // ---- Handed over, the follow-up joins the archive: a thread of two sessions with the look-back.
      await handOver(srv.url, followUpId, hostToken);
      await member.reload();
      const followUpEntry = member.locator(`[data-testid="archive-entry"][data-session-id="${followUpId}"]`);
      await followUpEntry.getByTestId('entry-thread').waitFor();
      expect(await followUpEntry.getByTestId('entry-thread').locator('li').count()).toBe(2);
      const lookedBack = await followUpEntry.getByTestId('entry-followup').innerText();
      expect(lookedBack).toContain('Gedaan');
      expect(lookedBack).toContain('De kwartiermaker is sinds maart aan de slag');
      // The thread links back to the earlier session on the same page, keyboard included.
      await followUpEntry.getByTestId('entry-thread').getByRole('button').press('Enter');
      await expect
        .poll(() => member.evaluate(() => document.activeElement?.getAttribute('data-session-id')))
        .toBe(first.sessionId);

      // ---- The facilitator deletes the community from the archive page, after confirming.
      const archive = await personPage(e2e.browser, 'facilitator-archive', pageErrors);
      await archive.goto(`${srv.url}/archief/${community.communityId}#${community.facilitatorKey}`);
      await archive.getByTestId('archive-delete').click();
      await archive.getByTestId('archive-delete-confirm').waitFor();
      expect(
        (
          await fetch(`${srv.url}/api/communities/${community.communityId}`, {
            headers: { authorization: `Bearer ${community.memberToken}` },
          })
        ).status,
      ).toBe(200);
      await archive.getByTestId('archive-delete-confirm').click();
      await archive.getByTestId('archive-problem').filter({ hasText: 'verwijderd' }).waitFor();
      const gone = await fetch(`${srv.url}/api/communities/${community.communityId}`, {
        headers: { authorization: `Bearer ${community.memberToken}` },
      });
      expect([401, 404]).toContain(gone.status);

      expect(pageErrors).toEqual([]);
    },
  );
  it(
    'the home page creates a community, shows its secrets once and opens an empty archive',
    { timeout: 120_000 },
    async () => {
      const page = await personPage(e2e.browser, 'founder', pageErrors);
      await page.goto(srv.url);
      await page.getByTestId('community-name').fill('Community Zuid');
      await page.getByTestId('community-submit').click();
      await page.getByTestId('community-created').waitFor();
      expect(await page.getByTestId('community-warning').innerText()).toContain('maar één keer getoond');
      const link = await page.getByTestId('community-member-link').inputValue();
      const key = await page.getByTestId('community-key').inputValue();
      const communityId = await page.getByTestId('community-id').inputValue();
      expect(link).toContain(`/archief/${communityId}#`);
      expect(key.length).toBeGreaterThanOrEqual(16);

      // "Use in a new session" fills the community part of the session form.
      await page.getByTestId('community-use').click();
      expect(await page.getByTestId('create-community-id').inputValue()).toBe(communityId);
      expect(await page.getByTestId('create-community-key').inputValue()).toBe(key);
      await page.getByTestId('create-load-archive').click();
      await page.getByTestId('create-archive-status').filter({ hasText: 'Nog geen overgedragen' }).waitFor();

      // The member link opens an archive that says nothing has been handed over yet.
      const member = await personPage(e2e.browser, 'member-zuid', pageErrors);
      await member.goto(local(link));
      await member.getByTestId('archive-empty').filter({ hasText: 'Nog geen bijeenkomsten overgedragen' }).waitFor();
      // A reload keeps access (sessionStorage) although the address bar no longer holds the token.
      await member.reload();
      await member.getByTestId('archive-empty').waitFor();
      // Without the fragment in a fresh tab the page says what is missing.
      const stranger = await personPage(e2e.browser, 'stranger', pageErrors);
      await stranger.goto(`${srv.url}/archief/${communityId}`);
      await stranger.getByTestId('archive-problem').filter({ hasText: 'niet compleet' }).waitFor();
      expect(pageErrors).toEqual([]);
    },
  );
});
