import { stackDots } from '@casusbord/shared';

/**
 * The spread of a dilemma line as a dot plot (issue 16): one dot per marker on a line between the
 * two poles; dots that would overlap stack upwards, so a crowd at one spot shows as a column.
 * The layout (stackDots, shared/src/domain/dilemma.ts) is shared by the PDF (vector shapes), Word
 * (the same shapes as an SVG, rasterised), the web report and the board and beamer.
 */

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
