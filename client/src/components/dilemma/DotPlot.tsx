import { DILEMMA_SCALE, bookletTextsFor, spreadOf, stackDots, type DilemmaView, type Locale } from '@casusbord/shared';

/** The spread in words (the booklet's sentence): the plot's accessible name and its caption. */
export function spreadSummary(d: DilemmaView, locale: Locale): string {
  const positions = (d.positions ?? []).map((p) => p / DILEMMA_SCALE);
  const { left, middle, right } = spreadOf(positions);
  return bookletTextsFor(locale).dilemmaSpread(positions.length, left, middle, right, d.left, d.right);
}

const WIDTH = 600;
const R = 8;
const PAD = R + 2;

/**
 * Issue 16: markers on the line between two poles as an SVG dot plot (the layout of the report's,
 * stackDots in shared): one dot per position (0 … 100), dots that would overlap stacked. `mine`
 * marks the viewer's own dot. No text inside; `label` names the picture.
 */
export function DotPlot({
  positions,
  mine,
  label,
  testId,
}: {
  positions: readonly number[];
  mine: number | null;
  label: string;
  testId: string;
}) {
  const dots = stackDots(
    positions.map((p) => p / DILEMMA_SCALE),
    (2 * R + 1) / (WIDTH - 2 * PAD),
  );
  const levels = Math.max(1, ...dots.map((d) => d.level + 1));
  const height = levels * (2 * R + 2) + 16;
  const base = height - 8;
  const x = (at: number) => PAD + at * (WIDTH - 2 * PAD);
  const mineIndex = mine === null ? -1 : positions.indexOf(mine);
  return (
    <svg
      className="dot-plot"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${height}`}
      data-testid={testId}
      data-dots={positions.length}
    >
      <line className="dot-plot-line" x1={x(0)} y1={base} x2={x(1)} y2={base} />
      {[0, 0.5, 1].map((at) => (
        <line key={at} className="dot-plot-line" x1={x(at)} y1={base - 5} x2={x(at)} y2={base + 5} />
      ))}
      {dots.map((d, i) => (
        <circle
          key={i}
          className={i === mineIndex ? 'dot-plot-dot mine' : 'dot-plot-dot'}
          cx={x(d.at)}
          cy={base - R - 2 - d.level * (2 * R + 2)}
          r={R}
        />
      ))}
    </svg>
  );
}
