/**
 * The spread of a dilemma line as a dot plot (issue 16): one dot per marker on a line between the
 * two poles; dots that would overlap stack upwards, so a crowd at one spot shows as a column.
 * The layout is shared by the PDF (vector shapes) and Word (the same shapes as an SVG, rasterised).
 */

export interface PlotDot {
  /** 0 … 1 along the line (0 = left pole). */
  at: number;
  /** 0 for the bottom row, 1 for the dot stacked on it, … */
  level: number;
}

/** Dots closer than `minGap` (a fraction of the line) to a dot in the same row go one row up. */
export function stackDots(positions: readonly number[], minGap = 0.04): PlotDot[] {
  const rows: number[][] = [];
  return positions.map((at) => {
    let level = 0;
    while (rows[level]?.some((x) => Math.abs(x - at) < minGap)) level++;
    (rows[level] ??= []).push(at);
    return { at, level };
  });
}

export const PLOT_COLOUR = '1F5FA8';
const LINE_COLOUR = '8A93A3';

/** The plot as an SVG of `width` × its height in px (no text: the poles are named beside it). */
export function dotPlotSvg(positions: readonly number[], width = 480): { svg: string; width: number; height: number } {
  const r = 6;
  const pad = r + 2;
  const dots = stackDots(positions, (2 * r + 1) / (width - 2 * pad));
  const levels = Math.max(1, ...dots.map((d) => d.level + 1));
  const height = levels * (2 * r + 2) + 14;
  const base = height - 8;
  const x = (at: number) => (pad + at * (width - 2 * pad)).toFixed(1);
  const circles = dots.map(
    (d) =>
      `<circle cx="${x(d.at)}" cy="${(base - r - 2 - d.level * (2 * r + 2)).toFixed(1)}" r="${r}" fill="#${PLOT_COLOUR}"/>`,
  );
  const ticks = [0, 0.5, 1].map((at) => `<line x1="${x(at)}" y1="${base - 4}" x2="${x(at)}" y2="${base + 4}"/>`);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="#FFFFFF"/>` +
    `<g stroke="#${LINE_COLOUR}" stroke-width="2"><line x1="${x(0)}" y1="${base}" x2="${x(1)}" y2="${base}"/>${ticks.join('')}</g>` +
    `${circles.join('')}</svg>`;
  return { svg, width, height };
}
