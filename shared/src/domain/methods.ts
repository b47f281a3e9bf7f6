import { z } from 'zod';
import { COLUMNS } from './board';
import type { Column } from './board';
import { LENS_SETS, type LensSetId } from './lenses';
import type { MethodId } from '../protocol/schemas';
import { APPRECIATIVE, BALINT, GOSSIP, INCIDENT, SOCRATIC } from './methodTemplates';
import { bookClubRound } from './bookClub';
import {
  ADVICE,
  ANALYSIS,
  CLOSING,
  CORE_QUESTION,
  FROM_TO,
  HANDOVER,
  INTRODUCTION,
  OPENING,
  PLENARY,
  QUESTIONS,
  REACTION,
  WELCOME,
  atTable,
  cloneRound,
  round,
} from './roundBlocks';

export { cloneRound };

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
  /** Socratic intervision: the case holder rates each question warm, neutral or cold. */
  'rating',
  /** Issue 16: the opening round in which reviewers present a book or report (bookClub.ts). */
  'book-club',
  /** Issue 16: the group writes its from → to table and dots the movements it stands behind. */
  'from-to',
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
  /**
   * The case holder only listens: they see the board live but write nothing on it, in their
   * draft or in the core question (gossip round, Balint, the incident method's analysis). The
   * others write as `openColumns` says. Default false.
   */
  caseHolderListens?: boolean;
  /** The lens deck this round offers when the facilitator opens it (lenses.ts). Default 'pitfalls'. */
  lensSet?: LensSetId;
  /**
   * The server moves on to the next round when this round's clock reaches zero (atZero.ts);
   * without it the round goes on in overtime until the facilitator moves on. Default false.
   */
  moveOnAtZero?: boolean;
}

export interface Method {
  id: MethodId;
  title: Bilingual;
  description: Bilingual;
  /** The session has several tables (case day) rather than one group. */
  parallelTables: boolean;
  /**
   * Where a follow-up session's look-back round goes: first (default), or at the close, just
   * before a final closing round ("what did you do with last time's advice").
   */
  lookbackAt?: 'start' | 'end';
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
  caseHolderListens: z.boolean().optional(),
  lensSet: z.enum(LENS_SETS).optional(),
  moveOnAtZero: z.boolean().optional(),
});

/** Duration in ms, rounded to whole ms so clock maths stays in integers. */
export function roundDurationMs(round: Pick<Round, 'minutes'>): number {
  return Math.round(round.minutes * 60_000);
}

/** Sum of the planned durations, minutes. */
export function totalMinutes(rounds: readonly Pick<Round, 'minutes'>[]): number {
  return rounds.reduce((sum, round) => sum + round.minutes, 0);
}

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
  incident: INCIDENT,
  gossip: GOSSIP,
  balint: BALINT,
  socratic: SOCRATIC,
  appreciative: APPRECIATIVE,
});

/**
 * Rounds of no method that the host may add while editing a session's rounds (issue 16: the
 * book-club round, also mid-session, and from → to).
 */
export const EXTRA_ROUNDS: readonly Round[] = deepFreeze([bookClubRound(), round('from-to', FROM_TO, 10)]);

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
