import type { Report, ReportSection } from '@casusbord/shared';
import { escapeHtml as e } from './charts';
import { movementTextsFor } from './movementTexts';
import { dilemmaTextsFor, fractions } from './dilemmaTexts';
import { dotPlotSvg } from './dotPlot';

/**
 * Issue 16's parts of the web report (html.ts): the from → to table and the dilemma lines. Every user string is
 * HTML-escaped; line breaks are kept by the `user` class (white-space: pre-line).
 */

/** CSS these parts add to the page's one style sheet. */
export const FORMS_CSS = `
table.movements { width: 100%; border-collapse: collapse; margin: 8px 0 16px; }
table.movements th { text-align: left; color: var(--muted); font-size: 14px; padding: 4px 8px; border-bottom: 2px solid var(--line); }
table.movements td { padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.movements td.arrow, table.movements th.arrow { width: 24px; text-align: center; color: var(--muted); }
table.movements td.dots { white-space: nowrap; color: var(--accent); font-weight: 600; }
figure.dilemma { margin: 16px 0 24px; }
figure.dilemma .plot svg { display: block; width: 100%; height: auto; max-width: 640px; }
figure.dilemma .poles { display: flex; justify-content: space-between; gap: 16px; max-width: 640px; color: var(--muted); font-size: 14px; }
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

/**
 * The dilemma lines: each revealed spread as a dot plot (inline SVG, no text inside; the poles
 * under it and the spread in words as its accessible name), an unrevealed one as a count only.
 */
export function dilemmasHtml(report: Report): string {
  if (report.dilemmas.length === 0) return '';
  const t = dilemmaTextsFor(report.session.locale);
  const figures = report.dilemmas.map((d) => {
    const title = d.text ? `<figcaption class="user">${e(d.text)}</figcaption>` : '';
    const poles = `<div class="poles"><span class="user">← ${e(d.left)}</span><span class="user">${e(d.right)} →</span></div>`;
    if (!d.revealed)
      return `<figure class="dilemma" data-testid="report-dilemma">${title}${poles}<p class="note">${e(t.notRevealed(d.count))}</p></figure>`;
    const summary = t.summary(d);
    const plot = `<div class="plot" role="img" aria-label="${e(summary)}">${dotPlotSvg(fractions(d), 640).svg}</div>`;
    return `<figure class="dilemma" data-testid="report-dilemma">${title}${plot}${poles}<p class="note">${e(summary)}</p></figure>`;
  });
  return `<section class="board dilemmas" data-testid="report-dilemmas"><h2>${e(t.heading)}</h2><p class="note">${e(t.intro)}</p>${figures.join('')}</section>`;
}
