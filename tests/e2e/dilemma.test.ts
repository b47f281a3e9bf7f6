import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createSession } from '../helpers/api';
import { joinByCode, waitOnline, WAIT_MS } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { fetchReport, handOver } from '../helpers/handover';
import { personPage } from '../helpers/pages';
import { docxXml, pdfToText } from '../helpers/reportFiles';
import { ROOT } from '../helpers/server';

const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const TEXT = 'Wie heeft het laatste woord in de wijk?';
const LEFT = 'De gemeente houdt de regie';
const RIGHT = 'Bewoners krijgen de ruimte';

const dots = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-dots');
const count = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-count');

describeBrowser('the dilemma line in Chromium: anonymous markers until the reveal, then a dot plot', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors } = e2e;

  it(
    'the host sets a dilemma, two participants place markers, each sees only the count until the host reveals',
    { timeout: 180_000 },
    async () => {
      const s = await createSession(srv.url, { title: 'Intervisie Kanaleneiland', city: 'Utrecht' });
      const hostCredentials = {
        token: s.hostToken,
        role: 'host' as const,
        docName: s.docName,
        name: null,
        participantId: null,
      };
      const host = await personPage(e2e.browser, 'host', pageErrors, {
        sessionId: s.sessionId,
        credentials: hostCredentials,
      });
      await host.goto(`${srv.url}/s/${s.sessionId}/host`);
      await host.locator('[data-testid="host-status"][data-state="online"]').waitFor();
      const beamer = await personPage(e2e.browser, 'beamer', pageErrors, {
        sessionId: s.sessionId,
        credentials: hostCredentials,
      });
      await beamer.goto(`${srv.url}/s/${s.sessionId}/beamer`);
      await beamer.getByTestId('beamer-clock').first().waitFor();
      const anna = await personPage(e2e.browser, 'anna', pageErrors);
      const bram = await personPage(e2e.browser, 'bram', pageErrors);
      await joinByCode(anna, srv.url, s.joinCode, 'Anna');
      await joinByCode(bram, srv.url, s.joinCode, 'Bram');

      // The host sets the dilemma on the host page; it appears on both boards and the beamer.
      await host.getByTestId('dilemma-input-text').fill(TEXT);
      await host.getByTestId('dilemma-input-left').fill(LEFT);
      await host.getByTestId('dilemma-input-right').fill(RIGHT);
      await host.getByTestId('dilemma-set').click();
      for (const page of [anna, bram]) {
        await page.getByTestId('dilemma-text').filter({ hasText: TEXT }).waitFor();
        expect(await page.getByTestId('dilemma-line').innerText()).toContain(RIGHT);
      }
      await beamer.getByTestId('beamer-dilemma').filter({ hasText: TEXT }).waitFor();

      // Anna places hers near the left pole, Bram his near the right one.
      await anna.getByTestId('dilemma-slider').fill('20');
      await anna.getByTestId('dilemma-place').click();
      await anna.locator('[data-testid="dilemma-mine"][data-position="20"]').waitFor();
      await bram.getByTestId('dilemma-slider').fill('80');
      await bram.getByTestId('dilemma-place').click();
      await bram.locator('[data-testid="dilemma-mine"][data-position="80"]').waitFor();

      // Before the reveal: everyone sees two markers counted, and nobody sees the other one's.
      for (const page of [anna, bram]) {
        await expect.poll(() => count(page, 'dilemma-count'), { timeout: WAIT_MS }).toBe('2');
        expect(await dots(page, 'dilemma-plot')).toBe('1');
        expect(await page.getByTestId('dilemma-line').getAttribute('data-revealed')).toBe('false');
      }
      expect(await anna.getByTestId('dilemma-line').innerText()).not.toContain('80');
      await expect.poll(() => count(host, 'dilemma-host-count'), { timeout: WAIT_MS }).toBe('2');
      expect(await dots(host, 'dilemma-host-plot')).toBe('0');
      await expect.poll(() => count(beamer, 'beamer-dilemma-count'), { timeout: WAIT_MS }).toBe('2');
      expect(await dots(beamer, 'beamer-dilemma-plot')).toBe('0');

      // The host reveals: two dots on both boards and the beamer, the own one marked.
      await host.getByTestId('dilemma-reveal').click();
      for (const page of [anna, bram]) {
        await page.locator('[data-testid="dilemma-line"][data-revealed="true"]').waitFor();
        await expect.poll(() => dots(page, 'dilemma-plot'), { timeout: WAIT_MS }).toBe('2');
        expect(await page.locator('[data-testid="dilemma-plot"] circle.mine').count()).toBe(1);
        expect(await page.getByTestId('dilemma-slider').count()).toBe(0);
      }
      await beamer.locator('[data-testid="beamer-dilemma"][data-revealed="true"]').waitFor();
      expect(await dots(beamer, 'beamer-dilemma-plot')).toBe('2');
      expect(await beamer.getByTestId('beamer-dilemma').innerText()).toContain('1 richting');
      expect(await dots(host, 'dilemma-host-plot')).toBe('2');

      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await beamer.screenshot({ path: path.join(SCREENSHOTS, 'dilemma-beamer.png') });
      await anna.getByTestId('dilemma-line').screenshot({ path: path.join(SCREENSHOTS, 'dilemma-board.png') });

      // A reload still shows the revealed line (the server's, not the page's memory).
      await bram.reload();
      await waitOnline(bram);
      await expect.poll(() => dots(bram, 'dilemma-plot'), { timeout: WAIT_MS }).toBe('2');

      // The report: the dilemma with its dot plot on the web page, in Word and in the PDF.
      const handover = await handOver(srv.url, s.sessionId, s.hostToken);
      const report = await personPage(e2e.browser, 'recipient', pageErrors);
      await report.goto(handover.reportUrl);
      const figure = report.getByTestId('report-dilemma');
      await figure.waitFor();
      expect(await figure.innerText()).toContain(TEXT);
      expect(await figure.locator('svg circle').count()).toBe(2);
      expect(await figure.locator('[role="img"]').getAttribute('aria-label')).toContain('2 markeringen');
      const xml = await docxXml((await fetchReport(srv.url, handover.reportToken, 'docx')).body);
      expect(xml).toContain(TEXT);
      expect(xml).toContain('descr="2 markeringen: 1 richting');
      const pdf = pdfToText((await fetchReport(srv.url, handover.reportToken, 'pdf')).body);
      if (pdf !== null) {
        expect(pdf).toContain(TEXT);
        expect(pdf.replace(/\s+/g, ' ')).toContain('2 markeringen: 1 richting');
      }

      expect(pageErrors).toEqual([]);
    },
  );
});
