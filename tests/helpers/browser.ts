import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';

/** Debian's chromium; playwright-core drives it and never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const INSTALL_HINT = 'install it with `apt-get install -y chromium` or point CHROMIUM_PATH at a Chromium binary';

/** Why browser tests cannot run here, or null when they can. */
export function chromiumMissingReason(): string | null {
  return fs.existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH}; ${INSTALL_HINT}`;
}

export async function launchBrowser(): Promise<Browser> {
  const missing = chromiumMissingReason();
  if (missing) throw new Error(`Cannot launch the browser: ${missing}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * `describe` for suites that need Chromium. Without it the suite is skipped with a printed
 * reason on a developer machine, but fails in CI (CI=true), where a skip would hide a gap.
 */
export function describeBrowser(name: string, fn: () => void): void {
  const missing = chromiumMissingReason();
  if (!missing) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('has a browser to run in', () => {
        throw new Error(`Browser suite "${name}" cannot run in CI: ${missing}`);
      });
    });
    return;
  }
  console.warn(`\n[e2e] SKIPPED "${name}": ${missing}\n`);
  describe.skip(name, fn);
}
