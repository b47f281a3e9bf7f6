import { formatIsoDay, type Locale, type Rating, type Reaction, type Report, type ReportSection } from '@casusbord/shared';

/** The fixed words of the report in Dutch (the default) and English; user text never passes through here. */
export interface ReportTexts {
  locale: Locale;
  /** BCP 47 tag for Intl and the HTML lang attribute. */
  lang: string;
  reportTitle: string;
  city: string;
  date: string;
  caseHolder: string;
  facilitator: string;
  coreQuestion: string;
  participants: string;
  advice: string;
  pitfalls: string;
  opportunities: string;
  questions: string;
  learnings: string;
  dotsChart: string;
  reactionsOverview: string;
  reactionsTable: string;
  reactionOfCaseHolder: string;
  cluster: string;
  other: string;
  noAdvice: string;
  noCards: string;
  plenary: string;
  caseDay: string;
  intervision: string;
  colRank: string;
  colAdvice: string;
  colDots: string;
  colReaction: string;
  colNote: string;
  madeWith: string;
  anonymous: string;
  /** The report in the other language: its locale, and the link text in that language. */
  otherLocale: Locale;
  otherLanguage: string;
  otherLanguageLabel: string;
  reaction: Record<Reaction | 'none', string>;
  /** The case holder's rating of a question (Socratic intervision). */
  rating: Record<Rating, string>;
  dots(n: number): string;
  dotBudget(n: number): string;
  fromTable(name: string): string;
  participantsLine(named: string[], unnamed: number): string;
  formatDate(isoDay: string): string;
}

const nl: ReportTexts = {
  locale: 'nl',
  lang: 'nl-NL',
  reportTitle: 'Adviesrapport',
  city: 'Gemeente',
  date: 'Datum',
  caseHolder: 'Casusinbrenger',
  facilitator: 'Procesbegeleider',
  coreQuestion: 'Kernvraag',
  participants: 'Deelnemers',
  advice: 'Adviezen',
  pitfalls: 'Valkuilen',
  opportunities: 'Kansen',
  questions: 'Verhelderende vragen',
  learnings: 'Leerpunten',
  dotsChart: 'Stippen per advies',
  reactionsOverview: 'Reacties van de casusinbrenger',
  reactionsTable: 'Overzicht van de reacties',
  reactionOfCaseHolder: 'Reactie',
  cluster: 'Thema',
  other: 'Overig',
  noAdvice: 'Er zijn geen adviezen gegeven.',
  noCards: 'Geen.',
  plenary: 'Plenair',
  caseDay: 'Casusdag',
  intervision: 'Intervisie',
  colRank: 'Nr.',
  colAdvice: 'Advies',
  colDots: 'Stippen',
  colReaction: 'Reactie',
  colNote: 'Toelichting',
  madeWith: 'Gemaakt met Casusbord',
  anonymous: 'anoniem',
  otherLocale: 'en',
  otherLanguage: 'English',
  otherLanguageLabel: 'Read this report in English',
  reaction: { adopt: 'Overnemen', consider: 'Overwegen', 'not-now': 'Niet nu', none: 'Nog geen reactie' },
  rating: { warm: 'Warm', neutral: 'Neutraal', cold: 'Koud' },
  dots: (n) => (n === 1 ? '1 stip' : `${n} stippen`),
  dotBudget: (n) => `Iedere deelnemer kon ${n === 1 ? '1 stip' : `${n} stippen`} verdelen.`,
  fromTable: (name) => `uit ${name}`,
  participantsLine: (named, unnamed) => {
    const rest = unnamed === 1 ? '1 deelnemer' : `${unnamed} deelnemers`;
    if (named.length === 0) return unnamed === 0 ? 'Geen deelnemers.' : `${rest} (niet bij naam genoemd).`;
    if (unnamed === 0) return `${named.join(', ')}.`;
    return `${named.join(', ')} en ${unnamed === 1 ? '1 andere deelnemer' : `${unnamed} andere deelnemers`} (niet bij naam genoemd).`;
  },
  formatDate: (d) => formatIsoDay(d, 'nl-NL'),
};

const en: ReportTexts = {
  locale: 'en',
  lang: 'en-GB',
  reportTitle: 'Advice report',
  city: 'City',
  date: 'Date',
  caseHolder: 'Case holder',
  facilitator: 'Facilitator',
  coreQuestion: 'Core question',
  participants: 'Participants',
  advice: 'Advice',
  pitfalls: 'Pitfalls',
  opportunities: 'Opportunities',
  questions: 'Clarifying questions',
  learnings: 'Learning points',
  dotsChart: 'Dots per piece of advice',
  reactionsOverview: "The case holder's reactions",
  reactionsTable: 'Overview of the reactions',
  reactionOfCaseHolder: 'Reaction',
  cluster: 'Theme',
  other: 'Other',
  noAdvice: 'No advice was given.',
  noCards: 'None.',
  plenary: 'Plenary',
  caseDay: 'Case day',
  intervision: 'Intervision',
  colRank: 'No.',
  colAdvice: 'Advice',
  colDots: 'Dots',
  colReaction: 'Reaction',
  colNote: 'Note',
  madeWith: 'Made with Casusbord',
  anonymous: 'anonymous',
  otherLocale: 'nl',
  otherLanguage: 'Nederlands',
  otherLanguageLabel: 'Lees dit rapport in het Nederlands',
  reaction: { adopt: 'Adopt', consider: 'Consider', 'not-now': 'Not now', none: 'No reaction yet' },
  rating: { warm: 'Warm', neutral: 'Neutral', cold: 'Cold' },
  dots: (n) => (n === 1 ? '1 dot' : `${n} dots`),
  dotBudget: (n) => `Each participant had ${n === 1 ? '1 dot' : `${n} dots`} to give.`,
  fromTable: (name) => `from ${name}`,
  participantsLine: (named, unnamed) => {
    const rest = unnamed === 1 ? '1 participant' : `${unnamed} participants`;
    if (named.length === 0) return unnamed === 0 ? 'No participants.' : `${rest} (not named).`;
    if (unnamed === 0) return `${named.join(', ')}.`;
    return `${named.join(', ')} and ${unnamed === 1 ? '1 other participant' : `${unnamed} other participants`} (not named).`;
  },
  formatDate: (d) => formatIsoDay(d, 'en-GB'),
};

export function textsFor(locale: Locale): ReportTexts {
  return locale === 'en' ? en : nl;
}

/** Heading of a section: the table's name, "Plenair"/"Plenary", or nothing for a single board. */
export function sectionHeading(section: ReportSection, t: ReportTexts): string | null {
  if (section.kind === 'plenary') return t.plenary;
  if (section.kind === 'table') return section.name;
  return null;
}

/** "Casusdag" / "Intervisie" — the kind of session, shown on the title page. */
export function sessionKind(report: Report, t: ReportTexts): string {
  return report.caseDay ? t.caseDay : t.intervision;
}

/** A text cut to `max` characters at a word boundary where possible, for chart labels. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
