import type { Locale, ReportReading, Verdict } from '@casusbord/shared';

/**
 * The report's words around the book club's reviews (issue 16), in both languages, for every
 * format. Titles, names and texts pass through unchanged; each renderer escapes them.
 */

interface ReadingTexts {
  heading: string;
  verdict: Record<Verdict, string>;
  reviewedBy: string;
  reactions: string;
}

const nl: ReadingTexts = {
  heading: 'Leeslijst',
  verdict: { 'must-read': 'moet je lezen', useful: 'bruikbaar', skip: 'kun je overslaan' },
  reviewedBy: 'besproken door',
  reactions: 'Reacties',
};

const en: ReadingTexts = {
  heading: 'Reading list',
  verdict: { 'must-read': 'must read', useful: 'useful', skip: 'you can skip it' },
  reviewedBy: 'reviewed by',
  reactions: 'Reactions',
};

export function readingTextsFor(locale: Locale): ReadingTexts {
  return locale === 'en' ? en : nl;
}

/** One review as plain lines: "Title — Author", "verdict · reviewed by X", the why, the link, reactions. */
export function readingLines(r: ReportReading, locale: Locale) {
  const t = readingTextsFor(locale);
  return {
    title: r.author ? `${r.title} — ${r.author}` : r.title,
    verdict: r.reviewer ? `${t.verdict[r.verdict]} · ${t.reviewedBy} ${r.reviewer}` : t.verdict[r.verdict],
    why: r.why,
    link: r.link,
    reactions: r.reactions.map((x) => (x.author ? `${x.text} — ${x.author}` : x.text)),
  };
}
