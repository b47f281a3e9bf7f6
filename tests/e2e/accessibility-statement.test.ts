import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { accessibilityEn } from '../../client/src/i18n/accessibility.en';
import { accessibilityNl } from '../../client/src/i18n/accessibility.nl';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { otherLanguageOnPage } from '../helpers/i18nCheck';
import { personPage } from '../helpers/pages';

/** The statement speaks one language: its own strings are there, none of the other language's. */
async function expectStatement(page: Page, lang: 'nl' | 'en'): Promise<void> {
  const a = lang === 'nl' ? accessibilityNl : accessibilityEn;
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  await expect.poll(() => page.locator('h1').textContent()).toBe(a.title);
  expect(await page.title()).toBe(`${a.title} — Casusbord`);
  const body = await page.getByTestId('accessibility-page').innerText();
  expect(body).toContain('EN 301 549');
  expect(body).toContain('WCAG 2.1');
  // What is tested and what is known not to conform, one list item per point.
  expect(await page.locator('[data-testid="accessibility-tested"] > li').allTextContents()).toEqual(a.tested);
  expect(await page.locator('[data-testid="accessibility-known"] > li').allTextContents()).toEqual(a.known);
  expect(await page.locator('h2').allTextContents()).toEqual([
    a.standardHeading,
    a.testedHeading,
    a.knownHeading,
    a.reportHeading,
    a.feedbackHeading,
  ]);
  const wrong = lang === 'nl' ? 'en' : 'nl';
  expect(await otherLanguageOnPage(page, wrong, [])).toEqual([]);
}

describeBrowser('accessibility statement at /toegankelijkheid, in Dutch and English', () => {
  const e2e = serverAndBrowser();
  const errors = e2e.pageErrors;

  it('is linked from the home page footer, Dutch by default, English after the switch', async () => {
    const page = await personPage(e2e.browser, 'statement', errors);
    await page.goto(e2e.srv.url);
    // By keyboard: focus the footer link and press Enter.
    await page.getByTestId('accessibility-link').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/toegankelijkheid');
    await expectStatement(page, 'nl');
    await page.getByTestId('language-switch').press('Enter');
    await expectStatement(page, 'en');
    await page.context().close();
    expect(errors).toEqual([]);
  });

  it('loads directly as the app (also with ?lang=en), not as a 404', async () => {
    const res = await fetch(`${e2e.srv.url}/toegankelijkheid`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await personPage(e2e.browser, 'statement-en', errors);
    await page.goto(`${e2e.srv.url}/toegankelijkheid?lang=en`);
    await expectStatement(page, 'en');
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
