import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { cardText, readClusters, readOwnDots, type SessionState } from '@casusbord/shared';
import { cardIdIn } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { latest } from '../helpers/control';
import { ADVICE_ROUND, openPage, sceneSuite } from '../helpers/uiScene';
import { waitFor } from '../helpers/wait';

/**
 * Records every trusted pointer event in the capture phase. A click that Enter or Space causes
 * has `detail === 0` and is not a pointer; anything else here means a mouse (or touch) was used.
 */
function guardPointer(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __pointer: string[] };
    w.__pointer = [];
    for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'dragstart']) {
      window.addEventListener(
        type,
        (event) => {
          if (!event.isTrusted) return;
          if (type === 'click' && (event as MouseEvent).detail === 0) return;
          w.__pointer.push(`${type} on ${(event.target as Element | null)?.tagName ?? '?'}`);
        },
        true,
      );
    }
  });
}

function pointerEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __pointer: string[] }).__pointer);
}

/**
 * Presses Tab until the focused element matches `selector` (at most `max` times), then checks that
 * the focus is visible: an outline or a ring drawn by the focus style.
 */
async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { outline: `${style.outlineStyle} ${style.outlineWidth}`, shadow: style.boxShadow };
      });
      expect(ring.outline.startsWith('none') && ring.shadow === 'none', `no visible focus on ${selector}`).toBe(false);
      return;
    }
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

describeBrowser('keyboard only: add, edit, dot, cluster, host controls and reactions without a mouse', () => {
  const e2e = sceneSuite({ round: ADVICE_ROUND });
  const { srv, pageErrors: errors } = e2e;

  it(
    'a participant adds, edits, dots and clusters a card; the host moves on; the case holder reacts',
    { timeout: 120_000 },
    async () => {
      const doc = e2e.scene.peer.doc;
      const bram = await openPage(e2e.browser, srv, e2e.scene, 'board', errors, 'bram');
      await guardPointer(bram);
      // First use: the case, the round and, in one sentence, what is expected of this person.
      expect(await bram.locator('.board-title h1').textContent()).toBe('Intervisie Kruiskamp');
      expect(await bram.getByTestId('round-title').textContent()).toBe('Advies');
      expect(await bram.getByTestId('round-task').textContent()).toBe(
        'Jij nu: Schrijf kaarten bij adviezen en zet je stippen op wat jij het sterkst vindt.',
      );

      // Add: Tab to the advice field, type, Enter.
      await tabTo(bram, '[data-testid="add-advice-input"]');
      await bram.keyboard.type('Spreek eerst met de jongeren zelf');
      await bram.keyboard.press('Enter');
      const id = await cardIdIn(bram, '[data-testid="column-advice"]', 'Spreek eerst met de jongeren zelf');
      const card = `[data-testid="card"][data-card-id="${id}"]`;
      await waitFor(
        'the new card on the server',
        () => cardText(doc, id)?.toString() === 'Spreek eerst met de jongeren zelf',
      );

      // Edit: Tab into the card's text, go to the end, type more.
      await tabTo(bram, `${card} [data-testid="card-text"]`);
      await bram.keyboard.press('End');
      await bram.keyboard.type(', deze maand nog');
      await waitFor(
        'the edit on the server',
        () => cardText(doc, id)?.toString() === 'Spreek eerst met de jongeren zelf, deze maand nog',
      );

      // Dot: Tab to "+" on the card and press Space.
      await tabTo(bram, `${card} [data-testid="dot-add"]`);
      await bram.keyboard.press('Space');
      await bram.locator(`${card} [data-testid="card-tally"][data-mine="1"]`).waitFor();
      await waitFor('the dot on the server', () => readOwnDots(doc, e2e.scene.bram.participantId).get(id) === 1);

      // Cluster: "Nieuw cluster" in the advice column, a title, Enter; then choose it on the card.
      await tabTo(bram, '[data-testid="column-advice"] [data-testid="cluster-new"]');
      await bram.keyboard.press('Enter');
      await expect
        .poll(() => bram.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('cluster-new-title');
      await bram.keyboard.type('Jongeren');
      await bram.keyboard.press('Enter');
      await waitFor('the cluster on the server', () => readClusters(doc).some((c) => c.title === 'Jongeren'));
      const clusterId = readClusters(doc).find((c) => c.title === 'Jongeren')!.id;
      await tabTo(bram, `${card} [data-testid="card-cluster"]`);
      await bram.keyboard.press('ArrowDown');
      await bram.locator(`${card}[data-cluster-id="${clusterId}"]`).waitFor();
      await waitFor('the card in the cluster on the server', () => {
        const entry = doc.getMap('cards').get(id) as { get(k: string): unknown } | undefined;
        return entry?.get('clusterId') === clusterId;
      });
      expect(await pointerEvents(bram)).toEqual([]);

      // Host controls: Tab to "Volgende ronde" and press Enter; the reaction round starts.
      const host = await openPage(e2e.browser, srv, e2e.scene, 'host', errors);
      await guardPointer(host);
      await tabTo(host, '.command-bar [data-testid$="-next"]');
      await host.keyboard.press('Enter');
      await waitFor('the reaction round', () => latest(e2e.scene.control).tables[0]!.round.roundIndex === ADVICE_ROUND + 1);
      expect(await pointerEvents(host)).toEqual([]);

      // React: the case holder Tabs into the reactions of the new advice, Space picks "Overnemen",
      // the arrow key moves on to "Overwegen", as in any radio group.
      const anna = await openPage(e2e.browser, srv, e2e.scene, 'board', errors, 'anna');
      await guardPointer(anna);
      await tabTo(anna, `${card} [data-testid="reaction-adopt"]`);
      await anna.keyboard.press('Space');
      await anna.locator(`${card}.reaction-adopt`).waitFor();
      await anna.keyboard.press('ArrowRight');
      await waitFor('the reaction on the server', () => {
        const entry = doc.getMap('cards').get(id) as { get(k: string): unknown } | undefined;
        return entry?.get('reaction') === 'consider';
      });
      expect(await pointerEvents(anna)).toEqual([]);

      const state: SessionState = latest(e2e.scene.control);
      expect(state.tables[0]!.round.status).toBe('running');
      for (const page of [bram, host, anna]) await page.context().close();
      expect(errors).toEqual([]);
    },
  );
});
