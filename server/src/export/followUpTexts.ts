import {
  FOLLOW_UP_STATUSES,
  countFollowUp,
  type FollowUpStatus,
  type Locale,
  type ReportFollowUp,
} from '@casusbord/shared';

/**
 * The report section of a follow-up session (issue 9), in both languages, as plain lines every
 * format renders the same way. User text (advice, notes, the earlier title) passes through
 * unchanged; each renderer escapes it for its own format.
 */

interface FollowUpTexts {
  heading: string;
  intro(title: string, date: string): string;
  status: Record<FollowUpStatus | 'unmarked', string>;
  dots(n: number): string;
  noItems: string;
}

const nl: FollowUpTexts = {
  heading: 'Wat werd er van eerdere adviezen',
  intro: (title, date) =>
    `Terugblik op de bijeenkomst "${title}" van ${date}: de casusinbrenger vertelt per advies wat ermee gebeurd is.`,
  status: {
    done: 'Gedaan',
    in_progress: 'Mee bezig',
    dropped: 'Losgelaten',
    not_started: 'Nog niet begonnen',
    unmarked: 'Niet besproken',
  },
  dots: (n) => (n === 1 ? '1 stip' : `${n} stippen`),
  noItems: 'De eerdere bijeenkomst had geen adviezen.',
};

const en: FollowUpTexts = {
  heading: 'What became of earlier advice',
  intro: (title, date) =>
    `Looking back on the session "${title}" of ${date}: the case holder tells what became of each piece of advice.`,
  status: {
    done: 'Done',
    in_progress: 'In progress',
    dropped: 'Dropped',
    not_started: 'Not started',
    unmarked: 'Not discussed',
  },
  dots: (n) => (n === 1 ? '1 dot' : `${n} dots`),
  noItems: 'The earlier session had no advice.',
};

export interface FollowUpLine {
  text: string;
  /** "Gedaan" / "Done" …, or the word for an advice nobody marked. */
  status: string;
  statusKey: FollowUpStatus | 'unmarked';
  dots: string;
  note: string;
}

export interface FollowUpSection {
  heading: string;
  intro: string;
  /** "Gedaan: 2 · Mee bezig: 1 · …", statuses that occur only. */
  summary: string;
  lines: FollowUpLine[];
  empty: string | null;
}

/** The section's words and lines, or null when the report is not of a follow-up session. */
export function followUpSection(
  followUp: ReportFollowUp | null | undefined,
  locale: Locale,
  formatDate: (isoDay: string) => string,
): FollowUpSection | null {
  if (!followUp) return null;
  const t = locale === 'en' ? en : nl;
  const counts = countFollowUp(followUp.items);
  const summary = [...FOLLOW_UP_STATUSES, 'unmarked' as const]
    .filter((s) => counts[s] > 0)
    .map((s) => `${t.status[s]}: ${counts[s]}`)
    .join(' · ');
  return {
    heading: t.heading,
    intro: t.intro(followUp.ofTitle, formatDate(followUp.ofDate)),
    summary,
    lines: followUp.items.map((i) => ({
      text: i.text,
      status: t.status[i.status ?? 'unmarked'],
      statusKey: i.status ?? 'unmarked',
      dots: t.dots(i.dots),
      note: i.note,
    })),
    empty: followUp.items.length === 0 ? t.noItems : null,
  };
}
