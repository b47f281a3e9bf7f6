import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** Upper bound for any one thing a user waits for in a browser test; not a sleep. */
export const WAIT_MS = 15_000;

export interface StoredCredentials {
  token: string;
  role: 'host' | 'participant';
  docName: string;
  name: string | null;
  participantId: string | null;
}

/**
 * A browser context per person (own storage and connections) at 1280×720, Dutch, with the
 * credentials a join or create would have stored, so a test can open any page directly.
 * Uncaught page errors are collected into `errors`. `device` overrides the context's options
 * (a tablet: another viewport, `hasTouch`, `isMobile`).
 */
export async function personPage(
  browser: Browser,
  label: string,
  errors: string[],
  stored?: { sessionId: string; credentials: StoredCredentials },
  device: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL', ...device });
  if (stored) {
    await context.addInitScript(
      ([key, value]) => {
        // Also runs in about:blank, which has no storage; only the app's origin matters.
        if (location.protocol.startsWith('http') && !localStorage.getItem(key)) localStorage.setItem(key, value);
      },
      [`casusbord:session:${stored.sessionId}`, JSON.stringify(stored.credentials)] as const,
    );
  }
  context.on('page', (page) => {
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (err) => errors.push(`${label}: ${err.message}`));
  });
  return context.newPage();
}

/**
 * Creates the tests' session through the home page's form, as a facilitator would, with
 * `caseHolder` as the case holder (intervision unless `opts.method` picks another method; `opts.more`
 * fills further fields first); resolves once the page shows the host view.
 */
export async function createThroughForm(
  page: Page,
  baseUrl: string,
  caseHolder: string,
  opts: { method?: string; more?: (page: Page) => Promise<void> } = {},
): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('create-title').fill('Intervisie wijkenaanpak');
  await page.getByTestId('create-city').fill('Amersfoort');
  await page.getByTestId('create-question').fill('Hoe krijgen we de partners in de wijk in één team?');
  await page.getByTestId('create-caseholder').fill(caseHolder);
  if (opts.method) await page.getByTestId('create-method').selectOption(opts.method);
  await opts.more?.(page);
  await page.getByTestId('create-submit').click();
  await page.waitForURL(/\/s\/[^/]+\/host$/, { timeout: WAIT_MS });
}

/** "12:05" → 725, "+0:42" (overtime, counting up) → -42 seconds left, as a person reads the clock. */
export function clockSeconds(text: string): number {
  const match = /(\+?)(\d+):(\d{2})/.exec(text);
  if (!match) throw new Error(`not a clock: ${JSON.stringify(text)}`);
  const seconds = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '+' ? -seconds : seconds;
}

/** The digits a clock element shows right now, in seconds. */
export async function readClock(page: Page, selector: string): Promise<number> {
  return clockSeconds((await page.locator(selector).first().locator('.host-clock-digits').textContent()) ?? '');
}

/** True when the page has nothing to scroll, and every listed element lies fully inside the window. */
export async function fitsWindow(page: Page, selectors: string[]): Promise<{ ok: boolean; detail: string }> {
  return page.evaluate((selectors) => {
    const doc = document.documentElement;
    const problems: string[] = [];
    if (doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth) {
      problems.push(`page scrolls: ${doc.scrollWidth}×${doc.scrollHeight} in ${innerWidth}×${innerHeight}`);
    }
    for (const selector of selectors) {
      const el = document.querySelector(selector);
      if (!el) {
        problems.push(`${selector} missing`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) problems.push(`${selector} has no size`);
      if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
        problems.push(`${selector} outside the window: ${JSON.stringify(r)}`);
      }
      // Inside a box that hides its overflow, the element must not reach past that box's edges.
      for (let box = el.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflow === 'visible') continue;
        const b = box.getBoundingClientRect();
        if (r.left < b.left - 1 || r.top < b.top - 1 || r.right > b.right + 1 || r.bottom > b.bottom + 1) {
          problems.push(`${selector} is cut off by ${box.className || box.tagName}`);
          break;
        }
      }
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${selector} is wider than its box`);
    }
    return { ok: problems.length === 0, detail: problems.join('; ') };
  }, selectors);
}
