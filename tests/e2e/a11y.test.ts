import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { addCard } from '@casusbord/shared';
import { seriousAxeFindings } from '../helpers/axe';
import { describeBrowser } from '../helpers/browser';
import { command } from '../helpers/control';
import { personPage } from '../helpers/pages';
import { connectPeer, synced } from '../helpers/yjs';
import { ADVICE_ROUND, SCREENSHOTS, buildScene, openPage, openReport, sceneSuite } from '../helpers/uiScene';

/** Sideways scrolling, and header parts that cover each other. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > innerWidth) problems.push(`scrolls sideways: ${doc.scrollWidth} > ${innerWidth}`);
    const boxes = Array.from(document.querySelectorAll('.board-topbar > *, .home-header > *')).map((el) => ({
      name: el.className || el.tagName,
      r: el.getBoundingClientRect(),
    }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap =
          a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1;
        if (overlap) problems.push(`${a.name} overlaps ${b.name}`);
      }
    }
    for (const el of Array.from(document.querySelectorAll('.column .button, .card-tools > *'))) {
      const r = el.getBoundingClientRect();
      const col = el.closest('.column')!.getBoundingClientRect();
      if (r.width > 0 && r.right > col.right + 1) problems.push(`${el.className} sticks out of its column`);
    }
    return problems;
  });
}

describeBrowser('accessibility: axe-core in Chromium on every page of a running session', () => {
  const e2e = sceneSuite();
  const { srv, pageErrors: errors } = e2e;
  beforeAll(() => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  const check = async (page: Page, name: string) => {
    const findings = await seriousAxeFindings(page);
    expect(findings, `${name}:\n${findings.join('\n')}`).toEqual([]);
  };

  for (const which of ['home', 'join', 'board', 'host', 'beamer'] as const) {
    it(
      `has no serious or critical violation on the ${which} page${which === 'beamer' ? '' : ', and fits a laptop and a tablet'}`,
      { timeout: 60_000 },
      async () => {
        // The board as a participant sees it (Bram); the case holder's board is checked below.
        const page = await openPage(e2e.browser, srv, e2e.scene, which, errors, 'bram');
        await check(page, which);
        // The README's screenshots come from here: the real session, at laptop size, from the top.
        if (which === 'board' || which === 'host' || which === 'beamer') {
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          await page.screenshot({ path: path.join(SCREENSHOTS, `${which}.png`) });
        }
        // Usable on a laptop and on a tablet in both orientations: nothing to scroll sideways, and
        // the header's title and its buttons side by side or wrapped, never on top of each other.
        if (which !== 'beamer') {
          for (const [width, height] of [
            [1280, 720],
            [1024, 768],
            [768, 1024],
          ] as const) {
            await page.setViewportSize({ width, height });
            expect(await layoutProblems(page), `${which} at ${width}×${height}`).toEqual([]);
          }
          await page.setViewportSize({ width: 1280, height: 720 });
        }
        // The same page in English must be as accessible (labels, lang attribute).
        if (which !== 'beamer') {
          await page.getByTestId('language-switch').first().press('Enter');
          await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
          await check(page, `${which} (en)`);
        }
        await page.context().close();
        expect(errors).toEqual([]);
      },
    );
  }

  it('has no serious or critical violation before the start: the host checklist, the waiting board', async () => {
    const idle = await buildScene(srv, { round: null });
    try {
      const host = await openPage(e2e.browser, srv, idle, 'host', errors);
      await host.getByTestId('checklist').waitFor();
      await check(host, 'host before the start');
      const board = await openPage(e2e.browser, srv, idle, 'board', errors);
      await board.locator('[data-testid="round-banner"][data-phase="waiting"]').waitFor();
      await check(board, 'board before the start');
      for (const page of [host, board]) await page.context().close();
      expect(errors).toEqual([]);
    } finally {
      idle.close();
    }
  });

  it(
    "the case holder's board passes too, and tells screen readers about a new card and the last minute",
    { timeout: 60_000 },
    async () => {
      const page = await openPage(e2e.browser, srv, e2e.scene, 'board', errors, 'anna');
      await check(page, 'board of the case holder');
      const announcer = page.getByTestId('card-announcer');
      expect(await announcer.getAttribute('aria-live')).toBe('polite');
      // Cards that were there when the board opened are not news.
      expect((await announcer.textContent())?.trim()).toBe('');
      // Bram writes it on his own connection, in the running advice round (a card is credited to its writer).
      const bram = connectPeer(srv.wsUrl, e2e.scene.bram.docName, e2e.scene.bram.token);
      try {
        await synced(bram);
        addCard(bram.doc, {
          id: 'live1',
          column: 'advice',
          text: 'Vraag de wethouder om één vast aanspreekpunt',
          authorId: e2e.scene.bram.participantId,
          createdAt: Date.now(),
        });
        await expect.poll(() => announcer.textContent()).toBe('Nieuwe kaart bij Adviezen van Bram de Vries');
      } finally {
        bram.destroy();
      }

      // 45 seconds for the round: the clock's live region says the last minute has begun.
      const round = (edit: object) => command(e2e.scene.control, 'host:rounds', edit);
      expect((await round({ type: 'setMinutes', index: ADVICE_ROUND, minutes: 0.75 })).ok).toBe(true);
      expect((await command(e2e.scene.control, 'host:command', { type: 'goto', index: ADVICE_ROUND })).ok).toBe(true);
      const lastMinute = page.locator('.round-clock-wrap [role="status"]');
      await expect.poll(() => lastMinute.textContent()).toBe('Nog 1 minuut');
      expect((await round({ type: 'setMinutes', index: ADVICE_ROUND, minutes: 15 })).ok).toBe(true);
      expect((await command(e2e.scene.control, 'host:command', { type: 'goto', index: ADVICE_ROUND })).ok).toBe(true);
      await expect.poll(() => lastMinute.textContent()).toBe('');
      await page.context().close();
      expect(errors).toEqual([]);
    },
  );

  it('has no serious or critical violation on the accessibility statement, in both languages', async () => {
    const page = await personPage(e2e.browser, 'statement', errors);
    await page.goto(`${srv.url}/toegankelijkheid`);
    await page.getByTestId('accessibility-page').waitFor();
    await check(page, 'accessibility statement');
    for (const [width, height] of [
      [1024, 768],
      [768, 1024],
    ] as const) {
      await page.setViewportSize({ width, height });
      expect(await layoutProblems(page), `statement at ${width}×${height}`).toEqual([]);
    }
    await page.getByTestId('language-switch').press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await check(page, 'accessibility statement (en)');
    await page.context().close();
    expect(errors).toEqual([]);
  });

  // Last: the handover locks the session.
  it('has no serious or critical violation on the report page, in both languages', { timeout: 60_000 }, async () => {
    const { page } = await openReport(e2e.browser, srv, e2e.scene, errors);
    await check(page, 'report');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report.png') });
    await page.getByTestId('report-language').press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    await check(page, 'report (en)');
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
