import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { EXTRA_ROUNDS, cloneRound } from '@casusbord/shared';
import { createSession } from '../helpers/api';
import { createCommunity } from '../helpers/archive';
import { joinByCode, personPage, WAIT_MS } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { command } from '../helpers/control';
import { serverAndBrowser } from '../helpers/e2e';
import { fetchReport, handOver } from '../helpers/handover';
import { docxXml, pdfToText } from '../helpers/reportFiles';
import { ROOT } from '../helpers/server';

const SCREENSHOT = path.join(ROOT, 'docs', 'screenshots', 'from-to.png');
const FROM_1 = 'Alles zelf regelen voor de bewoners';
const TO_1 = 'Bewoners het vertrouwen geven';
const FROM_2 = 'Losse projecten per partner';
const TO_2 = 'Eén wijkprogramma';

/** A cell of row `n` (1-based) on one person's board. */
const cell = (page: Page, n: number, side: 'from' | 'to') =>
  page.getByTestId('from-to-row').nth(n - 1).getByTestId(`from-to-${side}`);
const tallyOf = (page: Page, n: number) =>
  page.getByTestId('from-to-row').nth(n - 1).getByTestId('from-to-tally').getAttribute('data-count');

describeBrowser('the from → to table in Chromium: co-edited rows, dots, report and archive', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors } = e2e;

  it(
    'two participants write rows together and dot one; the report and the community archive carry the table',
    { timeout: 180_000 },
    async () => {
      const community = await createCommunity(srv.url, 'Community wijkenaanpak Noord');
      const s = await createSession(srv.url, {
        title: 'Intervisie Schilderswijk',
        city: 'Den Haag',
        question: 'Hoe laten we bewoners meer zelf doen?',
        communityId: community.communityId,
        communityKey: community.facilitatorKey,
      });
      const anna = await personPage(e2e.browser, 'anna', pageErrors);
      const bram = await personPage(e2e.browser, 'bram', pageErrors);
      await joinByCode(anna, srv.url, s.joinCode, 'Anna');
      await joinByCode(bram, srv.url, s.joinCode, 'Bram');

      // The host adds the from → to round (as "Ronde toevoegen" on the host page does) and starts it.
      const host = await e2e.hostControl(s.hostToken);
      const round = cloneRound(EXTRA_ROUNDS.find((r) => r.kind === 'from-to')!);
      expect((await command(host, 'host:rounds', { type: 'add', round, at: 0 })).ok).toBe(true);
      expect((await command(host, 'host:command', { type: 'start', index: 0 })).ok).toBe(true);

      // Anna adds a row and writes where the group comes from; Bram writes where it goes, in the same row.
      await anna.getByTestId('from-to-add').click();
      await expect.poll(() => anna.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'from-to-from',
      );
      await anna.keyboard.type(FROM_1);
      await expect.poll(() => cell(bram, 1, 'from').inputValue(), { timeout: WAIT_MS }).toBe(FROM_1);
      await cell(bram, 1, 'to').fill(TO_1);
      await expect.poll(() => cell(anna, 1, 'to').inputValue(), { timeout: WAIT_MS }).toBe(TO_1);

      await bram.getByTestId('from-to-add').click();
      await cell(bram, 2, 'from').fill(FROM_2);
      await cell(bram, 2, 'to').fill(TO_2);
      await expect.poll(() => cell(anna, 2, 'to').inputValue(), { timeout: WAIT_MS }).toBe(TO_2);

      // Both stand behind the first movement: one dot each, which both screens count.
      for (const page of [anna, bram]) {
        await page.getByTestId('from-to-row').nth(0).getByTestId('from-to-dot-add').click();
      }
      for (const page of [anna, bram]) {
        await expect.poll(() => tallyOf(page, 1), { timeout: WAIT_MS }).toBe('2');
        expect(await tallyOf(page, 2)).toBe('0');
        await page.getByTestId('from-to-dots-left').filter({ hasText: 'nog 2 van 3' }).waitFor();
      }
      await anna.getByTestId('from-to').scrollIntoViewIfNeeded();
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await anna.screenshot({ path: SCREENSHOT });

      // The handover: the report page shows the table, the movement with the dots first.
      const handover = await handOver(srv.url, s.sessionId, s.hostToken);
      const report = await personPage(e2e.browser, 'recipient', pageErrors);
      await report.goto(handover.reportUrl);
      const table = report.getByTestId('report-movements');
      await table.waitFor();
      const rows = await table.locator('tbody tr').allInnerTexts();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain(FROM_1);
      expect(rows[0]).toContain(TO_1);
      expect(rows[0]).toContain('2 stippen');
      expect(rows[1]).toContain(TO_2);
      // Word and PDF carry the same rows.
      const docx = await fetchReport(srv.url, handover.reportToken, 'docx');
      expect(await docxXml(docx.body)).toContain(TO_1);
      const pdf = pdfToText((await fetchReport(srv.url, handover.reportToken, 'pdf')).body);
      if (pdf !== null) expect(pdf.replace(/\s+/g, ' ')).toContain(TO_1);

      // The community archive lists the movements and finds them by a word of theirs.
      const member = await personPage(e2e.browser, 'member', pageErrors);
      const archive = new URL(community.archiveUrl);
      await member.goto(`${srv.url}${archive.pathname}${archive.hash}`);
      const entry = member.locator(`[data-testid="archive-entry"][data-session-id="${s.sessionId}"]`);
      await entry.getByTestId('entry-movements').waitFor();
      const listed = await entry.getByTestId('entry-movements').innerText();
      expect(listed).toContain(TO_1);
      expect(listed).toContain(FROM_2);
      await member.getByTestId('archive-search-input').fill('vertrouwen');
      await member.getByTestId('archive-search-submit').click();
      const hit = member.getByTestId('search-hit').first();
      await hit.waitFor();
      expect(await hit.innerText()).toContain('Van → naar');
      expect((await hit.locator('mark').allInnerTexts()).map((m) => m.toLowerCase())).toContain('vertrouwen');
      expect(await hit.getByTestId('search-snippet').innerText()).toContain(FROM_1);

      expect(pageErrors).toEqual([]);
    },
  );
});
