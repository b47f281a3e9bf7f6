import type { Browser, Page } from 'playwright-core';
import type { CreateSessionResponse } from '@casusbord/shared';

/** Upper bound for any one thing a user waits for in the board e2e tests (a page, a peer's edit); not a sleep. */
export const WAIT_MS = 15_000;

/** What the client stores per session in localStorage (client/src/net/credentials.ts). */
export interface StoredCredentials {
  token: string;
  role: string;
  docName: string;
  name: string | null;
  participantId: string | null;
}

/** A browser context per person: own storage, own connections. Uncaught page errors go to `errors`. */
export async function personPage(browser: Browser, label: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (err) => errors.push(`${label}: ${err.message}`));
  return page;
}

export function waitOnline(page: Page): Promise<void> {
  return page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: WAIT_MS });
}

async function storedCredentials(page: Page): Promise<StoredCredentials> {
  const sessionId = new URL(page.url()).pathname.split('/')[2]!;
  const raw = await page.evaluate((key) => localStorage.getItem(key), `casusbord:session:${sessionId}`);
  return JSON.parse(raw!) as StoredCredentials;
}

/** Joins through the home page's form, as a participant would, and returns what the page stored. */
export async function joinByCode(page: Page, baseUrl: string, code: string, name: string): Promise<StoredCredentials> {
  await page.goto(baseUrl);
  await page.getByTestId('join-code').fill(code);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-submit').click();
  await page.waitForURL(/\/s\/[^/]+$/, { timeout: WAIT_MS });
  await waitOnline(page);
  return storedCredentials(page);
}

/** Opens the table's board as the host, with the credentials the create form would have stored. */
export async function openAsHost(page: Page, baseUrl: string, session: CreateSessionResponse): Promise<void> {
  await page.goto(baseUrl);
  const credentials = {
    token: session.hostToken,
    role: 'host',
    docName: session.docName,
    name: null,
    participantId: null,
  };
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [`casusbord:session:${session.sessionId}`, JSON.stringify(credentials)],
  );
  await page.goto(`${baseUrl}/s/${session.sessionId}`);
  await waitOnline(page);
}

/** Resolves with the id of the card under `scope` (a CSS selector) whose text is `text`, once it shows. */
export async function cardIdIn(page: Page, scope: string, text: string): Promise<string> {
  const selector = `${scope} [data-testid="card"]`;
  try {
    const handle = await page.waitForFunction(
      ({ selector, text }) => {
        for (const card of Array.from(document.querySelectorAll(selector))) {
          if (card.querySelector('textarea')?.value === text) return card.getAttribute('data-card-id');
        }
        return null;
      },
      { selector, text },
      { timeout: WAIT_MS },
    );
    return (await handle.jsonValue()) as string;
  } catch (err) {
    const shown = await page
      .locator(`${selector} textarea`)
      .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value))
      .catch(() => []);
    throw new Error(
      `no card ${JSON.stringify(text)} under ${scope} within ${WAIT_MS} ms; shown: ${JSON.stringify(shown)}`,
      {
        cause: err,
      },
    );
  }
}

/** Whether a card with exactly `text` is under `scope` right now (for asserting absence after a sync point). */
export function hasCardIn(page: Page, scope: string, text: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, text }) =>
      Array.from(document.querySelectorAll<HTMLTextAreaElement>(selector)).some((el) => el.value === text),
    { selector: `${scope} [data-testid="card-text"]`, text },
  );
}
