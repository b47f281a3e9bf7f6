import type { Percentiles } from './stats';

/** A hand-written SVG bar chart of latency percentiles, two or more series, on a log scale (ms). */

export interface Series {
  label: string;
  colour: string;
  latency: Percentiles;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fmt(ms: number): string {
  if (ms >= 100) return `${Math.round(ms)}`;
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export function latencyChartSvg(title: string, subtitle: string, series: Series[]): string {
  const keys = ['p50', 'p95', 'p99', 'max'] as const;
  const width = 720;
  const height = 400;
  const left = 64;
  const right = 24;
  const top = 70;
  const bottom = 56;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const values = series.flatMap((s) => keys.map((k) => s.latency[k])).filter((v) => v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.max(0.01, Math.min(...values, 1)))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values, 10))));
  const y = (v: number) => top + plotH - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="26" font-size="16" font-weight="bold" fill="#1a1a1a">${esc(title)}</text>`,
    `<text x="${left}" y="46" fill="#555">${esc(subtitle)}</text>`,
  );
  // Grid lines at each power of ten, labelled.
  for (let v = lo; v <= hi * 1.001; v *= 10) {
    const yy = y(v).toFixed(1);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}" stroke="#e3e3e3"/>`);
    const tick = v >= 1 ? String(Math.round(v)) : String(Number(v.toPrecision(1)));
    parts.push(`<text x="${left - 8}" y="${yy}" text-anchor="end" dominant-baseline="middle" fill="#555">${tick}</text>`);
  }
  parts.push(
    `<text x="16" y="${top + plotH / 2}" transform="rotate(-90 16 ${top + plotH / 2})" text-anchor="middle" fill="#555">edit → peer latency, ms (log scale)</text>`,
  );
  const groupW = plotW / keys.length;
  const barW = Math.min(56, (groupW * 0.7) / series.length);
  keys.forEach((key, gi) => {
    const gx = left + gi * groupW + (groupW - barW * series.length) / 2;
    series.forEach((s, si) => {
      const v = s.latency[key];
      const x = gx + si * barW;
      const yy = y(v);
      const h = top + plotH - yy;
      parts.push(`<rect x="${x.toFixed(1)}" y="${yy.toFixed(1)}" width="${(barW - 4).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${s.colour}"><title>${esc(`${s.label} ${key}: ${fmt(v)} ms`)}</title></rect>`);
      parts.push(`<text x="${(x + (barW - 4) / 2).toFixed(1)}" y="${(yy - 5).toFixed(1)}" text-anchor="middle" font-size="11" fill="#1a1a1a">${fmt(v)}</text>`);
    });
    parts.push(`<text x="${(left + gi * groupW + groupW / 2).toFixed(1)}" y="${top + plotH + 20}" text-anchor="middle" fill="#1a1a1a">${key}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#888"/>`);
  // Legend.
  let lx = left;
  series.forEach((s) => {
    const ly = height - 18;
    parts.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${s.colour}"/>`);
    parts.push(`<text x="${lx + 18}" y="${ly}" fill="#1a1a1a">${esc(s.label)}</text>`);
    lx += 40 + s.label.length * 6.6;
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
