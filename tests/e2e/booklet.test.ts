import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { dutchDay } from '@casusbord/shared';
import { createCommunity, handedOverSession } from '../helpers/archive';
import { personPage } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { pdfToText } from '../helpers/reportFiles';
import { ROOT } from '../helpers/server';

const LESSON = 'Begin bij wat bewoners zelf al doen';
const SCREENSHOT = path.join(ROOT, 'docs', 'screenshots', 'booklet.png');

describeBrowser('community booklet from the archive in Chromium', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors, peers } = e2e;

  it(
    'a member picks a period, makes the booklet and receives a PDF with the community’s lesson',
    { timeout: 180_000 },
    async () => {
      const community = await createCommunity(srv.url, 'Community wijkenaanpak Noord');
      await handedOverSession(
        srv,
        community,
        {
          fields: { title: 'Casus Overvecht', city: 'Utrecht', theme: 'Participatie' },
          cards: [{ id: 'a0', column: 'advice', text: 'Nodig de buurtvaders uit aan tafel' }],
          reactionNote: 'Doen we',
          learnings: [{ name: 'Fatima', consent: true, text: LESSON }],
        },
        peers,
      );
      const today = dutchDay(Date.now());
      const u = new URL(community.archiveUrl);
      const member = await personPage(e2e.browser, 'member', pageErrors);
      await member.goto(`${srv.url}${u.pathname}${u.hash}`);
      await member.getByTestId('archive-entry').first().waitFor();

      // A reversed period is refused on the page, in words, before anything is asked of the server.
      await member.getByTestId('booklet-from').fill(today);
      await member.getByTestId('booklet-to').fill('2001-01-01');
      await member.getByTestId('booklet-submit').click();
      await member.getByTestId('booklet-status').filter({ hasText: 'einddatum' }).waitFor();

      await member.getByTestId('booklet-to').fill(today);
      await member.getByTestId('booklet-format').selectOption('pdf');
      await member.getByTestId('booklet-lang').selectOption('nl');
      const [download] = await Promise.all([
        member.waitForEvent('download'),
        member.getByTestId('booklet-submit').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`boekje-community-wijkenaanpak-noord-${today}-${today}.pdf`);
      await member.getByTestId('booklet-status').filter({ hasText: 'Het boekje is gedownload' }).waitFor();
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await member.locator('.archive-booklet').screenshot({ path: SCREENSHOT });
      const pdf = fs.readFileSync((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfToText(pdf);
      if (text !== null) {
        const flat = text.replace(/\s+/g, ' ');
        expect(flat).toContain(LESSON);
        expect(flat).toContain('Participatie');
        expect(flat).toContain('Fatima');
      }

      // In English the form speaks English and so does the Word booklet it makes.
      await member.getByTestId('language-switch').click();
      await member.getByRole('heading', { name: 'Make a booklet' }).waitFor();
      await member.getByTestId('booklet-format').selectOption('docx');
      await member.getByTestId('booklet-lang').selectOption('en');
      const [word] = await Promise.all([member.waitForEvent('download'), member.getByTestId('booklet-submit').click()]);
      expect(word.suggestedFilename()).toMatch(/^booklet-.*\.docx$/);
      await member.getByTestId('booklet-status').filter({ hasText: 'The booklet has been downloaded' }).waitFor();
      expect(pageErrors).toEqual([]);
    },
  );
});
