import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { ROOT, startServer, type TestServer } from './server';

export function requireClientBuild(): void {
  if (!fs.existsSync(path.join(ROOT, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run `npm run build -w client` before the e2e tests');
  }
}

/**
 * The set-up every browser suite shares: the built client served by a real server (SQLite in a
 * temp DATA_DIR) and one Chromium, started before the file's tests and closed after them.
 * `started` receives both (and may build more on them); `closing` runs first on the way out, for
 * the suite's own sockets and peers.
 */
export function serverAndBrowser(hooks: {
  started: (srv: TestServer, browser: Browser) => void | Promise<void>;
  closing?: () => unknown;
}): void {
  let srv: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireClientBuild();
    srv = await startServer();
    browser = await launchBrowser();
    await hooks.started(srv, browser);
  });
  afterAll(async () => {
    await hooks.closing?.();
    await browser?.close();
    await srv?.close();
  });
}
