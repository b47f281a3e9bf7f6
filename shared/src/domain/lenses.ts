import type { Locale } from '../protocol/schemas';
import type { Lens } from '../protocol/community';
import type { Column } from './board';
import { tokenize } from './search';

/**
 * Lenses (issue 9): prompt cards the facilitator can open in the analysis round. The deck is the
 * built-in pitfalls in our own words plus the pitfalls the community's archive names most often.
 * Pure: the caller passes the archive's pitfall texts.
 */

interface BuiltinLens {
  id: string;
  nl: string;
  en: string;
  /** Word beginnings (normalised) that tie an archive pitfall to this lens. */
  stems: string[];
}

export const BUILTIN_LENSES: readonly BuiltinLens[] = [
  {
    id: 'one-team',
    nl: 'Werken de partners al als één ploeg, of ieder nog vanuit de eigen organisatie?',
    en: 'Do the partners already work as one crew, or each still from their own organisation?',
    stems: ['team', 'ploeg', 'partner', 'samenwerk', 'organisati', 'cooperat', 'collaborat'],
  },
  {
    id: 'guiding-goal',
    nl: 'Is er een doel dat iedereen kan navertellen en dat keuzes stuurt?',
    en: 'Is there a goal everyone can repeat and that steers the choices?',
    stems: ['doel', 'visie', 'richting', 'koers', 'ambitie', 'goal', 'vision', 'direction', 'aim'],
  },
  {
    id: 'waiting',
    nl: 'Wacht iedereen op een ander voordat er iets gebeurt? Wie zet de eerste stap?',
    en: 'Is everyone waiting for someone else before anything happens? Who takes the first step?',
    stems: ['wacht', 'afwacht', 'eerste', 'initiatief', 'trekker', 'wait', 'initiative', 'ownership', 'eigenaar'],
  },
  {
    id: 'out-of-view',
    nl: 'Zijn jongeren en buurtbewoners zelf in beeld, of wordt er over hen gesproken?',
    en: 'Are young people and residents themselves in view, or are they talked about?',
    stems: [
      'jonger',
      'jeugd',
      'bewoner',
      'buurt',
      'wijkbewoner',
      'young',
      'youth',
      'resident',
      'neighbour',
      'neighbor',
    ],
  },
  {
    id: 'finance',
    nl: 'Is het financiële plaatje te rooskleurig? Wat als een bron wegvalt?',
    en: 'Is the financial picture too rosy? What if one source of money falls away?',
    stems: ['financ', 'geld', 'budget', 'begroting', 'subsidie', 'kosten', 'money', 'cost', 'funding'],
  },
  {
    id: 'tempo',
    nl: 'Past het tempo bij wat de wijk aankan, en bij de looptijd van het geld?',
    en: 'Does the pace fit what the neighbourhood can take, and how long the money lasts?',
    stems: ['tempo', 'tijd', 'planning', 'haast', 'pace', 'time', 'schedule', 'hurry'],
  },
  {
    id: 'measure',
    nl: 'Hoe weten we over een jaar of het werkt? Wat meten we, en wie kijkt ernaar?',
    en: 'How will we know in a year whether it works? What do we measure, and who looks at it?',
    stems: ['meten', 'monitor', 'resultat', 'effect', 'measure', 'result', 'evaluat'],
  },
];

/**
 * The lens sets a round can offer (`Round.lensSet`): the pitfall deck above (with the archive's
 * pitfalls), or the six thinking hats, one prompt per way of looking at the case.
 */
export const LENS_SETS = ['pitfalls', 'six-hats'] as const;
export type LensSetId = (typeof LENS_SETS)[number];

interface HatLens {
  id: string;
  nl: string;
  en: string;
  /** The column a card made from this prompt goes into. */
  column: Column;
}

