import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { methodScene } from '../helpers/methodScene';

describeBrowser('appreciative inquiry case day in Chromium', () => {
  const e2e = serverAndBrowser();

  const writable = (page: Page, column: string, open: boolean) =>
    page.locator(`[data-testid="column-${column}"][data-writable="${open}"]`).waitFor();

  it(
    'discover and dream collect opportunities first, design adds advice, destiny brings them to the plenary board',
    { timeout: 240_000 },
    async () => {
      const s = await methodScene(e2e, 'appreciative');
      const { carla, anouk, bram, host } = s;

      // Discover and dream: only opportunities are open, pitfalls come later.
      await s.runTo('discover');
      for (const page of s.participants) {
        await writable(page, 'opportunity', true);
        await writable(page, 'pitfall', false);
        await writable(page, 'advice', false);
      }
      const works = 'De buurtvaders lopen elke avond een ronde';
      await s.addCard(anouk, 'opportunity', works);
      await s.runTo('dream');
      const dream = 'Een plein waar jongeren zelf het beheer doen';
      await s.addCard(bram, 'opportunity', dream);
      await writable(bram, 'pitfall', false);

      // Design: advice and pitfalls open, with dots; the case holder writes along.
      await s.runTo('design');
      const advice = 'Geef de buurtvaders een vaste plek in het buurthuis';
      const adviceId = await s.addCard(carla, 'advice', advice);
      await s.addCard(bram, 'pitfall', 'Het geld voor beheer stopt na een jaar');
      await s.card(anouk, adviceId).getByTestId('dot-add').click();

      // Destiny: the host brings the strongest cards to the plenary board, which everyone reads.
      await s.runTo('destiny');
      for (const text of [advice, works]) {
        const card = host.locator('[data-testid="promote-card"]', { hasText: text });
        await card.getByTestId('promote-button').click();
        await card.getByTestId('promoted-mark').waitFor();
      }
      await anouk.getByTestId('tab-plenary').click();
      await s.cardId(anouk, 'advice', advice);
      await s.cardId(anouk, 'opportunity', works);
      await s.runTo('handover');

      const { page, text } = await s.openReport();
      expect(text).toContain('Plenair');
      for (const t of [works, dream, advice]) expect(text).toContain(t);
      // The plenary section comes first and holds what destiny chose.
      const plenary = await page.locator('section.board').first().innerText();
      expect(plenary).toContain(advice);
      expect(plenary).toContain(works);
      expect(plenary).not.toContain(dream);
      expect(e2e.pageErrors).toEqual([]);
    },
  );
});
