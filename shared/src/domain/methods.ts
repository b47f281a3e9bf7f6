import { z } from 'zod';
import { COLUMNS } from './board';
import type { Column } from './board';
import type { MethodId } from '../protocol/schemas';

// Methods as data: a method is an ordered list of rounds. A session's round state (rounds.ts)
// holds copies of them, so a facilitator's edits never touch the templates.

export interface Bilingual {
  nl: string;
  en: string;
}

/** What the UI does specially in a round; plain writing rounds use the column-named kinds. */
export const ROUND_KINDS = [
  'welcome',
  'introduction',
  'questions',
  'core-question',
  'analysis',
  'advice',
  'reaction',
  'plenary',
  'handover',
  'closing',
  /** A follow-up session's first round: the case holder marks what became of earlier advice. */
  'lookback',
] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** Bounds of one round's duration, minutes. Fractions are allowed (a test method may use seconds). */
export const MAX_ROUND_MINUTES = 240;

export interface Round {
  /** Stable within a method and a session; the UI and the store refer to rounds by it. */
  id: string;
  title: Bilingual;
  /** One or two sentences: what a participant is expected to do now. */
  instruction: Bilingual;
  /** Planned duration; the clock may run over (overtime) or be extended. */
  minutes: number;
  /** Columns participants may write in; empty means the board is read-only (everyone listens). */
  openColumns: Column[];
  /** New cards stay in the author's draft until the host reveals them. */
  privateWriting: boolean;
  /** Dot voting is open. */
  dots: boolean;
  kind?: RoundKind;
  /** Case day: 'table' rounds run per table in parallel, 'plenary' rounds gather everyone. Default 'table'. */
  scope?: 'table' | 'plenary';
}

export interface Method {
  id: MethodId;
  title: Bilingual;
  description: Bilingual;
  /** The session has several tables (case day) rather than one group. */
  parallelTables: boolean;
  rounds: readonly Round[];
}

