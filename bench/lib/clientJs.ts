import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from './servers';

/**
 * Gzip size of the JavaScript a browser loads before the first paint: the module script(s) of the
 * built index.html and the chunks it preloads (dynamic imports load later and are not counted).
 */

export interface ClientJsResult {
  measured: boolean;
  reason?: string;
  /** Where the build came from: a fresh build into a temp folder, or client/dist as found. */
  source: string;
  files: { file: string; bytes: number; gzipBytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
}

function newestMtime(dir: string): number {
  let newest = 0;
  const walk = (d: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p, depth + 1);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir, 0);
  return newest;
}

/** Builds the client into a temp folder (never touching client/dist, which others use); null on failure. */
function freshBuild(log: (line: string) => void): { dir: string } | { error: string } {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-bench-client-'));
  log('client: vite build into a temp folder');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: path.join(ROOT, 'client'),
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (result.status !== 0 || !fs.existsSync(path.join(outDir, 'index.html'))) {
    // eslint-disable-next-line no-control-regex -- strip colour codes from vite's message
    const msg = `${result.stderr ?? ''}${result.stdout ?? ''}`.replace(/\u001b\[[0-9;]*m/g, '');
    fs.rmSync(outDir, { recursive: true, force: true });
    const line = msg.split('\n').find((l) => /could not|\[[A-Z_]{4,}\]|Error:/i.test(l) && !/error during build/i.test(l));
    return { error: line?.trim().slice(0, 200) ?? `exit ${result.status}` };
  }
  return { dir: outDir };
}

export function measureClientJs(options: { build: boolean; log: (line: string) => void }): ClientJsResult {
  const dist = path.join(ROOT, 'client', 'dist');
  let dir = dist;
  let source = 'client/dist';
  const distTime = fs.existsSync(path.join(dist, 'index.html')) ? fs.statSync(path.join(dist, 'index.html')).mtimeMs : 0;
  const srcTime = Math.max(newestMtime(path.join(ROOT, 'client', 'src')), newestMtime(path.join(ROOT, 'shared', 'src')));
  if (options.build && srcTime > distTime) {
    const built = freshBuild(options.log);
    if ('dir' in built) {
      dir = built.dir;
      source = 'fresh vite build of the working tree';
    } else {
      source = `client/dist of ${new Date(distTime).toISOString()} (a fresh build failed: ${built.error})`;
    }
  } else if (distTime > 0) {
    source = `client/dist of ${new Date(distTime).toISOString()}`;
  }
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    return { measured: false, reason: 'not measured: no client build (run npm run build)', source, files: [], totalBytes: 0, totalGzipBytes: 0 };
  }
  const html = fs.readFileSync(indexFile, 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g)) refs.add(m[1]!);
  const files = [...refs]
    .filter((ref) => !/^https?:/.test(ref))
    .map((ref) => {
      const data = fs.readFileSync(path.join(dir, ref.replace(/^\//, '')));
      // zlib's default level 6, what a server compressing on the fly sends (level 9 saves ~1%).
      return { file: ref, bytes: data.byteLength, gzipBytes: zlib.gzipSync(data).byteLength };
    });
  if (dir !== dist) fs.rmSync(dir, { recursive: true, force: true });
  return {
    measured: true,
    source,
    files,
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    totalGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}
