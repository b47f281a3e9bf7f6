import type { Locale } from '../protocol/schemas';
import type { ArchiveDilemma, StoredArchiveEntry } from '../protocol/community';
import { VERDICTS, type Verdict } from './bookClub';
import { bookletTextsFor, type BookletTexts } from './bookletTexts';
import { dutchDay, formatIsoDay } from './days';
import { spreadOf } from './dilemma';

/**
 * The community booklet (issue 16) as plain data: what a newcomer reads first. From the archive
 * entries handed over in a period (Dutch calendar days, both ends included), one chapter per
 * theme with its lessons (learning points and adopted advice), from → to movements, reading list,
 * dilemmas with their spreads, and quotes of people who consented to be named. Pure: the words
 * come in the chosen language, renderers only lay out. Entries written before a field existed
 * simply lack it, so every field of an entry is read defensively.
 */

export interface BookletOptions {
  /** First day, `YYYY-MM-DD` (validated by bookletQuery). */
  from: string;
  /** Last day, included. */
  to: string;
  language: Locale;
  /** The community's name, for the title. */
  community?: string;
}

/** The session a line of the booklet comes from. */
export interface BookletSource {
  sessionId: string;
  title: string;
  city: string;
  /** `YYYY-MM-DD` of the handover, Dutch time. */
  day: string;
}

export interface BookletLesson {
  kind: 'learning' | 'adopted';
  /** "Leerpunt" / "Overgenomen advies" in the booklet's language. */
  label: string;
  text: string;
  /** The case holder's note with an adopted advice, else null. */
  note: string | null;
  source: BookletSource;
}

export interface BookletMovement {
  from: string;
  to: string;
  dots: number;
  dotsLabel: string;
  source: BookletSource;
}

export interface BookletReading {
  title: string;
  author: string;
  link: string;
  verdict: Verdict;
  verdictLabel: string;
  why: string;
  reactions: string[];
  source: BookletSource;
}

export interface BookletDilemma {
  text: string;
  left: string;
  right: string;
  /** Each marker between 0 (left pole) and 1 (right pole), ascending. */
  positions: number[];
  /** The spread in words: a chart's alt text and the line under it. */
  summary: string;
  source: BookletSource;
}

export interface BookletQuote {
  text: string;
  author: string;
  source: BookletSource;
}

export interface BookletChapter {
  /** Stable within one booklet: `theme-1`, `theme-2`, … */
  id: string;
  title: string;
  /** "3 bijeenkomsten" */
  sessionsLabel: string;
  sessions: BookletSource[];
  lessons: BookletLesson[];
  movements: BookletMovement[];
  readings: BookletReading[];
  dilemmas: BookletDilemma[];
  quotes: BookletQuote[];
}

export interface Booklet {
  language: Locale;
  from: string;
  to: string;
  texts: BookletTexts;
  title: string;
  /** "Bijeenkomsten van 1 januari 2025 tot en met 31 december 2025" */
  periodLabel: string;
  /** How many archive entries fall in the period. */
  sessionCount: number;
  chapters: BookletChapter[];
}

type Entry = Partial<StoredArchiveEntry> & Pick<StoredArchiveEntry, 'sessionId' | 'handedOverAt'>;

const themeKey = (theme: string) => theme.trim().toLocaleLowerCase('nl');
const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);

/** Markers within a third of the line from a pole count toward it; the rest are in the middle. */
function spread(d: ArchiveDilemma, t: BookletTexts): { positions: number[]; summary: string } {
  const positions = list(d.positions)
    .filter((p) => typeof p === 'number' && Number.isFinite(p))
    .map((p) => Math.min(1, Math.max(0, p)))
    .sort((a, b) => a - b);
  const { left, middle, right } = spreadOf(positions);
  const summary = t.dilemmaSpread(positions.length, left, middle, right, d.left, d.right);
  return { positions, summary };
}

