import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { latest } from '../helpers/control';
import { needlesOnlyIn, otherLanguageOnPage } from '../helpers/i18nCheck';
import { openPage, openReport, sceneSuite } from '../helpers/uiScene';

/** Every checked page shows at least this many strings of its own language's dictionary. */
const MIN_OWN_STRINGS = 8;

describeBrowser('language switch: every visible string follows it (board, host, report)', () => {
  const e2e = sceneSuite();
  const { srv, pageErrors: errors } = e2e;

  /** What people typed or named (all Dutch here), which no switch translates. */
  function userTexts(): string[] {
    const texts = [
      e2e.scene.session.joinCode,
      'Intervisie Kruiskamp',
      'Amersfoort',
      'Hoe maken we van vijf partners één team met één doel voor de wijk?',
      'Anna Visser',
      'Bram de Vries',
      'Samenwerking',
      'Na de zomer',
      'Wie beslist als de partners het oneens zijn?',
      'Iedere partner wacht op de eerste stap van een ander',
      'De begroting rekent op subsidies die nog niet toegezegd zijn',
      'Jongeren uit de wijk willen zelf een plek inrichten',
      'Stel één kwartiermaker aan die de partners aan tafel houdt',
      'Begin klein: één straat, één half jaar, zichtbaar resultaat',
      ...latest(e2e.scene.control).tables.map((t) => t.name),
    ];
    // Longest first, so a name inside a longer text is not cut out of it first.
    return texts.sort((a, b) => b.length - a.length);
  }

  async function expectOnly(page: Page, lang: 'nl' | 'en', where: string) {
    await expect.poll(() => page.evaluate(() => document.documentElement.lang.slice(0, 2))).toBe(lang);
    const wrong = lang === 'nl' ? 'en' : 'nl';
    const found = await otherLanguageOnPage(page, wrong, userTexts());
    expect(found, `${where} in ${lang} shows ${wrong} strings:\n${found.join('\n')}`).toEqual([]);
    // The same collector does see the page's own language: the check is not passing on an empty page.
    const own = await otherLanguageOnPage(page, lang, userTexts());
    expect(own.length, `${where}: too few ${lang} strings found`).toBeGreaterThanOrEqual(MIN_OWN_STRINGS);
  }

  it('checks against hundreds of strings that differ between the dictionaries', () => {
    // The check is only as good as its word lists: both must be large and disjoint.
    const nl = needlesOnlyIn('nl');
    const en = needlesOnlyIn('en');
    expect(nl.length).toBeGreaterThan(300);
    expect(en.length).toBeGreaterThan(300);
    expect(nl).toContain('Valkuilen');
    expect(en).toContain('Pitfalls');
  });

  for (const which of ['home', 'board', 'host'] as const) {
    it(
      `${which}: Dutch by default, all English after the switch, all Dutch after switching back`,
      { timeout: 90_000 },
      async () => {
        const page = await openPage(e2e.browser, srv, e2e.scene, which, errors);
        await expectOnly(page, 'nl', which);
        await page.getByTestId('language-switch').first().click();
        await expectOnly(page, 'en', which);
        // The choice is remembered: a reload stays English.
        await page.reload();
        await page.getByTestId('language-switch').first().waitFor();
        await expectOnly(page, 'en', `${which} after reload`);
        await page.getByTestId('language-switch').first().click();
        await expectOnly(page, 'nl', which);
        await page.context().close();
        expect(errors).toEqual([]);
      },
    );
  }

  it(
    "a second window follows the switch live; the beamer keeps the session's language",
    { timeout: 90_000 },
    async () => {
      const host = await openPage(e2e.browser, srv, e2e.scene, 'host', errors);
      // The facilitator's other windows of the same browser: a second host view and the beamer.
      const second = await host.context().newPage();
      await second.goto(`${srv.url}/s/${e2e.scene.session.sessionId}/host`);
      await second.locator('[data-testid="table-card"]').first().waitFor();
      const beamer = await host.context().newPage();
      await beamer.goto(`${srv.url}/s/${e2e.scene.session.sessionId}/beamer`);
      await beamer.locator('[data-testid="beamer-clock"]').first().waitFor();
      await host.getByTestId('language-switch').first().click();
      await expectOnly(host, 'en', 'host after the switch');
      await expectOnly(second, 'en', 'second host window after the switch in the first');
      // The room reads the session's language (Dutch), whatever the facilitator's own screen shows.
      expect(await beamer.getByTestId('beamer').getAttribute('lang')).toBe('nl');
      const english = await otherLanguageOnPage(beamer, 'en', userTexts());
      expect(english, `beamer shows English strings:\n${english.join('\n')}`).toEqual([]);
      await host.getByTestId('language-switch').first().click();
      await expectOnly(second, 'nl', 'second host window after switching back');
      await host.context().close();
      expect(errors).toEqual([]);
    },
  );

  // Last: the handover locks the session.
  it(
    'report: in the session language (Dutch), all English after its switch, and back',
    { timeout: 90_000 },
    async () => {
      const { page } = await openReport(e2e.browser, srv, e2e.scene, errors);
      await expectOnly(page, 'nl', 'report');
      await page.getByTestId('report-language').click();
      await page.waitForURL(/\?lang=en$/);
      await expectOnly(page, 'en', 'report');
      expect(await page.locator('h2').first().textContent()).toBe('Core question');
      await page.getByTestId('report-language').click();
      await page.waitForURL(/\?lang=nl$/);
      await expectOnly(page, 'nl', 'report');
      await page.context().close();
      expect(errors).toEqual([]);
    },
  );
});
