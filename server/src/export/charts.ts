import { REACTION_ORDER, type Reaction, type ReactionCounts, type ReportAdvice } from '@casusbord/shared';
import { shorten, type ReportTexts } from './texts';

/** Colours per reaction, shared by the web page, the PDF and the Word table (hex without '#'). */
export const REACTION_COLOURS: Record<Reaction | 'none', string> = {
  adopt: '2E7D32',
  consider: 'B26A00',
  'not-now': '5F6B7A',
  none: 'C9CED6',
};

export const BAR_COLOUR = '1F5FA8';

/** Label length in the dot charts; the full text is in the numbered list right next to it. */
export const CHART_LABEL_CHARS = 60;
const SVG_LABEL_CHARS = 54;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Dots per advice as an inline SVG (prints in colour and scales, unlike CSS backgrounds). Labels
 * are escaped user text; the SVG has no scripts, links or external references.
 */
export function dotsChartSvg(advice: readonly ReportAdvice[], t: ReportTexts): string {
  const rowHeight = 26;
  // Room for SVG_LABEL_CHARS at 12 px; the viewBox scales the whole chart to the page width.
  const labelWidth = 400;
  const barMax = 200;
  const width = labelWidth + barMax + 50;
  const height = advice.length * rowHeight + 8;
  const max = Math.max(1, ...advice.map((a) => a.dots));
  const rows = advice.map((a, i) => {
    const y = 4 + i * rowHeight;
    const w = a.dots === 0 ? 0 : Math.max(2, Math.round((a.dots / max) * barMax));
    const label = escapeHtml(`${a.rank}. ${shorten(a.text, SVG_LABEL_CHARS)}`);
    return (
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${label}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" rx="2" fill="#${BAR_COLOUR}"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 17}">${a.dots}</text>`
    );
  });
  const title = escapeHtml(t.dotsChart);
  return (
    `<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="100%" ` +
    `xmlns="http://www.w3.org/2000/svg" font-family="inherit" font-size="12">${rows.join('')}</svg>`
  );
}

/** One stacked bar of the reactions (adopt / consider / not now / none) with a legend under it. */
export function reactionsSvg(counts: ReactionCounts, t: ReportTexts): string {
  const width = 640;
  const total = REACTION_ORDER.reduce((sum, r) => sum + counts[r], 0);
  let x = 0;
  const parts: string[] = [];
  for (const r of REACTION_ORDER) {
    if (counts[r] === 0 || total === 0) continue;
    const w = (counts[r] / total) * width;
    parts.push(`<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="22" fill="#${REACTION_COLOURS[r]}"/>`);
    x += w;
  }
  const legend = REACTION_ORDER.map((r, i) => {
    const lx = i * 160;
    return (
      `<rect x="${lx}" y="34" width="12" height="12" fill="#${REACTION_COLOURS[r]}"/>` +
      `<text x="${lx + 18}" y="45">${escapeHtml(t.reaction[r])}: ${counts[r]}</text>`
    );
  });
  return (
    `<svg class="reactions" role="img" aria-label="${escapeHtml(t.reactionsOverview)}" viewBox="0 0 ${width} 52" ` +
    `width="100%" xmlns="http://www.w3.org/2000/svg" font-family="inherit" font-size="12">` +
    `<rect x="0" y="0" width="${width}" height="22" fill="#F1F3F6"/>${parts.join('')}${legend.join('')}</svg>`
  );
}

/**
 * What the dots chart shows, in words: its alternative text in the PDF (Figure /Alt) and the
 * Word table's description. Every advice with its dots, in rank order, so nothing is only visual.
 */
export function dotsChartAlt(advice: readonly ReportAdvice[], t: ReportTexts): string {
  const rows = advice.map((a) => `${a.rank}. ${shorten(a.text, CHART_LABEL_CHARS)}: ${t.dots(a.dots)}`);
  return `${t.dotsChart}: ${rows.join('; ')}.`;
}

/** The reaction bar in words: every reaction with its count, in the bar's order. */
export function reactionsAlt(counts: ReactionCounts, t: ReportTexts): string {
  return `${t.reactionsOverview}: ${REACTION_ORDER.map((r) => `${t.reaction[r]} ${counts[r]}`).join(', ')}.`;
}
