import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { methodScene } from '../helpers/methodScene';

const HATS = ['Witte hoed', 'Rode hoed', 'Zwarte hoed', 'Gele hoed', 'Groene hoed', 'Blauwe hoed'];

describeBrowser('six thinking hats as the lens set of an analysis round, in Chromium', () => {
  const e2e = serverAndBrowser();

  it(
    'the host opens the deck in the analysis round; it shows the six hats, and a hat becomes a card',
    { timeout: 240_000 },
    async () => {
      const s = await methodScene(e2e, 'incident');
      const { carla, anouk, bram, host } = s;
      await s.runTo('analysis');
      await host.getByTestId('host-lenses-toggle').click();
      for (const page of s.participants) {
        await page.getByTestId('lens').nth(5).waitFor();
        const lenses = await page.getByTestId('lens').locator('.lens-text').allInnerTexts();
        expect(lenses.map((l) => l.split(' — ')[0])).toEqual(HATS);
      }

      // A hat's prompt becomes a card in its column: the white hat a pitfall, the yellow hat an opportunity.
      const lens = (page: typeof anouk, id: string) => page.locator(`[data-testid="lens"][data-lens-id="${id}"]`);
      const white = (await lens(anouk, 'hat-white').locator('.lens-text').innerText()).trim();
      const yellow = (await lens(bram, 'hat-yellow').locator('.lens-text').innerText()).trim();
      await lens(anouk, 'hat-white').getByTestId('lens-make-card').click();
      await lens(bram, 'hat-yellow').getByTestId('lens-make-card').click();
      await s.cardId(carla, 'pitfall', white);
      await s.cardId(carla, 'opportunity', yellow);
      // The listening case holder reads the deck but makes no card of it.
      expect(await carla.getByTestId('lens-make-card').count()).toBe(0);

      await s.runTo('closing');
      const { text } = await s.openReport();
      expect(text).toContain(white);
      expect(text).toContain(yellow);
      expect(e2e.pageErrors).toEqual([]);
    },
  );
});
