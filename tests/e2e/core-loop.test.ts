import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { command, connectControl } from '../helpers/control';
import { waitOnline } from '../helpers/boardPage';
import { WAIT_MS, createThroughForm, personPage as pageOf } from '../helpers/pages';

type Column = 'question' | 'pitfall' | 'opportunity' | 'advice';

describeBrowser('core loop: a host and two participants work on one board', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors } = e2e;

  /** A separate browser context per person (1280×720): own storage, own cookies, own connections. */
  const personPage = (label: string): Promise<Page> => pageOf(e2e.browser, label, pageErrors);

  async function join(page: Page, code: string, name: string): Promise<void> {
    await page.goto(srv.url);
    await page.getByTestId('join-code').fill(code);
    // Before the name: the case and what happens now, read from the code.
    const preview = page.getByTestId('join-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Casus: Intervisie wijkenaanpak (Amersfoort)');
    expect(await page.getByTestId('join-preview-round').textContent()).toMatch(/nog niet begonnen/);
    await page.getByTestId('join-name').fill(name);
    await page.getByTestId('join-submit').click();
    await page.waitForURL(/\/s\/[^/]+$/, { timeout: WAIT_MS });
    await waitOnline(page);
  }

  async function addCard(page: Page, column: Column, text: string, via: 'button' | 'enter' = 'button'): Promise<void> {
    const input = page.getByTestId(`add-${column}-input`);
    await input.fill(text);
    if (via === 'enter') await input.press('Enter');
    else await page.getByTestId(`add-${column}-submit`).click();
  }

  /** Resolves once a card in `column` shows exactly `expected`; on timeout, says what the cards show. */
  async function waitForCardText(page: Page, column: Column, expected: string): Promise<void> {
    const selector = `[data-testid="column-${column}"] [data-testid="card-text"]`;
    try {
      await page.waitForFunction(
        ({ selector, expected }) =>
          Array.from(document.querySelectorAll<HTMLTextAreaElement>(selector)).some((el) => el.value === expected),
        { selector, expected },
        { timeout: WAIT_MS },
      );
    } catch (err) {
      const shown = await page
        .locator(selector)
        .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value))
        .catch(() => []);
      throw new Error(
        `no ${column} card read ${JSON.stringify(expected)} within ${WAIT_MS} ms; cards show ${JSON.stringify(shown)}`,
        { cause: err },
      );
    }
  }

  async function waitForPresence(page: Page, names: string[]): Promise<void> {
    await page.waitForFunction(
      (names) => {
        const items = Array.from(
          document.querySelectorAll('[data-testid="presence-list"] [data-testid="presence-item"]'),
        );
        return names.every((name) => items.some((item) => item.textContent?.includes(name)));
      },
      names,
      { timeout: WAIT_MS },
    );
  }

  function cardText(page: Page, column: Column, index = 0) {
    return page.locator(`[data-testid="column-${column}"] [data-testid="card"]`).nth(index).getByTestId('card-text');
  }

  it('creates a session, joins two people by code and co-edits a pitfall live', { timeout: 120_000 }, async () => {
    // The facilitator creates the session in the UI and gets a join code.
    const host = await personPage('host');
    // The facilitator lands on the host view, which shows the code; the board is one click away.
    await createThroughForm(host, srv.url, 'Marieke');
    const codeDisplay = host.getByTestId('join-code-display');
    await codeDisplay.waitFor();
    const code = (await codeDisplay.textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4,}$/);
    await host.getByTestId('open-board').click();
    await host.waitForURL(/\/s\/[^/]+$/, { timeout: WAIT_MS });
    await waitOnline(host);

    // Two participants join with that code, each in their own browser context.
    const anouk = await personPage('anouk');
    const bram = await personPage('bram');
    await join(anouk, code, 'Anouk');
    await join(bram, code, 'Bram');
    expect(anouk.url()).toBe(bram.url());

    // Participants write only in the open columns of a running round, so the facilitator adds a
    // round with all four columns open and starts it (the rounds themselves are tested elsewhere).
    const sessionId = new URL(host.url()).pathname.split('/')[2]!;
    const hostToken = await host.evaluate(
      (key) => JSON.parse(localStorage.getItem(key)!).token as string,
      `casusbord:session:${sessionId}`,
    );
    const control = await connectControl(srv.url, hostToken);
    const all = ['question', 'pitfall', 'opportunity', 'advice'];
    const openRound = {
      id: 'open-board',
      title: { nl: 'Open bord', en: 'Open board' },
      instruction: { nl: 'Schrijf mee.', en: 'Write along.' },
      minutes: 30,
      openColumns: all,
      privateWriting: false,
      dots: false,
    };
    expect((await command(control, 'host:rounds', { type: 'add', round: openRound, at: 0 })).ok).toBe(true);
    expect((await command(control, 'host:command', { type: 'start' })).ok).toBe(true);
    control.disconnect();
    await anouk.locator('[data-testid="column-pitfall"][data-writable="true"]').waitFor();
    await bram.locator('[data-testid="column-question"][data-writable="true"]').waitFor();

    // Everyone sees both names, as the server reports them.
    await waitForPresence(anouk, ['Anouk', 'Bram']);
    await waitForPresence(bram, ['Anouk', 'Bram']);
    await waitForPresence(host, ['Anouk', 'Bram']);

    // Anouk writes a pitfall; Bram and the host see it appear, with Anouk as its author.
    const pitfall = 'Partners wachten op elkaar';
    await addCard(anouk, 'pitfall', pitfall);
    await waitForCardText(bram, 'pitfall', pitfall);
    await waitForCardText(host, 'pitfall', pitfall);
    const bramsCard = bram.locator('[data-testid="column-pitfall"] [data-testid="card"]').first();
    expect(await bramsCard.getAttribute('data-column')).toBe('pitfall');
    expect(await bramsCard.getAttribute('data-card-id')).toBeTruthy();
    await bramsCard.locator('.card-author', { hasText: 'Anouk' }).waitFor();

    // Bram extends the text; the edit reaches Anouk while he types.
    const bramsText = cardText(bram, 'pitfall');
    await bramsText.click();
    await bram.keyboard.press('Control+End');
    await bram.keyboard.type(', niemand neemt de regie');
    const edited = `${pitfall}, niemand neemt de regie`;
    await waitForCardText(anouk, 'pitfall', edited);

    // Both type at once at opposite ends of the same card: the edits merge and neither
    // caret jumps (a jumping caret would scatter Anouk's letters through the text).
    const anouksText = cardText(anouk, 'pitfall');
    await anouksText.click();
    await anouk.keyboard.press('Control+Home');
    await bramsText.click();
    await bram.keyboard.press('Control+End');
    await Promise.all([
      anouk.keyboard.type('Kern: ', { delay: 40 }),
      bram.keyboard.type(' (herkenbaar)', { delay: 40 }),
    ]);
    const merged = `Kern: ${edited} (herkenbaar)`;
    await waitForCardText(anouk, 'pitfall', merged);
    await waitForCardText(bram, 'pitfall', merged);
    await waitForCardText(host, 'pitfall', merged);

    // A few more cards for a board that looks like a real one (the README's screenshot comes from tests/e2e/a11y.test.ts).
    await addCard(bram, 'question', 'Wie zit er nu al aan tafel, en wie nog niet?', 'enter');
    await addCard(anouk, 'pitfall', 'Jongeren en buren blijven buiten beeld');
    await addCard(bram, 'opportunity', 'De buurtcoaches kennen de bewoners al goed');
    await addCard(anouk, 'advice', 'Formuleer samen één richtinggevend doel voor de wijk');
    await waitForCardText(anouk, 'question', 'Wie zit er nu al aan tafel, en wie nog niet?');
    await waitForCardText(bram, 'advice', 'Formuleer samen één richtinggevend doel voor de wijk');
    await bram.locator('[data-testid="card"]').nth(4).waitFor();
    expect(await bram.locator('[data-testid="card"]').count()).toBe(5);

    // Deleting offers an undo that brings the card back for everyone.
    const opportunity = 'De buurtcoaches kennen de bewoners al goed';
    await bram.locator('[data-testid="column-opportunity"] [data-testid="card-delete"]').first().click();
    await anouk.waitForFunction(
      () => document.querySelectorAll('[data-testid="column-opportunity"] [data-testid="card"]').length === 0,
      undefined,
      { timeout: WAIT_MS },
    );
    await bram.getByTestId('toast-action').click();
    await waitForCardText(anouk, 'opportunity', opportunity);

    // A reload keeps Anouk's identity: same board, still listed once, still online.
    await anouk.reload();
    await waitOnline(anouk);
    await waitForCardText(anouk, 'pitfall', merged);
    await waitForPresence(anouk, ['Anouk', 'Bram']);
    const anoukEntries = await anouk.locator('[data-testid="presence-item"]', { hasText: 'Anouk' }).count();
    expect(anoukEntries).toBe(1);

    expect(pageErrors).toEqual([]);
  });

  it('a wrong code says what to do and leaves the form ready for the right one', async () => {
    const guest = await personPage('guest');
    await guest.goto(srv.url);
    await guest.getByTestId('join-code').fill('ZZZZZZ');
    await guest.getByTestId('join-name').fill('Gast');
    await guest.getByTestId('join-submit').click();
    const alert = guest.locator('form[aria-labelledby="join-heading"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/geen bijeenkomst met deze code.*Controleer de code/);
    expect(await guest.getByTestId('join-preview').count()).toBe(0);
    expect(await guest.getByTestId('join-submit').isEnabled()).toBe(true);
    await guest.context().close();
  });

  it('sends a visitor without credentials for a board to the start page with a notice', async () => {
    const stranger = await personPage('stranger');
    await stranger.goto(`${srv.url}/s/no-such-session`);
    await stranger.waitForURL((url) => url.pathname === '/', { timeout: WAIT_MS });
    await stranger.getByTestId('flash').waitFor();
    await stranger.getByTestId('join-code').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