function chapterOf(id: string, title: string, entries: Entry[], t: BookletTexts): BookletChapter {
  const chapter: BookletChapter = {
    id,
    title,
    sessionsLabel: t.sessions(entries.length),
    sessions: [],
    lessons: [],
    movements: [],
    readings: [],
    dilemmas: [],
    quotes: [],
  };
  const seenLessons = new Set<string>();
  const lesson = (l: BookletLesson) => {
    const key = l.text.toLocaleLowerCase('nl');
    if (!l.text || seenLessons.has(key)) return;
    seenLessons.add(key);
    chapter.lessons.push(l);
  };
  const seenReadings = new Set<string>();
  for (const e of entries) {
    const source: BookletSource = {
      sessionId: e.sessionId,
      title: textOf(e.title),
      city: textOf(e.city),
      day: dutchDay(e.handedOverAt),
    };
    chapter.sessions.push(source);
    for (const text of list(e.learnings))
      lesson({ kind: 'learning', label: t.learning, text: textOf(text), note: null, source });
    for (const a of list(e.advice)) {
      if (a?.reaction !== 'adopt') continue;
      lesson({ kind: 'adopted', label: t.adopted, text: textOf(a.text), note: textOf(a.reactionNote) || null, source });
    }
    for (const m of list(e.movements)) {
      const [from, to] = [textOf(m?.from), textOf(m?.to)];
      if (!from && !to) continue;
      const dots = Number.isFinite(m.dots) ? Math.max(0, m.dots) : 0;
      chapter.movements.push({ from, to, dots, dotsLabel: t.dots(dots), source });
    }
    for (const r of list(e.readings)) {
      const title = textOf(r?.title);
      const key = `${title.toLocaleLowerCase('nl')}\n${textOf(r.author).toLocaleLowerCase('nl')}`;
      if (!title || !VERDICTS.includes(r.verdict) || seenReadings.has(key)) continue;
      seenReadings.add(key);
      chapter.readings.push({
        title,
        author: textOf(r.author),
        link: textOf(r.link),
        verdict: r.verdict,
        verdictLabel: t.verdict[r.verdict],
        why: textOf(r.why),
        reactions: list(r.reactions).map(textOf).filter(Boolean),
        source,
      });
    }
    for (const d of list(e.dilemmas)) {
      if (!textOf(d?.text)) continue;
      chapter.dilemmas.push({
        text: textOf(d.text),
        left: textOf(d.left),
        right: textOf(d.right),
        ...spread(d, t),
        source,
      });
    }
    for (const q of list(e.quotes)) {
      // Consent is the rule, not a default: anything but an explicit `true` keeps the quote out.
      if (q?.consent !== true || !textOf(q.text) || !textOf(q.author)) continue;
      chapter.quotes.push({ text: textOf(q.text), author: textOf(q.author), source });
    }
  }
  chapter.movements.sort((a, b) => b.dots - a.dots);
  const rank = (v: Verdict) => VERDICTS.indexOf(v);
  chapter.readings.sort((a, b) => rank(a.verdict) - rank(b.verdict));
  return chapter;
}

/** True when a chapter has nothing to show but its sessions. */
export function isEmptyChapter(c: BookletChapter): boolean {
  return !c.lessons.length && !c.movements.length && !c.readings.length && !c.dilemmas.length && !c.quotes.length;
}

export function buildBooklet(entries: readonly Entry[], options: BookletOptions): Booklet {
  const t = bookletTextsFor(options.language);
  const inPeriod = entries
    .filter((e) => Number.isFinite(e.handedOverAt))
    .filter((e) => {
      const day = dutchDay(e.handedOverAt);
      return day >= options.from && day <= options.to;
    })
    // Oldest first: a chapter reads as the story of its theme.
    .sort((a, b) => a.handedOverAt - b.handedOverAt || (a.sessionId < b.sessionId ? -1 : 1));

  const groups = new Map<string, { title: string; entries: Entry[] }>();
  const unthemed: Entry[] = [];
  for (const e of inPeriod) {
    const theme = textOf(e.theme);
    if (!theme) {
      unthemed.push(e);
      continue;
    }
    const group = groups.get(themeKey(theme)) ?? { title: theme, entries: [] };
    group.entries.push(e);
    groups.set(themeKey(theme), group);
  }
  const themed = [...groups.values()].sort((a, b) => a.title.localeCompare(b.title, options.language));
  if (unthemed.length > 0) themed.push({ title: t.noTheme, entries: unthemed });

  return {
    language: options.language,
    from: options.from,
    to: options.to,
    texts: t,
    title: t.title(options.community?.trim() || 'Casusbord'),
    periodLabel: t.period(formatIsoDay(options.from, t.lang), formatIsoDay(options.to, t.lang)),
    sessionCount: inPeriod.length,
    chapters: themed.map((g, i) => chapterOf(`theme-${i + 1}`, g.title, g.entries, t)),
  };
}
