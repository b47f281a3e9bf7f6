import type { Locale } from '../protocol/schemas';
import type { Verdict } from './bookClub';

/**
 * The fixed words of the community booklet (issue 16) in Dutch and English. The model puts them
 * in the booklet, so the Word and PDF renderers only lay out; user text never passes through here.
 */
export interface BookletTexts {
  /** BCP 47 tag: document language and date formatting. */
  lang: string;
  kicker: string;
  title: (community: string) => string;
  period: (from: string, to: string) => string;
  introHeading: string;
  intro: string[];
  tocHeading: string;
  /** Shown instead of chapters when no session of the community was handed over in the period. */
  emptyPeriod: string;
  /** A chapter with sessions but nothing for any section yet. */
  emptyChapter: string;
  noTheme: string;
  sessions: (n: number) => string;
  lessons: string;
  learning: string;
  adopted: string;
  movements: string;
  movementsIntro: string;
  colFrom: string;
  colTo: string;
  colDots: string;
  dots: (n: number) => string;
  readings: string;
  verdict: Record<Verdict, string>;
  dilemmas: string;
  dilemmaSpread: (count: number, left: number, middle: number, right: number, l: string, r: string) => string;
  quotes: string;
  madeWith: string;
}

const nl: BookletTexts = {
  lang: 'nl-NL',
  kicker: 'Boekje van de community',
  title: (community) => `Wat we leerden — ${community}`,
  period: (from, to) => `Bijeenkomsten van ${from} tot en met ${to}`,
  introHeading: 'Voor wie hier nieuw is',
  intro: [
    'Dit boekje verzamelt wat de community in deze periode samen heeft uitgezocht, geordend per thema.',
    'Elk hoofdstuk begint met de lessen: leerpunten uit de afsluitende rondes en de adviezen die de casusinbrenger heeft overgenomen. Daarna volgen de bewegingen van → naar waar de groep achter stond, de leeslijst, de dilemma’s met waar de deelnemers zich tussen de twee polen plaatsten, en citaten.',
    'Citaten staan er alleen in van deelnemers die toestemming gaven om genoemd te worden. De rest is anoniem, zoals op het bord.',
  ],
  tocHeading: 'Inhoud',
  emptyPeriod:
    'In deze periode is geen bijeenkomst van de community overgedragen, dus er staat nog niets in dit boekje. Kies een andere periode.',
  emptyChapter: 'Bij dit thema is nog niets vastgelegd.',
  noTheme: 'Zonder thema',
  sessions: (n) => (n === 1 ? '1 bijeenkomst' : `${n} bijeenkomsten`),
  lessons: 'Lessen',
  learning: 'Leerpunt',
  adopted: 'Overgenomen advies',
  movements: 'Van → naar',
  movementsIntro: 'De bewegingen die de groepen willen maken; de stippen tonen waar ze achter staan.',
  colFrom: 'Van',
  colTo: 'Naar',
  colDots: 'Stippen',
  dots: (n) => (n === 1 ? '1 stip' : `${n} stippen`),
  readings: 'Leeslijst',
  verdict: { 'must-read': 'moet je lezen', useful: 'bruikbaar', skip: 'kun je overslaan' },
  dilemmas: 'Dilemma’s',
  dilemmaSpread: (count, left, middle, right, l, r) =>
    `${count === 1 ? '1 markering' : `${count} markeringen`}: ${left} richting „${l}”, ${middle} in het midden, ${right} richting „${r}”.`,
  quotes: 'Citaten',
  madeWith: 'Gemaakt met Casusbord uit het archief van de community.',
};

const en: BookletTexts = {
  lang: 'en-GB',
  kicker: 'Community booklet',
  title: (community) => `What we learned — ${community}`,
  period: (from, to) => `Sessions from ${from} to ${to}`,
  introHeading: 'If you are new here',
  intro: [
    'This booklet gathers what the community worked out together in this period, ordered by theme.',
    'Each chapter opens with the lessons: learning points from the closing rounds and the advice the case holder adopted. Then come the from → to movements the group stood behind, the reading list, the dilemmas with where participants placed themselves between the two poles, and quotes.',
    'Quotes appear only from participants who consented to be named. Everything else is anonymous, as on the board.',
  ],
  tocHeading: 'Contents',
  emptyPeriod:
    'No session of the community was handed over in this period, so this booklet has nothing in it yet. Choose another period.',
  emptyChapter: 'Nothing has been recorded for this theme yet.',
  noTheme: 'Without a theme',
  sessions: (n) => (n === 1 ? '1 session' : `${n} sessions`),
  lessons: 'Lessons',
  learning: 'Learning point',
  adopted: 'Adopted advice',
  movements: 'From → to',
  movementsIntro: 'The movements the groups want to make; the dots show what they stand behind.',
  colFrom: 'From',
  colTo: 'To',
  colDots: 'Dots',
  dots: (n) => (n === 1 ? '1 dot' : `${n} dots`),
  readings: 'Reading list',
  verdict: { 'must-read': 'must read', useful: 'useful', skip: 'you can skip it' },
  dilemmas: 'Dilemmas',
  dilemmaSpread: (count, left, middle, right, l, r) =>
    `${count === 1 ? '1 marker' : `${count} markers`}: ${left} toward “${l}”, ${middle} in the middle, ${right} toward “${r}”.`,
  quotes: 'Quotes',
  madeWith: 'Made with Casusbord from the community’s archive.',
};

export function bookletTextsFor(language: Locale): BookletTexts {
  return language === 'en' ? en : nl;
}
