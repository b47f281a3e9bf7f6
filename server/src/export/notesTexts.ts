import type { Report } from '@casusbord/shared';

/**
 * The words around the case holder's private notes (issue 15), in both languages. They appear only
 * in the case holder's own copy of the report; each renderer escapes the notes for its format.
 */

export interface CaseHolderNotesSection {
  heading: string;
  /** Says whose copy this is and that nobody else saw the notes. */
  intro: string;
  notes: string;
}

const nl = {
  heading: 'Eigen aantekeningen',
  intro: 'Alleen in het exemplaar van de casusinbrenger: deze aantekeningen heeft niemand anders gezien.',
};

const en = {
  heading: 'Own notes',
  intro: "Only in the case holder's copy: nobody else has seen these notes.",
};

/** The notes section of the case holder's copy; null in every other report. */
export function caseHolderNotesSection(report: Report): CaseHolderNotesSection | null {
  if (!report.caseHolderNotes) return null;
  return { ...(report.session.locale === 'en' ? en : nl), notes: report.caseHolderNotes };
}
