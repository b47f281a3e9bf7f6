import { DILEMMA_SCALE, bookletTextsFor, spreadOf, type Locale, type ReportDilemma } from '@casusbord/shared';

/**
 * The report's words around the dilemma lines (issue 16), in both languages, for every format,
 * and the spread as fractions for the dot plot (dotPlot.ts). What people wrote passes through
 * unchanged; each renderer escapes it. The spread in words is the booklet's sentence.
 */
export interface DilemmaTexts {
  heading: string;
  intro: string;
  notRevealed(count: number): string;
  /** The spread in words: alt text of the plot, and the line under it. */
  summary(d: ReportDilemma): string;
  /** Markdown: the positions as numbers under the text plot. */
  positions(d: ReportDilemma): string;
}

const nl: DilemmaTexts = {
  heading: 'Dilemma’s',
  intro:
    'Waar de deelnemers zich plaatsten tussen de twee polen van elk dilemma. Elke stip is één deelnemer; namen staan er niet bij.',
  notRevealed: (n) =>
    `Niet onthuld: ${n === 1 ? '1 deelnemer heeft een marker' : `${n} deelnemers hebben een marker`} geplaatst; waar die staan, is niet getoond.`,
  summary: (d) => spreadSentence(d, 'nl'),
  positions: (d) => `Posities (0 = „${d.left}”, ${DILEMMA_SCALE} = „${d.right}”): ${d.positions.join(', ')}`,
};

const en: DilemmaTexts = {
  heading: 'Dilemmas',
  intro:
    'Where the participants placed themselves between the two poles of each dilemma. Each dot is one participant; no names are shown.',
  notRevealed: (n) =>
    `Not revealed: ${n === 1 ? '1 participant has' : `${n} participants have`} placed a marker; where they are was not shown.`,
  summary: (d) => spreadSentence(d, 'en'),
  positions: (d) => `Positions (0 = “${d.left}”, ${DILEMMA_SCALE} = “${d.right}”): ${d.positions.join(', ')}`,
};

/** Positions as the dot plot takes them: 0 … 1 from the left pole. */
export const fractions = (d: ReportDilemma) => d.positions.map((p) => p / DILEMMA_SCALE);

function spreadSentence(d: ReportDilemma, locale: Locale): string {
  const { left, middle, right } = spreadOf(fractions(d));
  return bookletTextsFor(locale).dilemmaSpread(d.positions.length, left, middle, right, d.left, d.right);
}

export function dilemmaTextsFor(locale: Locale): DilemmaTexts {
  return locale === 'en' ? en : nl;
}

/** The spread as one line of text for Markdown: `●` for a marker, a digit where several stand together. */
export function textPlot(d: ReportDilemma, cells = 41): string {
  const counts = new Array<number>(cells).fill(0);
  for (const p of d.positions) counts[Math.round((p / DILEMMA_SCALE) * (cells - 1))]!++;
  return counts.map((n) => (n === 0 ? '─' : n === 1 ? '●' : n > 9 ? '+' : String(n))).join('');
}
