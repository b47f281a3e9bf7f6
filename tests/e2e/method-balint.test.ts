import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { methodScene } from '../helpers/methodScene';

describeBrowser('Balint method in Chromium', () => {
  const e2e = serverAndBrowser();

  it(
    'associations stay private until the reveal; the case holder reacts only in the last round',
    { timeout: 240_000 },
    async () => {
      const s = await methodScene(e2e, 'balint');
      const { carla, anouk, bram } = s;
      await s.runTo('questions');
      await s.addCard(bram, 'question', 'Hoe lang werken jullie al samen?');

      // Associations: each writes on their own; the others do not see it, the case holder listens.
      await s.runTo('associations');
      const association = 'Ik voel onmacht: zij draagt het alleen';
      const mine = await s.addCard(anouk, 'pitfall', association);
      await s.card(anouk, mine).locator('[data-testid="draft-badge"][data-synced="true"]').waitFor();
      expect(await carla.getByTestId('add-pitfall-input').count()).toBe(0);
      await s.addCard(bram, 'opportunity', 'Ze heeft het vertrouwen van de bewoners');
      await s.cardId(bram, 'opportunity', 'Ze heeft het vertrouwen van de bewoners');
      for (const page of [bram, carla]) expect(await s.hasCard(page, 'pitfall', association)).toBe(false);

      // The reveal: everyone sees it, the case holder too.
      await s.hostCommand('host:reveal', {});
      await s.cardId(bram, 'pitfall', association);
      await s.cardId(carla, 'pitfall', association);

      // Ideas with dots: the case holder still neither writes nor reacts.
      await s.runTo('sharing');
      await s.runTo('ideas');
      const idea = 'Vraag een collega-wijkmanager om mee te lopen';
      const ideaId = await s.addCard(bram, 'advice', idea);
      await s.card(anouk, ideaId).getByTestId('dot-add').click();
      await s.card(carla, ideaId).locator('[data-testid="card-tally"][data-count="1"]').waitFor();
      expect(await carla.getByTestId('add-advice-input').count()).toBe(0);
      expect(await carla.getByTestId('reaction-editor').count()).toBe(0);

      // The last round: now the case holder responds, and everyone sees the answer.
      await s.runTo('reaction');
      await s.card(carla, ideaId).getByTestId('reaction-consider').check();
      await s.card(bram, ideaId).locator('[data-testid="card-reaction"][data-reaction="consider"]').waitFor();
      expect(await anouk.getByTestId('reaction-editor').count()).toBe(0);

      const { text } = await s.openReport();
      expect(text).toContain(association);
      expect(text).toContain(idea);
      expect(text).toContain('Overwegen');
      expect(e2e.pageErrors).toEqual([]);
    },
  );
});
