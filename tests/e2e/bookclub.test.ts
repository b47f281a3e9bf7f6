import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCommunity } from '../helpers/archive';
import { createSession } from '../helpers/api';
import { joinByCode, openAsHost, personPage, WAIT_MS } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { command, latest } from '../helpers/control';
import { waitFor } from '../helpers/wait';
import { handOver } from '../helpers/handover';
import { ROOT } from '../helpers/server';

const BOOK = {
  title: 'Samen bouwen aan de buurt: een praktijkboek',
  author: 'Platform Wijkaanpak',
  link: 'https://example.org/praktijkboek',
  why: 'Het laat zien hoe je bewoners echt mee laat beslissen, met voorbeelden uit vijf steden.',
};
const SCREENSHOT = path.join(ROOT, 'docs', 'screenshots', 'book-club.png');

describeBrowser('the book-club round and the reading list in Chromium', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors } = e2e;

  /** The one review on a page, once it is there. */
  const reviewOn = (page: Page) => page.getByTestId('review').filter({ hasText: BOOK.title });

  it(
    'a reviewer adds a book with a verdict, two others react, and the archive lists and finds it',
    { timeout: 180_000 },
    async () => {
      const community = await createCommunity(srv.url, 'CoP wijkenaanpak Noord');
      const s = await createSession(srv.url, {
        title: 'Intervisie Zuidrand',
        city: 'Deventer',
        communityId: community.communityId,
        communityKey: community.facilitatorKey,
        bookClub: true,
      });
      const host = await e2e.hostControl(s.hostToken);
      expect((await command(host, 'host:command', { type: 'start' })).ok).toBe(true);

      const [anna, bram, carla] = await Promise.all(
        ['Anna', 'Bram', 'Carla'].map((name) => personPage(e2e.browser, name, pageErrors)),
      );
      await joinByCode(anna!, srv.url, s.joinCode, 'Anna');
      await joinByCode(bram!, srv.url, s.joinCode, 'Bram');
      await joinByCode(carla!, srv.url, s.joinCode, 'Carla');

      // ---- Anna reviews a book. A link that is not http(s) is flagged before anything is sent.
      await anna!.getByTestId('book-club').waitFor();
      await anna!.getByTestId('review-title').fill(BOOK.title);
      await anna!.getByTestId('review-author').fill(BOOK.author);
      await anna!.getByTestId('review-link').fill('javascript:alert(1)');
      expect(await anna!.getByTestId('review-link').getAttribute('aria-invalid')).toBe('true');
      await anna!.getByTestId('review-link').fill(BOOK.link);
      await anna!.getByTestId('review-verdict-must-read').check();
      await anna!.getByTestId('review-why').fill(BOOK.why);
      await anna!.getByTestId('review-submit').click();
      await reviewOn(anna!).waitFor();
      // Her own review takes no reaction from her.
      expect(await reviewOn(anna!).getByTestId('review-reaction-input').count()).toBe(0);

      // ---- Bram and Carla see it with its verdict and each give one reaction.
      for (const [page, text] of [
        [bram!, 'Ga ik bespreken in ons projectteam'],
        [carla!, 'Hoofdstuk twee over mandaat is goud waard'],
      ] as const) {
        const review = reviewOn(page);
        await review.waitFor();
        expect(await review.getByTestId('review-verdict').innerText()).toBe('Moet je lezen');
        expect(await review.locator('a').getAttribute('href')).toBe(BOOK.link);
        await review.getByTestId('review-reaction-input').fill(text);
        await review.getByTestId('review-reaction-save').click();
      }
      await expect.poll(() => reviewOn(anna!).getByTestId('review-reaction').count(), { timeout: WAIT_MS }).toBe(2);
      expect(await reviewOn(anna!).innerText()).toContain('Hoofdstuk twee over mandaat is goud waard — Carla');
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await anna!.getByTestId('book-club').screenshot({ path: SCREENSHOT });

      // ---- Handed over: the community's reading list shows it, and search finds it.
      await handOver(srv.url, s.sessionId, s.hostToken);
      const member = await personPage(e2e.browser, 'member', pageErrors);
      const u = new URL(community.archiveUrl);
      await member.goto(`${srv.url}${u.pathname}${u.hash}`);
      const reading = member.getByTestId('reading-list').getByTestId('reading').filter({ hasText: BOOK.title });
      await reading.waitFor();
      const text = await reading.innerText();
      expect(text).toContain('Moet je lezen');
      expect(text).toContain(BOOK.why);
      expect(text).toContain('2 reacties');
      expect(text).toContain('uit: Intervisie Zuidrand');

      await member.getByTestId('archive-search-input').fill('praktijkboek');
      await member.getByTestId('archive-search-submit').click();
      const hit = member.getByTestId('search-hit').first();
      await hit.waitFor();
      expect(await hit.innerText()).toContain('Leeslijst');
      expect((await hit.locator('mark').allInnerTexts()).map((m) => m.toLowerCase())).toContain('praktijkboek');
      expect(pageErrors).toEqual([]);
    },
  );

  it(
    'the host adds a book-club round mid-session through "Ronde toevoegen", and the table reviews in it',
    { timeout: 120_000 },
    async () => {
      const s = await createSession(srv.url, { title: 'Intervisie Oost', city: 'Zwolle' });
      const hostPage = await personPage(e2e.browser, 'host', pageErrors);
      await openAsHost(hostPage, srv.url, s);
      await hostPage.goto(`${srv.url}/s/${s.sessionId}/host`);
      const host = await e2e.hostControl(s.hostToken);
      expect((await command(host, 'host:command', { type: 'start' })).ok).toBe(true);

      // The form offers the book-club round among the templates; added at the end, it lands there.
      const form = hostPage.getByTestId('add-round');
      await form.getByTestId('add-round-template').selectOption('book-club');
      await form.getByTestId('add-round-submit').click();
      const row = hostPage.locator('[data-testid="round-row"][data-round-id="book-club"]');
      await row.waitFor();
      expect(await row.innerText()).toContain('Boekenclub');
      await waitFor(
        'the added round',
        () => latest(host).tables[0]!.round.rounds.some((r) => r.id === 'book-club'),
        WAIT_MS,
      );
      const state = latest(host);
      const index = state.tables[0]!.round.rounds.findIndex((r) => r.id === 'book-club');
      expect(index).toBe(state.tables[0]!.round.rounds.length - 1);

      // Opened, the table gets the review form and a review lands for everyone.
      const anna = await personPage(e2e.browser, 'Anna', pageErrors);
      const bram = await personPage(e2e.browser, 'Bram', pageErrors);
      await joinByCode(anna, srv.url, s.joinCode, 'Anna');
      await joinByCode(bram, srv.url, s.joinCode, 'Bram');
      expect(await anna.getByTestId('review-title').count()).toBe(0);
      expect((await command(host, 'host:command', { type: 'goto', index })).ok).toBe(true);
      await anna.getByTestId('review-title').fill(BOOK.title);
      await anna.getByTestId('review-verdict-useful').check();
      await anna.getByTestId('review-why').fill(BOOK.why);
      await anna.getByTestId('review-submit').click();
      await reviewOn(bram).waitFor();
      expect(await reviewOn(bram).getByTestId('review-verdict').innerText()).toBe('Bruikbaar');
      expect(pageErrors).toEqual([]);
    },
  );
});
