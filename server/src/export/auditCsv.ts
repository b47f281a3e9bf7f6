import type { AuditEntry } from '../store/Store';

/**
 * The audit log as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or
 * line break in double quotes with its quotes doubled). A spreadsheet would run a cell that starts
 * with = + - @ (or a tab or CR) as a formula; such cells get a leading apostrophe (OWASP's advice
 * against CSV injection), so an address or a detail a client chose cannot become one.
 */

export const AUDIT_CSV_HEADER = ['time', 'role', 'participant_id', 'address', 'action', 'detail'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The header row and one row per entry, in the order given (the store's: oldest first). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  let csv = row(AUDIT_CSV_HEADER);
  for (const e of entries) {
    csv += row([
      new Date(e.at).toISOString(),
      e.role,
      e.participantId ?? '',
      e.address ?? '',
      e.action,
      Object.keys(e.detail).length ? JSON.stringify(e.detail) : '',
    ]);
  }
  return csv;
}
