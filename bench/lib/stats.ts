/** Small numeric helpers; every figure the bench prints goes through these. */

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Percentiles of a sample (nearest-rank on the sorted sample); zeros when it is empty. */
export function percentiles(samples: Float64Array | number[]): Percentiles {
  const n = samples.length;
  if (n === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return { count: n, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[n - 1]!, mean: sum / n };
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  return percentiles(values).p50;
}

/** Concatenates sample arrays without copying element by element. */
export function concatSamples(parts: Float64Array[]): Float64Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Float64Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Rounds for display and JSON: 2 decimals below 10, 1 below 100, else integers. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  if (abs < 10) return Math.round(value * 100) / 100;
  if (abs < 100) return Math.round(value * 10) / 10;
  return Math.round(value);
}

export function ratio(ours: number, reference: number): number | null {
  if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0) return null;
  return Math.round((ours / reference) * 100) / 100;
}

/** Mulberry32: a seeded PRNG so generated traces are the same in every run (one copy, shared with the tests). */
export { prng } from '../../tests/helpers/prng';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` is true, polling every `everyMs`; throws after `timeoutMs` (bounded). */
export async function waitUntil(what: string, check: () => boolean, timeoutMs: number, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
