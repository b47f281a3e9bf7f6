import {
  DILEMMA_SCALE,
  type ArchiveDilemma,
  type ArchiveMovement,
  type Report,
  type SearchDocument,
} from '@casusbord/shared';

/**
 * Issue 16's parts of a community's archive entry (archiveEntry.ts): the from → to rows of every
 * board, listed with their dots and searchable as "from → to", and the revealed dilemma lines.
 */

/** Every board's from → to rows, most dots first (a case day's tables and plenary together). */
export function archiveMovements(report: Report): ArchiveMovement[] {
  return report.sections
    .flatMap((s) => s.movements)
    .sort((a, b) => b.dots - a.dots)
    .map(({ id, from, to, dots }) => ({ id, from, to, dots }));
}

/** The search document of one row: both cells in one text, the row's id where a card's would be. */
export function movementDocument(m: ArchiveMovement): Omit<SearchDocument, 'index'> {
  return { kind: 'movement', column: null, cardId: m.id, text: `${m.from} → ${m.to}` };
}

/** The dilemma lines the host revealed, positions as fractions 0 … 1 (an unrevealed spread never leaves the session). */
export function archiveDilemmas(report: Report): ArchiveDilemma[] {
  return report.dilemmas
    .filter((d) => d.revealed)
    .map(({ id, text, left, right, positions }) => ({
      id,
      text,
      left,
      right,
      positions: positions.map((p) => p / DILEMMA_SCALE),
    }));
}
