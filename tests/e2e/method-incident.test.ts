import { expect, it } from 'vitest';
import { createCommunity, handedOverSession } from '../helpers/archive';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { methodScene } from '../helpers/methodScene';

const EARLIER_ADVICE = 'Stel één kwartiermaker aan die de partners aan tafel houdt';

describeBrowser('incident method in Chromium, as a follow-up of an earlier session', () => {
  const e2e = serverAndBrowser();

  it(
    'the group analyses while the case holder listens; the session closes with what became of last time’s advice',
    { timeout: 240_000 },
    async () => {
      const community = await createCommunity(e2e.srv.url, 'Community wijkenaanpak');
      const earlier = await handedOverSession(
        e2e.srv,
        community,
        {
          fields: { title: 'Intervisie Kruiskamp', city: 'Amersfoort', question: 'Hoe maken we één team?' },
          cards: [{ id: 'a0', column: 'advice', text: EARLIER_ADVICE }],
          reactionNote: 'Na de zomer',
        },
        e2e.peers,
      );
      const s = await methodScene(e2e, 'incident', {
        more: async (form) => {
          await form.getByTestId('create-community-part').locator('summary').click();
          await form.getByTestId('create-community-id').fill(community.communityId);
          await form.getByTestId('create-community-key').fill(community.facilitatorKey);
          await form.getByTestId('create-load-archive').click();
          await form.getByTestId('create-followup').selectOption(earlier.sessionId);
        },
      });
      const { carla, anouk, bram } = s;
      await s.runTo('questions');
      await s.addCard(anouk, 'question', 'Wie was er bij het gesprek?');

      // The analysis: the group writes pitfalls and opportunities, the case holder only listens.
      await s.runTo('analysis');
      await carla.getByTestId('round-task').filter({ hasText: 'Jij luistert in deze ronde' }).waitFor();
      expect(await carla.getByTestId('add-pitfall-input').count()).toBe(0);
      expect(await carla.getByTestId('core-question-input').count()).toBe(0);
      const pitfall = 'De afspraak stond alleen in haar eigen agenda';
      await s.addCard(bram, 'pitfall', pitfall);
      await s.cardId(carla, 'pitfall', pitfall);

      await s.runTo('advice');
      const advice = 'Leg de afspraak vast in het gezamenlijke verslag';
      const adviceId = await s.addCard(anouk, 'advice', advice);
      await s.runTo('reaction');
      await s.card(carla, adviceId).getByTestId('reaction-adopt').check();

      // Before the closing: what the case holder did with the earlier session's advice.
      await s.runTo('lookback');
      const item = carla.getByTestId('lookback-panel').locator('[data-testid="lookback-item"]', {
        hasText: EARLIER_ADVICE,
      });
      await item.getByTestId('followup-status-done').check();
      await item.getByTestId('followup-note').fill('De kwartiermaker is sinds maart aan de slag');
      await item.getByTestId('followup-save').click();
      await item.getByTestId('followup-feedback').filter({ hasText: 'Opgeslagen' }).waitFor();
      const seen = anouk.locator('[data-testid="lookback-item"]', { hasText: EARLIER_ADVICE });
      await seen.getByTestId('lookback-readonly').filter({ hasText: 'Gedaan' }).waitFor();
      await s.runTo('closing');

      const { page, text } = await s.openReport();
      expect(text).toContain(pitfall);
      expect(text).toContain(advice);
      const followUp = await page.getByTestId('report-followup').innerText();
      expect(followUp).toContain(EARLIER_ADVICE);
      expect(followUp).toContain('Gedaan');
      expect(followUp).toContain('De kwartiermaker is sinds maart aan de slag');
      expect(e2e.pageErrors).toEqual([]);
    },
  );
});
