import type { Report, ReportSection } from '@casusbord/shared';
import { escapeHtml as e } from './charts';
import { movementTextsFor } from './movementTexts';

/**
 * Issue 16's parts of the web report (html.ts): the from → to table. Every user string is
 * HTML-escaped; line breaks are kept by the `user` class (white-space: pre-line).
 */

/** CSS these parts add to the page's one style sheet. */
export const FORMS_CSS = `
table.movements { width: 100%; border-collapse: collapse; margin: 8px 0 16px; }
table.movements th { text-align: left; color: var(--muted); font-size: 14px; padding: 4px 8px; border-bottom: 2px solid var(--line); }
table.movements td { padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.movements td.arrow, table.movements th.arrow { width: 24px; text-align: center; color: var(--muted); }
table.movements td.dots { white-space: nowrap; color: var(--accent); font-weight: 600; }
@media print { table.movements tr { break-inside: avoid; } }
`;

/** The board's from → to table, most dots first, each row's dots as dots and as a number. */
export function movementsHtml(s: ReportSection, report: Report, h: string): string {
  const m = movementTextsFor(report.session.locale);
  const rows = s.movements.map(
    (r) =>
      `<tr><td class="user">${e(r.from)}</td><td class="arrow" aria-hidden="true">→</td><td class="user">${e(r.to)}</td>` +
      `<td class="dots"><span aria-hidden="true">${'●'.repeat(Math.min(r.dots, 10))} </span>${e(m.dots(r.dots))}</td></tr>`,
  );
  return (
    `<${h}>${e(m.heading)}</${h}><p class="note">${e(m.intro)}</p>` +
    `<table class="movements" data-testid="report-movements"><thead><tr><th scope="col">${e(m.colFrom)}</th>` +
    `<th class="arrow" aria-hidden="true">→</th><th scope="col">${e(m.colTo)}</th><th scope="col">${e(m.colDots)}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}
