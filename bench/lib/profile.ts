import fs from 'node:fs';
import path from 'node:path';

/** Reads a V8 .cpuprofile (node --cpu-prof) and ranks functions and files by self and total time. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileEntry {
  name: string;
  /** file:line, shortened to the package or the repo path. */
  where: string;
  selfMs: number;
  selfPercent: number;
  totalMs: number;
  totalPercent: number;
}

export interface ProfileSummary {
  file: string;
  wallMs: number;
  sampledMs: number;
  /** Share of samples that were idle (the event loop waiting). */
  idlePercent: number;
  gcPercent: number;
  topSelf: ProfileEntry[];
  topTotal: ProfileEntry[];
  /** Self time by package or source file. */
  byModule: { module: string; selfMs: number; selfPercent: number }[];
}

function shortUrl(url: string): string {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) return clean.slice(nm + '/node_modules/'.length);
  const marker = clean.indexOf('/server/src/');
  if (marker >= 0) return clean.slice(marker + 1);
  const shared = clean.indexOf('/shared/src/');
  if (shared >= 0) return clean.slice(shared + 1);
  return clean.startsWith('node:') ? clean : path.basename(clean);
}

function moduleOf(url: string): string {
  const s = shortUrl(url);
  if (!s) return '(native / V8)';
  if (s.startsWith('node:')) return 'node core';
  const parts = s.split('/');
  if (s.startsWith('server/') || s.startsWith('shared/')) return s;
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/**
 * `window` limits the summary to samples between two Date.now() times; `endWallMs` is the wall time
 * at which the profiled process ended (the profile's own clock is monotonic, not wall time).
 */
export function summarizeProfile(
  file: string,
  window: { fromMs: number; untilMs: number; endWallMs: number } | null = null,
  top = 25,
): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  // Profile time (µs) of each sample, and the shift from profile time to wall time.
  const shiftMs = window ? window.endWallMs - profile.endTime / 1000 : 0;
  let clock = profile.startTime;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const keyOf = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'}|${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const modules = new Map<string, number>();
  let sampled = 0;
  let idle = 0;
  let gc = 0;
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (let i = 0; i < profile.samples.length; i++) {
    clock += profile.timeDeltas[i] ?? 0;
    if (window) {
      const wall = clock / 1000 + shiftMs;
      if (wall < window.fromMs || wall >= window.untilMs) continue;
    }
    firstMs = Math.min(firstMs, clock / 1000);
    lastMs = Math.max(lastMs, clock / 1000);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    sampled += dt;
    const fn = node.callFrame.functionName;
    if (fn === '(idle)') {
      idle += dt;
      continue;
    }
    if (fn === '(garbage collector)') gc += dt;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    const mod = fn.startsWith('(') ? fn : moduleOf(node.callFrame.url);
    modules.set(mod, (modules.get(mod) ?? 0) + dt);
    // Total time: every distinct function on the stack, once per sample; bounded by the tree depth.
    const seen = new Set<string>();
    let id: number | undefined = node.id;
    for (let depth = 0; id !== undefined && depth < 500; depth++) {
      const n = byId.get(id)!;
      const k = keyOf(n);
      if (!seen.has(k)) {
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + dt);
      }
      id = parent.get(id);
    }
  }
  const busy = Math.max(1e-9, sampled - idle);
  const entry = (key: string): ProfileEntry => {
    const [name, where] = key.split('|') as [string, string];
    const s = self.get(key) ?? 0;
    const t = total.get(key) ?? 0;
    return {
      name,
      where,
      selfMs: Math.round(s),
      selfPercent: Math.round((s / busy) * 1000) / 10,
      totalMs: Math.round(t),
      totalPercent: Math.round((t / busy) * 1000) / 10,
    };
  };
  const ranked = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  return {
    file,
    wallMs: Math.round(Number.isFinite(firstMs) ? lastMs - firstMs : 0),
    sampledMs: Math.round(sampled),
    idlePercent: Math.round((idle / Math.max(1e-9, sampled)) * 1000) / 10,
    gcPercent: Math.round((gc / busy) * 1000) / 10,
    topSelf: ranked(self).slice(0, top).map(entry),
    topTotal: ranked(total)
      .filter((k) => !k.startsWith('(root)') && !k.startsWith('(program)'))
      .slice(0, top)
      .map(entry),
    byModule: ranked(modules)
      .slice(0, 15)
      .map((m) => ({ module: m, selfMs: Math.round(modules.get(m)!), selfPercent: Math.round((modules.get(m)! / busy) * 1000) / 10 })),
  };
}

/**
 * The main thread's .cpuprofile in a directory. Files are named CPU.<date>.<time>.<pid>.<thread>.<seq>;
 * thread 0 is the main thread (tsx's loader runs in its own thread and writes its own profile).
 */
export function mainThreadProfile(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const main = files.find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  const largest = files.sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size)[0];
  const pick = main ?? largest;
  return pick ? path.join(dir, pick) : null;
}