const bilingual = (max: number) =>
  z.strictObject({ nl: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

/** A round as the host may add it while editing a session's rounds. */
export const roundSchema = z.strictObject({
  id: z.string().trim().min(1).max(64),
  title: bilingual(120),
  instruction: bilingual(400),
  minutes: z.number().positive().max(MAX_ROUND_MINUTES),
  openColumns: z.array(z.enum(COLUMNS)).refine((c) => new Set(c).size === c.length, 'columns must be unique'),
  privateWriting: z.boolean(),
  dots: z.boolean(),
  kind: z.enum(ROUND_KINDS).optional(),
  scope: z.enum(['table', 'plenary']).optional(),
});

/** Duration in ms, rounded to whole ms so clock maths stays in integers. */
export function roundDurationMs(round: Pick<Round, 'minutes'>): number {
  return Math.round(round.minutes * 60_000);
}

/** A deep copy, so state never shares arrays or objects with the templates. */
export function cloneRound(round: Round): Round {
  return {
    ...round,
    title: { ...round.title },
    instruction: { ...round.instruction },
    openColumns: [...round.openColumns],
  };
}

/** Sum of the planned durations, minutes. */
export function totalMinutes(rounds: readonly Pick<Round, 'minutes'>[]): number {
  return rounds.reduce((sum, round) => sum + round.minutes, 0);
}

// Building blocks; each method picks from these and sets its own minutes and ids.
type Block = Omit<Round, 'minutes' | 'id'>;
/** A listening round: nobody writes on the board, no dots. */
const CLOSED = { openColumns: [] as Column[], privateWriting: false, dots: false };

const WELCOME: Block = {
  kind: 'welcome',
  title: { nl: 'Welkom en keuze van de casus', en: 'Welcome and choice of case' },
  instruction: {
    nl: 'Maak kort kennis en spreek af welke casus vandaag centraal staat en wie hem inbrengt.',
    en: 'Say hello briefly and agree which case you will work on today and who brings it in.',
  },
  ...CLOSED,
};

const INTRODUCTION: Block = {
  kind: 'introduction',
  title: { nl: 'Introductie van de casus', en: 'Case introduction' },
  instruction: {
    nl: 'De casusinbrenger schetst de situatie. De anderen luisteren; het bord blijft nog dicht.',
    en: 'The case holder describes the situation. Everyone else listens; the board stays closed for now.',
  },
  ...CLOSED,
};

const QUESTIONS: Block = {
  kind: 'questions',
  title: { nl: 'Verhelderende vragen', en: 'Clarifying questions' },
  instruction: {
    nl: 'Stel alleen vragen die de situatie helderder maken, nog geen meningen of adviezen. Eén vraag per kaart.',
    en: 'Ask only questions that make the situation clearer, no opinions or advice yet. One question per card.',
  },
  openColumns: ['question'],
  privateWriting: false,
  dots: false,
};

const CORE_QUESTION: Block = {
  kind: 'core-question',
  title: { nl: 'Kernvraag', en: 'Core question' },
  instruction: {
    nl: 'De casusinbrenger scherpt de vraag aan waar de groep mee verder gaat; de anderen denken mee.',
    en: 'The case holder sharpens the question the group will work on; the others help think it through.',
  },
  ...CLOSED,
};

const ANALYSIS: Block = {
  kind: 'analysis',
  title: { nl: 'Analyse: valkuilen en kansen', en: 'Analysis: pitfalls and opportunities' },
  instruction: {
    nl: 'Noteer eerst voor jezelf welke valkuilen en kansen je ziet. Na het onthullen bekijken jullie alle kaarten en ordenen ze samen.',
    en: 'First note on your own the pitfalls and opportunities you see. After the reveal you look at all cards and group them together.',
  },
  openColumns: ['pitfall', 'opportunity'],
  privateWriting: true,
  dots: false,
};

const ADVICE: Block = {
  kind: 'advice',
  title: { nl: 'Advies', en: 'Advice' },
  instruction: {
    nl: 'Geef de casusinbrenger concrete adviezen, één per kaart. Zet daarna je stippen op de adviezen die jij het sterkst vindt.',
    en: 'Give the case holder concrete advice, one piece per card. Then put your dots on the advice you find strongest.',
  },
  openColumns: ['advice'],
  privateWriting: false,
  dots: true,
};

const REACTION: Block = {
  kind: 'reaction',
  title: { nl: 'Reactie van de casusinbrenger', en: "Case holder's reaction" },
  instruction: {
    nl: 'De casusinbrenger loopt de adviezen langs en kiest per advies: overnemen, overwegen of niet nu, zo nodig met een toelichting.',
    en: 'The case holder goes through the advice and marks each piece adopt, consider or not now, with a note where useful.',
  },
  ...CLOSED,
};

const CLOSING: Block = {
  kind: 'closing',
  title: { nl: 'Afsluiting', en: 'Closing' },
  instruction: {
    nl: 'Ieder noemt in één zin wat hij of zij uit deze casus meeneemt.',
    en: 'Everyone says in one sentence what they take away from this case.',
  },
  ...CLOSED,
};

const OPENING: Block = {
  kind: 'welcome',
  scope: 'plenary',
  title: { nl: 'Opening', en: 'Opening' },
  instruction: {
    nl: 'De gaststad zet voor iedereen het plan en de vraag van vandaag neer. Daarna gaat ieder naar de eigen tafel.',
    en: "The host city sets out the plan and today's question for everyone. Then everybody goes to their table.",
  },
  ...CLOSED,
};

const PLENARY: Block = {
  kind: 'plenary',
  scope: 'plenary',
  title: { nl: 'Plenaire ronde', en: 'Plenary' },
  instruction: {
    nl: 'Elke tafel zet haar sterkste kaarten door naar het gezamenlijke bord. Voeg dubbelingen samen en kies met stippen wat het zwaarst weegt.',
    en: 'Each table promotes its strongest cards to the shared board. Merge duplicates and use dots to pick what weighs most.',
  },
  openColumns: ['pitfall', 'opportunity', 'advice'],
  privateWriting: false,
  dots: true,
};

const HANDOVER: Block = {
  kind: 'handover',
  scope: 'plenary',
  title: { nl: 'Overdracht', en: 'Handover' },
  instruction: {
    nl: 'De ontvanger krijgt het advies overhandigd, stelt vragen en vertelt wat hij of zij ermee gaat doen.',
    en: 'The recipient is handed the advice, asks questions and says what they will do with it.',
  },
  ...CLOSED,
};

const round = (id: string, block: Block, minutes: number): Round => cloneRound({ ...block, id, minutes });

/** Case-day table rounds: the same work as in intervision, done per table in parallel. */
const atTable = (block: Block, nl: string, en: string): Block => ({ ...block, title: { nl, en }, scope: 'table' });

/** Templates are shared by every session in the process: nobody may mutate them in place. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export const METHODS: Readonly<Record<MethodId, Method>> = deepFreeze({
  'intervision-90': {
    id: 'intervision-90',
    title: { nl: 'Intervisie (90 minuten)', en: 'Intervision (90 minutes)' },
    description: {
      nl: 'Eén groep werkt in vaste rondes aan één casus: luisteren, vragen, analyseren, adviseren, reageren.',
      en: 'One group works through fixed rounds on one case: listen, ask, analyse, advise, respond.',
    },
    parallelTables: false,
    rounds: [
      round('welcome', WELCOME, 5),
      round('introduction', INTRODUCTION, 10),
      round('questions', QUESTIONS, 15),
      round('core-question', CORE_QUESTION, 5),
      round('analysis', ANALYSIS, 25),
      round('advice', ADVICE, 15),
      round('reaction', REACTION, 10),
      round('closing', CLOSING, 5),
    ],
  },
  'case-day': {
    id: 'case-day',
    title: { nl: 'Casusdag', en: 'Case day' },
    description: {
      nl: 'Meerdere tafels werken tegelijk aan dezelfde casus en brengen hun beste kaarten samen voor de overdracht.',
      en: 'Several tables work on the same case at once and bring their best cards together for the handover.',
    },
    parallelTables: true,
    rounds: [
      round('opening', OPENING, 15),
      round('table-introduction', atTable(INTRODUCTION, 'Introductie aan tafel', 'Introduction at the table'), 20),
      round('table-questions', atTable(QUESTIONS, 'Vragen aan tafel', 'Questions at the table'), 30),
      round('table-analysis', atTable(ANALYSIS, 'Analyse aan tafel', 'Analysis at the table'), 60),
      round('table-advice', atTable(ADVICE, 'Advies aan tafel', 'Advice at the table'), 40),
      round('plenary', PLENARY, 45),
      round('handover', HANDOVER, 30),
    ],
  },
  custom: {
    id: 'custom',
    title: { nl: 'Eigen opzet', en: 'Custom' },
    description: {
      nl: 'Een korte startlijst; pas rondes en tijden aan voor of tijdens de bijeenkomst.',
      en: 'A short starting list; change rounds and times before or during the session.',
    },
    parallelTables: false,
    rounds: [
      round('introduction', INTRODUCTION, 10),
      round('questions', QUESTIONS, 10),
      round('analysis', ANALYSIS, 15),
      round('advice', ADVICE, 10),
      round('closing', CLOSING, 5),
    ],
  },
});

export function getMethod(id: MethodId): Method {
  return METHODS[id];
}

/** Fresh, editable copies of a method's rounds, to seed a session's round state. */
export function methodRounds(id: MethodId): Round[] {
  return METHODS[id].rounds.map(cloneRound);
}

/**
 * A round in which participants write every column and vote, with no private phase: for a custom
 * method's free round, and for tests and the benchmark that need an open board.
 */
export function openBoardRound(id: string, overrides: Partial<Round> = {}): Round {
  return {
    id,
    title: { nl: 'Open bord', en: 'Open board' },
    instruction: { nl: 'Schrijf in elke kolom en zet je stippen.', en: 'Write in every column and place your dots.' },
    minutes: 60,
    openColumns: [...COLUMNS],
    privateWriting: false,
    dots: true,
    ...overrides,
  };
}
