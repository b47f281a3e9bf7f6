import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createSession } from '../helpers/api';
import { cardIdIn, joinByCode, personPage, waitOnline } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { command, type ControlClient } from '../helpers/control';

describeBrowser('case day: a participant at a table, the plenary board and a move to another table', () => {
  let ctl: ControlClient | null = null;

  const e2e = serverAndBrowser();
  const { srv, pageErrors } = e2e;

  const newPage = (label: string) => personPage(e2e.browser, label, pageErrors);
  const join = (page: Page, code: string, name: string) => joinByCode(page, srv.url, code, name);
  const cardId = (page: Page, board: 'table' | 'plenary', column: string, text: string) =>
    cardIdIn(page, `[data-testid="${board}-board"] [data-testid="column-${column}"]`, text);

  async function addQuestion(page: Page, text: string): Promise<void> {
    await page.getByTestId('add-question-input').fill(text);
    await page.getByTestId('add-question-submit').click();
  }

  it(
    'promotes a card from each table to the plenary board and follows a move to another table',
    { timeout: 120_000 },
    async () => {
      const session = await createSession(srv.url, { method: 'case-day' });
      ctl = await e2e.hostControl(session.hostToken);
      expect((await command(ctl, 'host:tables', { count: 2 })).ok).toBe(true);

      const anouk = await newPage('anouk');
      const bram = await newPage('bram');
      const a = await join(anouk, session.joinCode, 'Anouk');
      const b = await join(bram, session.joinCode, 'Bram');
      // Spread over the tables as they join.
      expect(a.docName).not.toBe(b.docName);
      await anouk.getByTestId('table-name').filter({ hasText: 'Jouw tafel: Tafel 1' }).waitFor();
      await bram.getByTestId('table-name').filter({ hasText: 'Jouw tafel: Tafel 2' }).waitFor();

      // Questions at each table: each table writes on its own board.
      expect((await command(ctl, 'host:command', { type: 'start', index: 2 })).ok).toBe(true);
      await anouk.getByTestId('round-title').filter({ hasText: 'Vragen aan tafel' }).waitFor();
      const qa = 'Wie trekt het plan in de wijk?';
      const qb = 'Waar zit het geld voor de tweede fase?';
      await addQuestion(anouk, qa);
      await addQuestion(bram, qb);
      const qaId = await cardId(anouk, 'table', 'question', qa);
      const qbId = await cardId(bram, 'table', 'question', qb);
      expect(await anouk.getByText(qb).count()).toBe(0);

      // The plenary round: the plenary board is shown, read-only for participants.
      expect((await command(ctl, 'host:command', { type: 'goto', index: 5 })).ok).toBe(true);
      await anouk.locator('[data-testid="tab-plenary"][aria-pressed="true"]').waitFor();
      await anouk.getByTestId('plenary-board').waitFor();
      expect(await anouk.locator('[data-testid="plenary-board"] [data-writable="true"]').count()).toBe(0);

      // Each table sends its question to the plenary board from its own board.
      for (const [page, id] of [
        [anouk, qaId],
        [bram, qbId],
      ] as const) {
        await page.getByTestId('tab-table').click();
        const card = page.locator(`[data-testid="table-board"] [data-card-id="${id}"]`);
        await card.getByTestId('card-promote').click();
        await page.getByTestId('toast').filter({ hasText: 'plenaire bord' }).first().waitFor();
        await card.getByTestId('card-promoted').waitFor();
        await page.getByTestId('tab-plenary').click();
      }
      for (const page of [anouk, bram]) {
        await cardId(page, 'plenary', 'question', qa);
        await cardId(page, 'plenary', 'question', qb);
      }

      // The host moves Anouk to table 2: her page follows to that table's board, without an error.
      expect((await command(ctl, 'host:move', { participantId: a.participantId, groupId: 't2' })).ok).toBe(true);
      await anouk.getByTestId('table-name').filter({ hasText: 'Jouw tafel: Tafel 2' }).waitFor();
      await anouk.getByTestId('toast').filter({ hasText: 'verplaatst' }).first().waitFor();
      await anouk.getByTestId('tab-table').click();
      await cardId(anouk, 'table', 'question', qb);
      await waitOnline(anouk);
      expect(await anouk.getByTestId('connection-error').count()).toBe(0);
      const stored = await anouk.evaluate(
        () => Object.entries(localStorage).find(([k]) => k.startsWith('casusbord:session:'))?.[1],
      );
      expect(JSON.parse(stored!).docName).toBe(b.docName);

      expect(pageErrors).toEqual([]);
    },
  );
});
