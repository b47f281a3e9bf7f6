import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { methodScene } from '../helpers/methodScene';
import { docxXml } from '../helpers/reportFiles';
import { SCREENSHOTS } from '../helpers/uiScene';

const NOTE = 'Ze zien niet dat de wethouder al ja zei. Morgen Ahmed bellen.';

describeBrowser('gossip method (Roddelmethode) in Chromium', () => {
  const e2e = serverAndBrowser();

  it(
    'the case holder listens in the gossip round, keeps private notes nobody else sees, and gets them in their own copy',
    { timeout: 240_000 },
    async () => {
      const s = await methodScene(e2e, 'gossip');
      const { carla, anouk, bram, host } = s;
      await s.runTo('questions');
      await s.addCard(anouk, 'question', 'Wie heeft er al ja gezegd?');

      // The gossip round: the group writes, the case holder follows the board live but cannot write.
      await s.runTo('gossip');
      await carla.getByTestId('round-task').filter({ hasText: 'Jij luistert in deze ronde' }).waitFor();
      await anouk.locator('[data-testid="column-pitfall"][data-writable="true"]').waitFor();
      expect(await carla.getByTestId('add-pitfall-input').count()).toBe(0);
      expect(await carla.getByTestId('add-advice-input').count()).toBe(0);
      const pitfall = 'Ze wacht tot iedereen ja zegt voor ze begint';
      const advice = 'Begin met de twee partners die al willen';
      await s.addCard(anouk, 'pitfall', pitfall);
      const adviceId = await s.addCard(bram, 'advice', advice);
      await s.cardId(carla, 'pitfall', pitfall);
      await s.cardId(carla, 'advice', advice);

      // Her private notes: only on her screen, saved on the server, in her copy once she ticks the box.
      const notes = carla.getByTestId('private-notes');
      await notes.getByTestId('private-notes-privacy').filter({ hasText: 'Je luistert nu mee' }).waitFor();
      await notes.getByTestId('private-notes-text').fill(NOTE);
      await notes.locator('[data-testid="private-notes-status"][data-state="saved"]').waitFor();
      await notes.getByTestId('private-notes-in-report').check();
      await notes.locator('[data-testid="private-notes-status"][data-state="saved"]').waitFor();
      for (const page of [anouk, bram, host]) {
        expect(await page.getByTestId('private-notes').count()).toBe(0);
        expect(await page.content()).not.toContain('Ahmed bellen');
      }
      await carla.screenshot({ path: path.join(SCREENSHOTS, 'gossip-private-notes.png') });
      // A reload brings the note back from the server; the panel speaks English on request.
      await carla.reload();
      await carla.getByTestId('private-notes-text').waitFor();
      expect(await carla.getByTestId('private-notes-text').inputValue()).toBe(NOTE);
      await carla.getByRole('button', { name: 'Switch to English' }).click();
      await notes.getByRole('heading', { name: 'My notes' }).waitFor();
      await carla.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
      await notes.getByRole('heading', { name: 'Mijn aantekeningen' }).waitFor();

      // Then the case holder responds, and may write again.
      await s.runTo('reaction');
      await s.card(carla, adviceId).getByTestId('reaction-adopt').check();
      await s.card(anouk, adviceId).locator('[data-testid="card-reaction"][data-reaction="adopt"]').waitFor();
      await s.runTo('closing');

      // Her own copy of the report, as a Word download, holds the notes.
      const [download] = await Promise.all([
        carla.waitForEvent('download'),
        carla.getByTestId('own-copy-docx').click(),
      ]);
      expect(await docxXml(fs.readFileSync((await download.path())!))).toContain('Ahmed bellen');

      // The recipient's report shows what the gossip round produced, and never the notes.
      const { text } = await s.openReport();
      expect(text).toContain(advice);
      expect(text).toContain(pitfall);
      expect(text).toContain('Overnemen');
      expect(text).not.toContain('Ahmed bellen');
      expect(e2e.pageErrors).toEqual([]);
    },
  );
});
