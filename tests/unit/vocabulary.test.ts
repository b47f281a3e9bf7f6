import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server';

/**
 * Issue 17: each fact of the protocol and the board has one home. These read the sources, so a
 * second copy written later fails here instead of drifting apart unnoticed.
 */
function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/.test(entry.name)) out.push({ file: rel, text: fs.readFileSync(path.join(ROOT, rel), 'utf8') });
  }
  return out;
}

const ALL = [...sources('shared/src'), ...sources('server/src'), ...sources('client/src')];
const filesMatching = (pattern: RegExp) => ALL.filter((s) => pattern.test(s.text)).map((s) => s.file);

describe('one vocabulary', () => {
  it('the client network layer takes event names and answers from the catalogue (no casts to never, no string events)', () => {
    const net = ALL.filter((s) => s.file.startsWith(path.join('client', 'src', 'net')));
    expect(net.length).toBeGreaterThan(5);
    expect(net.filter((s) => /as never|event: string/.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('the legacy reaction spelling not_now appears only where old archive entries are read', () => {
    expect(filesMatching(/not_now/)).toEqual([path.join('shared', 'src', 'protocol', 'community.ts')]);
  });

  it('document names are built from a template in docNames.ts only', () => {
    expect(filesMatching(/`\$\{[\w.]+\}\.\$\{/)).toEqual([path.join('shared', 'src', 'domain', 'docNames.ts')]);
  });

  it('the shared limits are numbers in limits.ts only', () => {
    for (const name of ['tablesPerSession', 'dotsPerPersonMax']) {
      expect(filesMatching(new RegExp(`${name}:\\s*\\d`))).toEqual([
        path.join('shared', 'src', 'protocol', 'limits.ts'),
      ]);
    }
  });
});
