import type { Locale, ReportSessionMeta } from '@casusbord/shared';

/** The session part of a report's input, for the unit suites that build a report of their own. */
export function reportSession(locale: Locale = 'nl'): ReportSessionMeta {
  return {
    title: 'Intervisie',
    city: 'Zwolle',
    question: 'Hoe?',
    caseHolderName: null,
    locale,
    date: '2026-03-01',
    facilitator: null,
  };
}
