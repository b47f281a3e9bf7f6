import { LOCALES, REPORT_FORMATS, type Locale, type Report, type ReportFormat } from '@casusbord/shared';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The report in another language than the session's (the fixed words only; what people wrote stays as written). */
export function inLocale(report: Report, locale: Locale | undefined): Report {
  if (!locale || locale === report.session.locale) return report;
  return { ...report, session: { ...report.session, locale } };
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * Starts loading the Word and PDF renderers, so the first download does not wait for them: called
 * when a report becomes reachable (the handover). Resolves when both are loaded.
 */
export async function warmExports(): Promise<void> {
  await Promise.all([import('./docx'), import('./pdf')]);
}

/**
 * Word and PDF are loaded on the first export that needs them: docx and pdfkit take about 35 MB
 * of memory, which a server that never exports (or not yet) does not pay.
 */
export async function renderReport(report: Report, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(renderHtml(report), 'utf8');
    case 'md':
      return Buffer.from(renderMarkdown(report), 'utf8');
    case 'docx':
      return (await import('./docx')).renderDocx(report);
    case 'pdf':
      return (await import('./pdf')).renderPdf(report);
  }
}

/** "’s-Hertogenbosch" → "s-hertogenbosch": ASCII only, so the filename needs no encoding in a header. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'rapport';
}

/** `casusbord-<city>-<yyyy-mm-dd>.<ext>` */
export function reportFilename(report: Report, format: ReportFormat): string {
  return `casusbord-${slug(report.session.city)}-${report.session.date}.${format}`;
}
