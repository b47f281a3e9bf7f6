import type { FastifyReply } from 'fastify';
import { AppError, REPORT_FORMATS, type Locale, type Report, type ReportFormat } from '@casusbord/shared';
import { CONTENT_TYPES, isLocale, isReportFormat, reportFilename } from '../export/formats';
import { REPORT_CSP } from '../export/html';

/** Headers of every report response: private, never cached or sniffed, no referrer (a token may be in the URL). */
export const PRIVATE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
};

/** Sends a rendered report as a download (`casusbord-<city>-<date>.<ext>`); HTML with its own CSP. */
export function sendReportFile(reply: FastifyReply, report: Report, format: ReportFormat, body: Buffer): FastifyReply {
  reply
    .headers(PRIVATE_HEADERS)
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${reportFilename(report, format)}"`);
  if (format === 'html') reply.header('content-security-policy', REPORT_CSP);
  return reply.send(body);
}

/** `?lang=nl|en` shows the report's fixed words in that language; absent means the session's language. */
export function parseLang(value: unknown): Locale | undefined {
  if (value === undefined) return undefined;
  if (!isLocale(value)) throw new AppError('validation_failed', 'lang must be nl or en');
  return value;
}

export function parseFormat(value: unknown): ReportFormat {
  const format = value ?? 'html';
  if (!isReportFormat(format)) {
    throw new AppError('validation_failed', `format must be one of ${REPORT_FORMATS.join(', ')}`);
  }
  return format;
}
