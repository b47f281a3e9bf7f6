import type { Locale, ReportMovement } from '@casusbord/shared';

/**
 * The report's words around the from → to table (issue 16), in both languages, for every format.
 * What people wrote in the cells passes through unchanged; each renderer escapes it.
 */
export interface MovementTexts {
  heading: string;
  intro: string;
  colFrom: string;
  colTo: string;
  colDots: string;
  dots(n: number): string;
  /** The table in words: Word's table description, the PDF table's summary. */
  alt(rows: readonly ReportMovement[]): string;
}

const nl: MovementTexts = {
  heading: 'Van → naar',
  intro: 'De beweging die de groep wil maken, regel voor regel; de stippen tonen waar de groep achter staat.',
  colFrom: 'Van',
  colTo: 'Naar',
  colDots: 'Stippen',
  dots: (n) => (n === 1 ? '1 stip' : `${n} stippen`),
  alt: (rows) => `Van → naar: ${rows.map((r) => `van ${r.from || '…'} naar ${r.to || '…'} (${nl.dots(r.dots)})`).join('; ')}.`,
};

const en: MovementTexts = {
  heading: 'From → to',
  intro: 'The movement the group wants to make, row by row; the dots show what the group stands behind.',
  colFrom: 'From',
  colTo: 'To',
  colDots: 'Dots',
  dots: (n) => (n === 1 ? '1 dot' : `${n} dots`),
  alt: (rows) => `From → to: ${rows.map((r) => `from ${r.from || '…'} to ${r.to || '…'} (${en.dots(r.dots)})`).join('; ')}.`,
};

export function movementTextsFor(locale: Locale): MovementTexts {
  return locale === 'en' ? en : nl;
}
