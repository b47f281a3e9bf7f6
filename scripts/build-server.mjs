// Compiles the server to JavaScript (server/dist/main.js and lazily loaded chunks) so production runs plain Node:
// no TypeScript transpiler in the process, nothing compiled at start-up. `npm start` runs it first
// (about a second); the tests keep running the sources through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.join(root, 'shared', 'src', 'index.ts');
const outdir = path.join(root, 'server', 'dist');

// Chunk names carry a content hash: start clean so no stale chunk stays behind.
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [path.join(root, 'server', 'src', 'main.ts')],
  outdir,
  bundle: true,
  // What the server imports lazily (Word and PDF export) becomes its own chunk, loaded on first use.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages load from node_modules as they are; only our own workspace code is bundled.
  packages: 'external',
  plugins: [
    {
      name: 'workspace-shared',
      setup(b) {
        b.onResolve({ filter: /^@casusbord\/shared$/ }, () => ({ path: shared }));
      },
    },
  ],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