/** The six thinking hats as prompts for the analysis round, in our own words. */
export const SIX_HATS: readonly HatLens[] = [
  {
    id: 'hat-white',
    nl: 'Witte hoed — feiten: wat weten we zeker, en welke cijfers of gegevens ontbreken nog?',
    en: 'White hat — facts: what do we know for certain, and which figures or data are still missing?',
    column: 'pitfall',
  },
  {
    id: 'hat-red',
    nl: 'Rode hoed — gevoel: wat voel je bij dit plan, zonder het te hoeven uitleggen?',
    en: 'Red hat — feelings: what does this plan make you feel, without having to explain it?',
    column: 'pitfall',
  },
  {
    id: 'hat-black',
    nl: 'Zwarte hoed — risico: wat kan er misgaan, en waar is het plan kwetsbaar?',
    en: 'Black hat — risk: what could go wrong, and where is the plan vulnerable?',
    column: 'pitfall',
  },
  {
    id: 'hat-yellow',
    nl: 'Gele hoed — waarde: wat is er goed aan, en wie heeft er baat bij als het lukt?',
    en: 'Yellow hat — value: what is good about it, and who gains if it works?',
    column: 'opportunity',
  },
  {
    id: 'hat-green',
    nl: 'Groene hoed — ideeën: welke andere aanpak of onverwachte combinatie is denkbaar?',
    en: 'Green hat — ideas: which other approach or unexpected combination can you think of?',
    column: 'opportunity',
  },
  {
    id: 'hat-blue',
    nl: 'Blauwe hoed — overzicht: kijken we naar de goede vraag, en wat is de volgende stap?',
    en: 'Blue hat — overview: are we looking at the right question, and what is the next step?',
    column: 'opportunity',
  },
];

export function isLensSet(value: unknown): value is LensSetId {
  return typeof value === 'string' && (LENS_SETS as readonly string[]).includes(value);
}

/** Archive pitfalls shown at most (the most often named first). */
export const MAX_ARCHIVE_LENSES = 5;

/** Words that carry no meaning for grouping pitfalls ("de", "the", …). */
const STOP = new Set(
  'de het een en of van in op te met voor aan is zijn er niet nog al dat die wat wie we ze ook bij door om naar als dan maar the a an and or of in on to with for at is are be not no it that this we they there'.split(
    ' ',
  ),
);

/** The grouping key of a pitfall: its meaningful words, sorted, so word order and case do not split a group. */
export function pitfallKey(text: string): string {
  return [...new Set(tokenize(text).filter((t) => !STOP.has(t) && t.length > 1))].sort().join(' ');
}

function builtinOf(text: string): BuiltinLens | undefined {
  const tokens = tokenize(text);
  return BUILTIN_LENSES.find((l) => l.stems.some((s) => tokens.some((t) => t.startsWith(s))));
}

/**
 * The deck of a lens set. 'six-hats': the six hats in their order. 'pitfalls' (the default): the
 * built-in lenses (in their order, `count` = how many archive pitfalls touch the theme), then up to MAX_ARCHIVE_LENSES archive pitfalls that fit no built-in lens and were named
 * at least twice, most often first (ties by text). The text shown is the first wording seen.
 */
export function selectLenses(locale: Locale, archivePitfalls: readonly string[], set: LensSetId = 'pitfalls'): Lens[] {
  // The hats are a fixed way of looking, not a theme the archive can add to.
  if (set === 'six-hats') {
    return SIX_HATS.map((h) => ({ id: h.id, text: h[locale], source: 'builtin', count: 0, column: h.column }));
  }
  const builtinCounts = new Map<string, number>();
  const groups = new Map<string, { text: string; count: number }>();
  for (const raw of archivePitfalls) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const builtin = builtinOf(text);
    if (builtin) {
      builtinCounts.set(builtin.id, (builtinCounts.get(builtin.id) ?? 0) + 1);
      continue;
    }
    const key = pitfallKey(text);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { text, count: 1 });
  }
  const builtin: Lens[] = BUILTIN_LENSES.map((l) => ({
    id: l.id,
    text: l[locale],
    source: 'builtin',
    count: builtinCounts.get(l.id) ?? 0,
  }));
  const archive: Lens[] = [...groups.entries()]
    .filter(([, g]) => g.count >= 2)
    .sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .slice(0, MAX_ARCHIVE_LENSES)
    .map(([key, g]) => ({
      id: `archive:${key.replace(/ /g, '-').slice(0, 60)}`,
      text: g.text,
      source: 'archive',
      count: g.count,
    }));
  return [...builtin, ...archive];
}
