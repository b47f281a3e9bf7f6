import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createSession } from '../helpers/api';
import { cardIdIn, hasCardIn, joinByCode, openAsHost, personPage, WAIT_MS } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { command, latest, type ControlClient } from '../helpers/control';
import { waitFor } from '../helpers/wait';

type Column = 'question' | 'pitfall' | 'opportunity' | 'advice';

describeBrowser('intervision: the participants follow the rounds the host runs', () => {
  let ctl: ControlClient | null = null;

  const e2e = serverAndBrowser();
  const { srv, pageErrors } = e2e;

  const newPage = (label: string) => personPage(e2e.browser, label, pageErrors);
  const join = (page: Page, name: string, code: string) => joinByCode(page, srv.url, code, name);
  const cardId = (page: Page, column: Column, text: string) => cardIdIn(page, `[data-testid="column-${column}"]`, text);
  const hasCard = (page: Page, column: Column, text: string) =>
    hasCardIn(page, `[data-testid="column-${column}"]`, text);
  const card = (page: Page, id: string) => page.locator(`[data-testid="card"][data-card-id="${id}"]`);

  async function addCard(page: Page, column: Column, text: string): Promise<void> {
    await page.getByTestId(`add-${column}-input`).fill(text);
    await page.getByTestId(`add-${column}-submit`).click();
  }

  async function roundIs(pages: Page[], title: string): Promise<void> {
    for (const page of pages) await page.getByTestId('round-title').filter({ hasText: title }).waitFor();
  }

  async function tallyIs(page: Page, id: string, count: number): Promise<void> {
    await card(page, id).locator(`[data-testid="card-tally"][data-count="${count}"]`).waitFor();
  }

  async function host(type: string, extra: Record<string, unknown> = {}): Promise<void> {
    const ack = await command(ctl!, 'host:command', { type, ...extra });
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
  }

  it(
    'questions, private pitfalls, clusters, dotted advice, reactions and learning points',
    { timeout: 240_000 },
    async () => {
      const session = await createSession(srv.url, { caseHolderName: 'Carla' });
      ctl = await e2e.hostControl(session.hostToken);

      // The host opens the table's board (the host view itself is tested elsewhere).
      const hostPage = await newPage('host');
      await openAsHost(hostPage, srv.url, session);

      const carla = await newPage('carla');
      const anouk = await newPage('anouk');
      const bram = await newPage('bram');
      const carlaId = (await join(carla, 'Carla', session.joinCode)).participantId!;
      const anoukId = (await join(anouk, 'Anouk', session.joinCode)).participantId!;
      await join(bram, 'Bram', session.joinCode);
      const everyone = [hostPage, carla, anouk, bram];
      const participants = [carla, anouk, bram];

      // Before the start the board is closed for participants, and says so; the host may write.
      for (const page of participants) {
        await page.getByTestId('round-status').filter({ hasText: 'Nog niet gestart' }).waitFor();
        await page.locator('[data-testid="column-question"] [data-testid="column-note"]').waitFor();
        expect(await page.getByTestId('add-question-input').count()).toBe(0);
      }
      await hostPage.getByTestId('add-question-input').waitFor();

      // The host names Carla case holder and gives everyone two dots.
      const settings = await command(ctl, 'host:settings', { caseHolderId: carlaId, dotsPerPerson: 2 });
      expect(settings.ok).toBe(true);
      await carla.getByTestId('case-holder-badge').waitFor();
      expect(await anouk.getByTestId('case-holder-badge').count()).toBe(0);

      // Anouk turns on the time-up tone, which is off by default.
      expect(await anouk.getByTestId('sound-toggle').getAttribute('aria-pressed')).toBe('false');
      await anouk.getByTestId('sound-toggle').click();
      await anouk.locator('[data-testid="sound-toggle"][aria-pressed="true"]').waitFor();

      // A welcome round of about a second: everyone sees the time run out, as overtime.
      expect((await command(ctl, 'host:rounds', { type: 'setMinutes', index: 0, minutes: 0.02 })).ok).toBe(true);
      await host('start');
      await roundIs(everyone, 'Welkom en keuze van de casus');
      const clock = anouk.locator('[data-testid="round-clock"][data-overtime="true"][data-time-up="true"]');
      await clock.waitFor();
      expect(await clock.locator('.clock-digits').textContent()).toMatch(/^\+0:0\d$/);
      await clock.getByText('De tijd is om').waitFor();

      // Clarifying questions: only the question column is open.
      await host('goto', { index: 2 });
      await roundIs(everyone, 'Verhelderende vragen');
      // The round speaks the language of each person's screen.
      await bram.getByRole('button', { name: 'Switch to English' }).click();
      await bram.getByTestId('round-title').filter({ hasText: 'Clarifying questions' }).waitFor();
      await bram.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
      await roundIs([bram], 'Verhelderende vragen');
      await bram.locator('[data-testid="column-question"][data-writable="true"]').waitFor();
      expect(await bram.locator('[data-testid="column-pitfall"]').getAttribute('data-writable')).toBe('false');
      expect(await bram.getByTestId('add-pitfall-input').count()).toBe(0);
      const question = 'Wie zit er nu al aan tafel?';
      await addCard(anouk, 'question', question);
      await cardId(bram, 'question', question);
      await cardId(carla, 'question', question);

      // Core question: Carla sharpens it live; the others read it and cannot edit it.
      await host('goto', { index: 3 });
      await roundIs(everyone, 'Kernvraag');
      const core = 'Hoe smeden we de partners tot één team met één doel?';
      await carla.getByTestId('core-question-input').fill(core);
      await anouk.getByTestId('core-question-text').filter({ hasText: core }).waitFor();
      await hostPage.getByTestId('core-question-input').waitFor();
      expect(await anouk.getByTestId('core-question-input').count()).toBe(0);

      // Analysis: pitfalls are written privately first.
      await host('goto', { index: 4 });
      await roundIs(everyone, 'Analyse: valkuilen en kansen');
      await anouk.getByTestId('column-private').first().waitFor();
      const secret = 'Iedereen wacht op elkaar';
      await addCard(anouk, 'pitfall', secret);
      const secretId = await cardId(anouk, 'pitfall', secret);
      await card(anouk, secretId).locator('[data-testid="draft-badge"][data-synced="true"]').waitFor();
      expect(await card(anouk, secretId).getByTestId('draft-badge').textContent()).toContain(
        'Alleen zichtbaar voor jou tot de procesbegeleider onthult',
      );
      // A card the host writes afterwards reaches Bram: his board is up to date, and still lacks Anouk's draft.
      const visible = 'De buurtcoaches kennen de bewoners';
      await addCard(hostPage, 'opportunity', visible);
      await cardId(bram, 'opportunity', visible);
      await cardId(carla, 'opportunity', visible);
      expect(await hasCard(bram, 'pitfall', secret)).toBe(false);
      expect(await hasCard(carla, 'pitfall', secret)).toBe(false);
      expect(await hasCard(hostPage, 'pitfall', secret)).toBe(false);

      expect((await command(ctl, 'host:reveal', {})).ok).toBe(true);
      await cardId(bram, 'pitfall', secret);
      await cardId(hostPage, 'pitfall', secret);
      await bram.getByTestId('toast').filter({ hasText: 'onthuld' }).first().waitFor();
      await anouk.locator(`[data-testid="card"][data-card-id="${secretId}"]:not([data-draft])`).waitFor();

      // Clustering by keyboard alone: Bram makes a cluster and files Anouk's pitfall under it.
      await bram.locator('[data-testid="column-pitfall"] [data-testid="cluster-new"]').focus();
      await bram.keyboard.press('Enter');
      await bram.keyboard.type('Samenwerking');
      await bram.keyboard.press('Enter');
      const cluster = (page: Page) =>
        page.locator('[data-testid="column-pitfall"] [data-testid="cluster"]').filter({
          has: page.locator('[data-testid="cluster-title"]'),
        });
      await cluster(bram).waitFor();
      const clusterTitle = (page: Page) => page.locator('[data-testid="column-pitfall"] [data-testid="cluster-title"]');
      await clusterTitle(bram).fill('Samenwerking en regie');
      await clusterTitle(bram).press('Enter');
      await waitFor(
        'the renamed cluster at Anouk',
        async () => (await clusterTitle(anouk).inputValue()) === 'Samenwerking en regie',
        WAIT_MS,
      );
      await card(bram, secretId).getByTestId('card-cluster').focus();
      await bram.keyboard.press('ArrowDown');
      for (const page of [anouk, carla, hostPage]) {
        await cluster(page).locator(`[data-testid="card"][data-card-id="${secretId}"]`).waitFor();
      }
      expect(await card(carla, secretId).getAttribute('data-cluster-id')).toBeTruthy();

      // And by dragging: Anouk drags a second pitfall into the same cluster.
      const second = 'Jongeren blijven buiten beeld';
      await addCard(anouk, 'pitfall', second);
      const secondId = await cardId(anouk, 'pitfall', second);
      // In steps: the first move only lifts the card (@dnd-kit waits for a few pixels), later ones carry it.
      await card(anouk, secondId)
        .getByTestId('card-drag')
        .dragTo(cluster(anouk).locator('.cluster-header'), { steps: 10 });
      await cluster(bram).locator(`[data-testid="card"][data-card-id="${secondId}"]`).waitFor();

      // Advice with dots: two each; several on one card; never more than two.
      await host('goto', { index: 5 });
      await roundIs(everyone, 'Advies');
      const adviceA = 'Formuleer samen één richtinggevend doel';
      const adviceB = 'Betrek jongeren vanaf het begin';
      await addCard(anouk, 'advice', adviceA);
      await addCard(bram, 'advice', adviceB);
      const a = await cardId(anouk, 'advice', adviceA);
      const b = await cardId(anouk, 'advice', adviceB);
      await anouk.getByTestId('dots-left').filter({ hasText: 'nog 2 stippen' }).waitFor();
      await card(anouk, a).getByTestId('dot-add').click();
      await card(anouk, a).getByTestId('dot-add').click();
      await anouk.getByTestId('dots-left').filter({ hasText: 'nog 0 stippen' }).waitFor();
      expect(await card(anouk, a).getByTestId('dot-add').isDisabled()).toBe(true);
      expect(await card(anouk, b).getByTestId('dot-add').isDisabled()).toBe(true);
      await card(anouk, b).getByTestId('dot-add').click({ force: true });
      await tallyIs(carla, a, 2);

      await cardId(bram, 'advice', adviceA);
      await card(bram, a).getByTestId('dot-add').click();
      await card(bram, b).getByTestId('dot-add').click();
      await tallyIs(carla, a, 3);
      await tallyIs(carla, b, 1);
      // Anouk's forced click on a disabled button gave nothing: B has only Bram's dot.
      await tallyIs(anouk, b, 1);
      await anouk.getByTestId('dots-left').filter({ hasText: 'nog 0 stippen' }).waitFor();

      await card(anouk, a).getByTestId('dot-remove').click();
      await anouk.getByTestId('dots-left').filter({ hasText: 'nog 1 stip' }).waitFor();
      await tallyIs(hostPage, a, 2);

      // The case holder answers each piece of advice; everyone sees the answers.
      await host('goto', { index: 6 });
      await roundIs(everyone, 'Reactie van de casusinbrenger');
      await cardId(carla, 'advice', adviceA);
      await card(carla, a).getByTestId('reaction-adopt').check();
      await card(carla, a).getByTestId('reaction-note').fill('Pakken we op in het kernteam');
      await card(carla, a).getByTestId('reaction-note').press('Enter');
      await card(carla, b).getByTestId('reaction-consider').check();
      for (const page of [anouk, bram]) {
        await card(page, a).locator('[data-testid="card-reaction"][data-reaction="adopt"]').waitFor();
        await card(page, a).getByText('Pakken we op in het kernteam').waitFor();
        await card(page, b).locator('[data-testid="card-reaction"][data-reaction="consider"]').waitFor();
      }
      // The host may answer on the case holder's behalf, so sees the same choices, already made.
      await card(hostPage, a).locator('[data-testid="reaction-adopt"]:checked').waitFor();
      await card(hostPage, b).locator('[data-testid="reaction-consider"]:checked').waitFor();
      expect(await anouk.getByTestId('reaction-editor').count()).toBe(0);
      await tallyIs(bram, a, 2);

      // Ready for the next round: the host's state shows it, and it resets when the round changes.
      await anouk.getByTestId('ready-toggle').click();
      await anouk.locator('[data-testid="ready-toggle"][aria-pressed="true"]').waitFor();
      await waitFor('Anouk ready at the host', () => latest(ctl!).ready.includes(anoukId), WAIT_MS);
      await bram.getByTestId('ready-count').filter({ hasText: '1 van 3 klaar' }).waitFor();

      // Closing: each person writes one learning point.
      await host('next');
      await roundIs(everyone, 'Afsluiting');
      await anouk.locator('[data-testid="ready-toggle"][aria-pressed="false"]').waitFor();
      const learning = 'Eerst samen een doel, dan pas plannen';
      await anouk.getByTestId('learning-input').fill(learning);
      await anouk.getByTestId('learning-save').click();
      await bram.getByTestId('learning').filter({ hasText: learning }).waitFor();
      await hostPage.getByTestId('learning').filter({ hasText: 'Anouk' }).waitFor();

      await host('next');
      for (const page of participants) await page.getByTestId('round-status').filter({ hasText: 'Afgerond' }).waitFor();
      expect(await anouk.getByTestId('add-advice-input').count()).toBe(0);

      expect(pageErrors).toEqual([]);
    },
  );
});
