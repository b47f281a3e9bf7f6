import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { connectControl, type ControlClient } from './control';
import { ROOT, startServer, type TestServer } from './server';
import { lateServer } from './testServer';
import type { Peer } from './yjs';

export function requireClientBuild(): void {
  if (!fs.existsSync(path.join(ROOT, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run `npm run build -w client` before the e2e tests');
  }
}

/** What a browser suite works with; `srv` and `browser` are usable once the file's beforeAll ran. */
export interface BrowserSuite {
  /** The real server (SQLite in a temp DATA_DIR) serving the built client. */
  srv: TestServer;
  readonly browser: Browser;
  /** Uncaught errors of the suite's pages (the tests pass it to personPage and assert it empty). */
  pageErrors: string[];
  /** Peers and control clients of the tests, closed after the file. */
  peers: Peer[];
  controls: ControlClient[];
  /** A control client for `token`, closed after the file. */
  control(token: string): Promise<ControlClient>;
  /** The host's control client of this test: the one an earlier test opened with it is disconnected. */
  hostControl(token: string): Promise<ControlClient>;
}

/**
 * The set-up every browser suite shares: the built client served by a real server and one
 * Chromium, started before the file's tests and closed after them, with the peers and control
 * clients the tests opened. `started` receives both (and may build more on them); `closing` runs
 * first on the way out.
 */
export function serverAndBrowser(
  hooks: {
    started?: (srv: TestServer, browser: Browser) => void | Promise<void>;
    closing?: () => unknown;
  } = {},
): BrowserSuite {
  let srv: TestServer | undefined;
  let browser: Browser | undefined;
  let host: ControlClient | null = null;
  const peers: Peer[] = [];
  const controls: ControlClient[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite is used before beforeAll started it');
    return value;
  };
  beforeAll(async () => {
    requireClientBuild();
    srv = await startServer();
    browser = await launchBrowser();
    await hooks.started?.(srv, browser);
  });
  afterAll(async () => {
    await hooks.closing?.();
    host?.disconnect();
    for (const c of controls) c.disconnect();
    for (const p of peers) p.destroy();
    await browser?.close();
    await srv?.close();
  });
  const control = async (token: string): Promise<ControlClient> => {
    const c = await connectControl(started(srv).url, token);
    controls.push(c);
    return c;
  };
  return {
    srv: lateServer(() => started(srv)),
    get browser() {
      return started(browser);
    },
    pageErrors: [],
    peers,
    controls,
    control,
    hostControl: async (token) => {
      host?.disconnect();
      host = await connectControl(started(srv).url, token);
      return host;
    },
  };
}
