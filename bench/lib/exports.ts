import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './servers';
import { percentiles, type Percentiles } from './stats';
import { generateTrace } from './trace';

/**
 * Export time of a 200-card report, in-process: the report model is built from a generated board
 * (shared/src/domain/report.ts) and rendered by server/src/export/ in every format. Nothing is
 * faked: when the exporters are not there the result says so.
 */

export interface ExportTiming {
  format: string;
  bytes: number;
  /** First call in this process (cold: module and font loading, JIT). */
  firstMs: number;
  ms: Percentiles;
}

export type ExportResult =
  | { measured: true; cards: number; buildReportMs: Percentiles; formats: ExportTiming[] }
  | { measured: false; reason: string };

interface ExportModules {
  buildReport: (input: unknown) => unknown;
  formats: readonly string[];
  render: (report: unknown, format: string) => Promise<Buffer | Uint8Array | string>;
}

async function loadModules(): Promise<ExportModules | string> {
  const formatsFile = path.join(ROOT, 'server', 'src', 'export', 'formats.ts');
  if (!fs.existsSync(formatsFile)) return 'not measured: exporters not present (server/src/export/formats.ts)';
  try {
    const shared = (await import('@casusbord/shared')) as unknown as Record<string, unknown>;
    const formats = (await import('../../server/src/export/formats')) as unknown as Record<string, unknown>;
    if (typeof shared.buildReport !== 'function') return 'not measured: buildReport missing from shared/src/domain/report.ts';
    if (typeof formats.renderReport !== 'function') return 'not measured: renderReport missing from server/src/export/formats.ts';
    const list = Array.isArray(shared.REPORT_FORMATS) ? (shared.REPORT_FORMATS as string[]) : ['md', 'html', 'docx', 'pdf'];
    // The server loads the Word and PDF renderers at the handover, before anyone can download.
    if (typeof formats.warmExports === 'function') await (formats.warmExports as () => Promise<void>)();
    return {
      buildReport: shared.buildReport as ExportModules['buildReport'],
      formats: list,
      render: formats.renderReport as ExportModules['render'],
    };
  } catch (err) {
    return `not measured: exporters failed to load (${String((err as Error).message ?? err).split('\n')[0]})`;
  }
}

export async function measureExports(options: { cards: number; repeats: number; log: (line: string) => void }): Promise<ExportResult> {
  const modules = await loadModules();
  if (typeof modules === 'string') return { measured: false, reason: modules };
  const trace = generateTrace({ cards: options.cards, seconds: 3600, seed: 11 });
  const input = {
    session: {
      title: 'Intervisie wijkaanpak Overvecht',
      city: 'Utrecht',
      question: 'Hoe houden we de wijkaanpak gaande als de subsidie stopt?',
      caseHolderName: 'Sanne de Vries',
      locale: 'nl',
      date: '2026-11-27',
      facilitator: null,
    },
    participants: trace.participantIds.map((id, i) => ({ id, name: `Deelnemer ${i + 1}`, consentToBeNamed: i % 3 !== 0 })),
    tables: [{ id: 't1', name: 'Tafel 1', doc: trace.doc }],
    plenary: null,
    dotBudget: 3,
  };
  const build: number[] = [];
  let report: unknown = null;
  for (let i = 0; i < options.repeats; i++) {
    const t0 = performance.now();
    report = modules.buildReport(input);
    build.push(performance.now() - t0);
  }
  const formats: ExportTiming[] = [];
  for (const format of modules.formats) {
    options.log(`exports: ${format}`);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < options.repeats; i++) {
      const t0 = performance.now();
      const out = await modules.render(report, format);
      times.push(performance.now() - t0);
      bytes = typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength;
    }
    formats.push({ format, bytes, firstMs: times[0]!, ms: percentiles(times) });
  }
  trace.doc.destroy();
  return { measured: true, cards: options.cards, buildReportMs: percentiles(build), formats };
}
