import { addCard, readCardDetails, type JoinResponse } from '@casusbord/shared';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createSession, join } from '../helpers/api';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { WAIT_MS, fitsWindow, personPage } from '../helpers/pages';
import { waitFor } from '../helpers/wait';
import { connectPeer, synced } from '../helpers/yjs';

const table = (id: string) => `[data-testid="table-card"][data-table-id="${id}"]`;

describeBrowser('case day: two tables and a plenary board, run from the host view', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors, peers } = e2e;

  async function writeCard(person: JoinResponse, id: string, text: string): Promise<void> {
    const peer = connectPeer(srv.wsUrl, person.docName, person.token);
    peers.push(peer);
    await synced(peer);
    addCard(peer.doc, { id, column: 'advice', text, authorId: person.participantId, createdAt: Date.now() });
  }

  async function promote(host: Page, groupId: string, text: string): Promise<void> {
    const card = host.locator(
      `[data-testid="promote-table"][data-table-id="${groupId}"] [data-testid="promote-card"]`,
      {
        hasText: text,
      },
    );
    await card.getByTestId('promote-button').click();
    await card.getByTestId('promoted-mark').waitFor();
  }

  it(
    'sets two tables, seats one person at each, promotes a card from each onto the plenary board',
    { timeout: 120_000 },
    async () => {
      const session = await createSession(srv.url, { method: 'case-day', title: 'Casusdag Kruiskamp' });
      const host = await personPage(e2e.browser, 'host', pageErrors, {
        sessionId: session.sessionId,
        credentials: {
          token: session.hostToken,
          role: 'host',
          docName: session.docName,
          name: null,
          participantId: null,
        },
      });
      await host.goto(`${srv.url}/s/${session.sessionId}/host`);
      await host.locator(table('t1')).waitFor();

      // The checklist leads to the table count; the host sets two tables.
      await host
        .locator('[data-testid="check-item"][data-ok="false"]', { hasText: 'Eén tafel' })
        .getByRole('button')
        .click();
      await waitFor(
        'focus on the table count',
        () => host.evaluate(() => document.activeElement?.id === 'host-table-count'),
        WAIT_MS,
      );
      await host.getByTestId('table-count').fill('2');
      await host.getByTestId('table-count-apply').click();
      await host.locator(table('t2')).waitFor();
      await host.locator('[data-testid="check-item"][data-ok="true"]', { hasText: '2 tafels' }).waitFor();

      // Two people join and are spread over the tables.
      const anna = await join(srv.url, session.joinCode, 'Anna');
      const bram = await join(srv.url, session.joinCode, 'Bram');
      expect([anna.groupId, bram.groupId].sort()).toEqual(['t1', 't2']);
      const [atT1, atT2] = anna.groupId === 't1' ? [anna, bram] : [bram, anna];
      await host.locator(`${table('t1')} [data-testid="table-person"]`, { hasText: atT1.name }).waitFor();
      await host.locator(`${table('t2')} [data-testid="table-person"]`, { hasText: atT2.name }).waitFor();

      // Both tables start at once.
      await host.getByTestId('cmd-all-start').click();
      for (const id of ['t1', 't2']) {
        await host.locator(`${table(id)} [data-testid="table-status"][data-status="running"]`).waitFor();
      }

      // Both tables go on to the advice round at the table (round 5), where advice may be written.
      await host.getByTestId('cmd-all-goto-select').selectOption({ label: '5. Advies aan tafel' });
      await host.getByTestId('cmd-all-goto').click();
      for (const id of ['t1', 't2']) {
        await host.locator(`${table(id)} [data-testid="table-round-index"][data-round-index="4"]`).waitFor();
      }

      // Each table writes a card; the host sees it per table and promotes both.
      await writeCard(atT1, 'a1', 'Stel één kwartiermaker aan');
      await writeCard(atT2, 'b1', 'Begin klein: één straat, één half jaar');
      await host.locator(`${table('t1')} [data-testid="count-advice"] .count-value`, { hasText: '1' }).waitFor();
      await host.locator(`${table('t2')} [data-testid="count-advice"] .count-value`, { hasText: '1' }).waitFor();
      await promote(host, 't1', 'Stel één kwartiermaker aan');
      await promote(host, 't2', 'Begin klein: één straat, één half jaar');

      // Both appear in the plenary overview, each with the table it came from…
      const overview = host.getByTestId('plenary-overview');
      await overview
        .locator('[data-testid="plenary-card"]', { hasText: 'Stel één kwartiermaker aan' })
        .filter({ hasText: 'Tafel 1' })
        .waitFor();
      await overview
        .locator('[data-testid="plenary-card"]', { hasText: 'Begin klein' })
        .filter({ hasText: 'Tafel 2' })
        .waitFor();

      // …and on the plenary board itself, read by an ordinary y-websocket client.
      const plenary = connectPeer(srv.wsUrl, `${session.sessionId}.plenary`, atT1.token);
      peers.push(plenary);
      await synced(plenary);
      await waitFor('both cards on the plenary board', () => readCardDetails(plenary.doc).length === 2, WAIT_MS);
      expect(
        readCardDetails(plenary.doc)
          .map((c) => `${c.promotedFrom} ${c.text}`)
          .sort(),
      ).toEqual(['t1:a1 Stel één kwartiermaker aan', 't2:b1 Begin klein: één straat, één half jaar']);

      // Removing a table that still has people is refused with the server's reason.
      await host.getByTestId('table-count').fill('1');
      await host.getByTestId('table-count-apply').click();
      await host.getByTestId('toast').filter({ hasText: 'still has participants' }).waitFor();
      await host.locator(table('t2')).waitFor();

      // The host moves the person at table 2 to table 1, by select and button (keyboard reachable).
      const row = host.locator(`[data-testid="move-row"][data-participant-id="${atT2.participantId}"]`);
      await row.getByTestId('move-select').selectOption('t1');
      await row.getByTestId('move-submit').focus();
      await host.keyboard.press('Enter');
      await host.locator(`${table('t1')} [data-testid="table-person"]`, { hasText: atT2.name }).waitFor();
      expect(await host.locator(`${table('t2')} [data-testid="table-person"]`).count()).toBe(0);

      // Handover: confirmed first; then the report link, downloads and an e-mail; the boards lock.
      await host.getByTestId('handover-start').click();
      await host.getByTestId('handover-confirm').click();
      const reportUrl = (await host.getByTestId('report-url').textContent()) ?? '';
      expect(reportUrl).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
      const word = (await host.getByTestId('download-docx').getAttribute('href')) ?? '';
      expect(word).toContain('/api/reports/');
      expect((await fetch(word.replace(/^https?:\/\/[^/]+/, srv.url))).status).toBe(200);
      expect(decodeURIComponent((await host.getByTestId('handover-mail').getAttribute('href')) ?? '')).toContain(
        reportUrl,
      );
      await host.getByTestId('reopen').waitFor();
      await host.getByTestId('reopen').click();
      await host.getByTestId('handover-start').waitFor();

      // The beamer shows every table's progress without scrolling, even with the most tables (12).
      await host.getByTestId('table-count').fill('12');
      await host.getByTestId('table-count-apply').click();
      await host.locator(table('t12')).waitFor();
      await host.goto(`${srv.url}/s/${session.sessionId}/beamer`);
      await host.locator('[data-testid="beamer-table"]').nth(11).waitFor();
      await host.getByTestId('join-qr').waitFor();
      const parts = [
        '[data-testid="beamer-clock"]',
        '[data-testid="join-qr"]',
        '[data-testid="beamer-code"]',
        '[data-testid="beamer-table"]:last-child',
      ];
      for (const size of [
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        await host.setViewportSize(size);
        const fit = await fitsWindow(host, parts);
        expect(fit.detail).toBe('');
      }

      expect(pageErrors).toEqual([]);
    },
  );
});
