import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { methodScene } from '../helpers/methodScene';

describeBrowser('Socratic intervision in Chromium', () => {
  const e2e = serverAndBrowser();

  it(
    'the case holder rates the open questions; the report lists the warm ones first',
    { timeout: 240_000 },
    async () => {
      const s = await methodScene(e2e, 'socratic');
      const { carla, anouk, bram } = s;
      await s.runTo('questions');
      const cold = 'Wat had je anders moeten doen?';
      const warm = 'Wat vond je het belangrijkste om te beschermen?';
      const neutral = 'Wie merkte het als eerste?';
      const coldId = await s.addCard(anouk, 'question', cold);
      const warmId = await s.addCard(bram, 'question', warm);
      const neutralId = await s.addCard(anouk, 'question', neutral);

      // The rating round: only the case holder rates; everyone sees the ratings.
      await s.runTo('rating');
      await s.cardId(carla, 'question', neutral);
      expect(await anouk.getByTestId('rating-editor').count()).toBe(0);
      expect(await anouk.getByTestId('add-question-input').count()).toBe(0);
      await s.card(carla, coldId).getByTestId('rating-cold').check();
      await s.card(carla, warmId).getByTestId('rating-warm').check();
      await s.card(carla, neutralId).getByTestId('rating-neutral').check();
      for (const [id, rating] of [
        [warmId, 'warm'],
        [coldId, 'cold'],
        [neutralId, 'neutral'],
      ]) {
        await s.card(bram, id!).locator(`[data-testid="card-rating"][data-rating="${rating}"]`).waitFor();
      }

      await s.runTo('underlying');
      const pitfall = 'Ze wil het iedereen naar de zin maken';
      await s.addCard(bram, 'pitfall', pitfall);
      await s.runTo('closing');

      // Warm first, then neutral, then cold, each with its rating.
      const { page, text } = await s.openReport();
      const order = [warm, neutral, cold].map((q) => text.indexOf(q));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      await page.locator('li', { hasText: warm }).locator('.rating-warm').waitFor();
      await page.locator('li', { hasText: cold }).locator('.rating-cold').waitFor();
      expect(text).toContain(pitfall);
      expect(e2e.pageErrors).toEqual([]);
    },
  );
});
