// Compiles the server to JavaScript (server/dist/main.js and lazily loaded chunks) so production runs plain Node:
// no TypeScript transpiler in the process, nothing compiled at start-up. `npm start` runs it first
// (about a second); the tests keep running the sources through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.join(root, 'shared', 'src', 'index.ts');
const outdir = path.join(root, 'server', 'dist');

/**
 * npm packages bundled into the server instead of loaded from node_modules: pure ES modules, no
 * native parts, no dynamic requires. V8 keeps the source of every module in memory, and stores a
 * whole file at two bytes per character as soon as one character is not Latin-1: yjs.mjs (300 KB)
 * and zod's files took twice their size for a few typographic characters in comments. Bundled,
 * they come out as ASCII (see asciiOnly) and only the parts the server uses are kept.
 */
const BUNDLED = new Set(['yjs', 'lib0', 'y-protocols', 'zod']);

/** The npm package a bare import names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * esbuild escapes what is not ASCII in strings, templates and regular expressions (charset ascii,
 * its default), but not in the comments it keeps. Escaped there too, the whole output is ASCII.
 * One character becomes six in a comment, which moves nothing the source map points at before it.
 */
function asciiOnly(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) asciiOnly(file);
    if (!entry.name.endsWith('.js')) continue;
    const text = fs.readFileSync(file, 'utf8');
    const ascii = text.replace(/[^ -~\t\n\r]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (ascii !== text) fs.writeFileSync(file, ascii);
  }
}

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
  plugins: [
    {
      name: 'workspace-shared',
      setup(b) {
        b.onResolve({ filter: /^@casusbord\/shared$/ }, () => ({ path: shared }));
      },
    },
    {
      // Other npm packages load from node_modules as they are.
      name: 'external-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
        );
      },
    },
    {
      // zod's `z.locales` namespace (50 message translations, 366 KB of source) is never used: the
      // server configures no locale, and zod's English default is imported on its own.
      name: 'no-zod-locales',
      setup(b) {
        b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
          args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
      },
    },
  ],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
asciiOnly(outdir);
