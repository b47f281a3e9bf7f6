import fs from 'node:fs';
import path from 'node:path';

/**
 * The variables `npm start` sets in front of its last command (`NAME=value … node server/dist/main.js`
 * in `root`'s package.json), so that the bench runs each working tree's server with its own.
 */
export function startEnv(root: string): Record<string, string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const last = pkg.scripts?.start?.split('&&').at(-1) ?? '';
  const env: Record<string, string> = {};
  for (const word of last.trim().split(/\s+/)) {
    const m = /^([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(word);
    if (!m) break;
    env[m[1]!] = m[2]!;
  }
  return env;
}
