import type * as Y from 'yjs';
import type { Locale } from '../protocol/schemas';
import type { Column } from './board';
import type { FollowUpItem } from '../protocol/community';
import {
  RATINGS,
  REACTIONS,
  coreQuestionText,
  readCardDetails,
  readClusters,
  readLearnings,
  tallyDots,
  type CardDetails,
  type ClusterSnapshot,
  type Rating,
  type Reaction,
} from './boardExtras';
import { rankMovements } from './fromTo';
import { reportDilemmas, type ReportDilemma, type ReportDilemmaInput } from './dilemma';
import { reportReadings, type ReportReading } from './bookClub';

/**
 * The advice report (adviesrapport) as plain data, built from the boards of a session. Pure: the
 * caller supplies the date and the documents; every output format (web page, Word, PDF, Markdown)
 * renders this one model, so they cannot disagree about ranking or who is named.
 */

export interface ReportSessionMeta {
  title: string;
  city: string;
  /** The question the session was created with; the fallback when no board has a core question. */
  question: string;
  caseHolderName: string | null;
  locale: Locale;
  /** Day of the session, yyyy-mm-dd (the caller picks the time zone). */
  date: string;
  facilitator: string | null;
}

export interface ReportParticipantInput {
  id: string;
  name: string;
  /** Given at join; anything but true means the report does not name this person. */
  consentToBeNamed: boolean;
}

export interface ReportBoardInput {
  /** Group id (`t1`, …, or `plenary`). */
  id: string;
  name: string;
  doc: Y.Doc;
}

export interface ReportInput {
  session: ReportSessionMeta;
  /** In join order. */
  participants: readonly ReportParticipantInput[];
  tables: readonly ReportBoardInput[];
  /** Case day: the board the tables promoted their strongest cards into. */
  plenary?: ReportBoardInput | null;
  /** Dots per person; tallies count nobody beyond it. */
  dotBudget: number;
  /** A follow-up session: what became of the earlier session's advice (issue 9). */
  followUp?: ReportFollowUp | null;
  /** Issue 16: the session's stored photos by id; a card's photo missing here is shown as gone. */
  images?: ReadonlyMap<string, ReportImage>;
  /** Issue 15: the case holder's private notes, only for their own copy of the report. */
  caseHolderNotes?: string | null;
  /** Issue 16: the session's dilemma lines with their markers (from the store). */
  dilemmas?: readonly ReportDilemmaInput[];
}

/** A stored photo as the formats embed it (always JPEG: the server re-encodes every upload). */
export interface ReportImage {
  type: 'image/jpeg';
  full: Uint8Array;
  preview: Uint8Array;
}

/** Issue 16: a photo on one of a board's cards, with its caption and the card it is on. */
export interface ReportPhoto {
  id: string;
  caption: string;
  column: Column;
  cardText: string;
  /** Of the stored photo, px. */
  width: number;
  height: number;
  /** Null when the photo is no longer stored. */
  image: ReportImage | null;
}

/** "What became of earlier advice": the look-back of a follow-up session. */
export interface ReportFollowUp {
  ofSessionId: string;
  ofTitle: string;
  /** Day of the earlier handover, yyyy-mm-dd. */
  ofDate: string;
  items: FollowUpItem[];
}

export interface ReportCard {
  id: string;
  text: string;
}

/** A question card with the case holder's rating (Socratic intervision), when it has one. */
export interface ReportQuestion extends ReportCard {
  rating: Rating | null;
}

/** Cards of one column under one cluster; `title` null holds the cards in no cluster. */
export interface ReportCluster {
  id: string | null;
  title: string | null;
  cards: ReportCard[];
}

export interface ReportAdvice extends ReportCard {
  /** 1-based place in the ranking (ties keep distinct ranks, older advice first). */
  rank: number;
  dots: number;
  cluster: string | null;
  reaction: Reaction | null;
  reactionNote: string;
  /** Plenary advice: the name of the table it was promoted from. */
  fromTable: string | null;
}

export interface ReportLearning {
  text: string;
  /** The author's name only when they consented to be named. */
  author: string | null;
}

/** Issue 16: a row of the board's from → to table, with the dots it got (most dots first). */
export interface ReportMovement {
  id: string;
  from: string;
  to: string;
  dots: number;
}

export type ReactionCounts = Record<Reaction | 'none', number>;

export interface ReportSection {
  id: string;
  name: string;
  /** 'board' for the single board of an intervision; tables and plenary on a case day. */
  kind: 'board' | 'table' | 'plenary';
  /** This board's core question, when it has one. */
  coreQuestion: string | null;
  advice: ReportAdvice[];
  pitfalls: ReportCluster[];
  opportunities: ReportCluster[];
  /** Warm questions first, then neutral, cold and unrated; board order within each. */
  questions: ReportQuestion[];
  learnings: ReportLearning[];
  /** Photos on the board's cards, in board order (a card with a photo and no text too). */
  photos: ReportPhoto[];
  /** Issue 16: the from → to table, most dots first; empty when the board has none. */
  movements: ReportMovement[];
  /** Issue 16: the book club's reviews with their reactions, oldest first. */
  readings: ReportReading[];
  reactions: ReactionCounts;
  totalDots: number;
}

export interface Report {
  session: ReportSessionMeta;
  /** The plenary's or first table's core question, else the session question. */
  coreQuestion: string;
  caseDay: boolean;
  dotBudget: number;
  participants: { named: string[]; unnamedCount: number; total: number };
  /** Plenary first on a case day (the merged result), then the tables in their order. */
  sections: ReportSection[];
  /** Set for a follow-up session (issue 9); null otherwise. */
  followUp: ReportFollowUp | null;
  /** Issue 16: the dilemma lines, oldest first; a spread only where the host revealed it. */
  dilemmas: ReportDilemma[];
  /**
   * Issue 15: the case holder's private notes, present only in the copy the case holder downloads
   * (GET /api/sessions/:id/notes/report); every other report leaves the field out.
   */
  caseHolderNotes?: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * User text as every format can carry it: line breaks as \n, no control characters (XML in Word
 * files forbids them) and no lone surrogates (invalid UTF-8), trimmed.
 */
export function cleanReportText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .trim()
  );
}

function emptyReactions(): ReactionCounts {
  return { adopt: 0, consider: 0, 'not-now': 0, none: 0 };
}

/** Groups one column's cards by cluster (in cluster order), then the cards in no known cluster. */
function groupByCluster(cards: CardDetails[], column: Column, clusters: ClusterSnapshot[]): ReportCluster[] {
  const ofColumn = cards.filter((c) => c.column === column);
  const known = new Set(clusters.map((c) => c.id));
  const groups: ReportCluster[] = [];
  for (const cluster of clusters) {
    const inCluster = ofColumn.filter((c) => c.clusterId === cluster.id);
    if (inCluster.length === 0) continue;
    groups.push({ id: cluster.id, title: cleanReportText(cluster.title) || null, cards: inCluster.map(toCard) });
  }
  const loose = ofColumn.filter((c) => c.clusterId === null || !known.has(c.clusterId));
  if (loose.length > 0) groups.push({ id: null, title: null, cards: loose.map(toCard) });
  return groups;
}

function toCard(card: CardDetails): ReportCard {
  return { id: card.id, text: cleanReportText(card.text) };
}

function nonEmpty(card: CardDetails): boolean {
  return cleanReportText(card.text).length > 0;
}

function buildSection(
  board: ReportBoardInput,
  kind: ReportSection['kind'],
  input: ReportInput,
  tableNames: Map<string, string>,
): ReportSection {
  const { doc } = board;
  const allCards = readCardDetails(doc);
  const cards = allCards.filter(nonEmpty);
  const clusters = readClusters(doc);
  const clusterTitle = new Map(clusters.map((c) => [c.id, cleanReportText(c.title) || null]));
  const tally = tallyDots(doc, input.dotBudget);

  const advice = cards
    .filter((c) => c.column === 'advice')
    .map((c) => ({ card: c, dots: tally.get(c.id) ?? 0 }))
    // Most dots first; on a tie the older advice first, then the id, so every render agrees.
    .sort((a, b) => b.dots - a.dots || a.card.createdAt - b.card.createdAt || byText(a.card.id, b.card.id))
    .map(({ card, dots }, i): ReportAdvice => {
      // promotedFrom is "<groupId>:<cardId>".
      const origin = card.promotedFrom ? card.promotedFrom.split(':')[0] || null : null;
      return {
        rank: i + 1,
        id: card.id,
        text: cleanReportText(card.text),
        dots,
        cluster: card.clusterId ? (clusterTitle.get(card.clusterId) ?? null) : null,
        reaction: card.reaction,
        reactionNote: cleanReportText(card.reactionNote),
        fromTable: origin ? (tableNames.get(origin) ?? origin) : null,
      };
    });

  const reactions = emptyReactions();
  for (const a of advice) reactions[a.reaction ?? 'none']++;

  const consenting = new Map(
    input.participants.filter((p) => p.consentToBeNamed === true).map((p) => [p.id, cleanReportText(p.name)]),
  );
  const order = new Map(input.participants.map((p, i) => [p.id, i]));
  const learnings = [...readLearnings(doc).entries()]
    .map(([id, text]) => ({ id, text: cleanReportText(text), author: consenting.get(id) ?? null }))
    .filter((l) => l.text.length > 0)
    // Named learning points in join order; the others by text, so their order reveals no one.
    .sort((a, b) => {
      if (a.author !== null && b.author !== null) return (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
      if (a.author !== null || b.author !== null) return a.author !== null ? -1 : 1;
      return byText(a.text, b.text);
    })
    .map(({ text, author }) => ({ text, author }));

  const core = cleanReportText(coreQuestionText(doc).toString());
  return {
    id: board.id,
    name: board.name,
    kind,
    coreQuestion: core || null,
    advice,
    pitfalls: groupByCluster(cards, 'pitfall', clusters),
    opportunities: groupByCluster(cards, 'opportunity', clusters),
    questions: cards
      .filter((c) => c.column === 'question')
      // A stable sort: without ratings the questions keep the board's order.
      .sort((a, b) => RATING_ORDER.indexOf(a.rating ?? 'none') - RATING_ORDER.indexOf(b.rating ?? 'none'))
      .map((c) => ({ ...toCard(c), rating: c.rating })),
    learnings,
    photos: allCards.flatMap((c): ReportPhoto[] =>
      c.photo
        ? [
            {
              id: c.photo.id,
              caption: cleanReportText(c.photo.caption),
              column: c.column,
              cardText: cleanReportText(c.text),
              width: c.photo.width,
              height: c.photo.height,
              image: input.images?.get(c.photo.id) ?? null,
            },
          ]
        : [],
    ),
    readings: reportReadings(doc, cleanReportText, consenting),
    movements: rankMovements(doc, input.dotBudget).map((m) => ({
      id: m.id,
      from: cleanReportText(m.from),
      to: cleanReportText(m.to),
      dots: m.dots,
    })),
    reactions,
    totalDots: advice.reduce((sum, a) => sum + a.dots, 0),
  };
}

export function buildReport(input: ReportInput): Report {
  const plenary = input.plenary ?? null;
  const caseDay = plenary !== null || input.tables.length > 1;
  const tableNames = new Map(input.tables.map((t) => [t.id, t.name]));
  const sections: ReportSection[] = [];
  if (plenary) sections.push(buildSection(plenary, 'plenary', input, tableNames));
  for (const table of input.tables) sections.push(buildSection(table, caseDay ? 'table' : 'board', input, tableNames));

  const named = input.participants.filter((p) => p.consentToBeNamed === true).map((p) => cleanReportText(p.name));
  const m = input.session;
  const session: ReportSessionMeta = {
    ...m,
    title: cleanReportText(m.title),
    city: cleanReportText(m.city),
    question: cleanReportText(m.question),
    caseHolderName: m.caseHolderName ? cleanReportText(m.caseHolderName) || null : null,
    facilitator: m.facilitator ? cleanReportText(m.facilitator) || null : null,
  };
  return {
    session,
    coreQuestion: sections.find((s) => s.coreQuestion)?.coreQuestion ?? session.question,
    caseDay,
    dotBudget: input.dotBudget,
    participants: { named, unnamedCount: input.participants.length - named.length, total: input.participants.length },
    sections,
    followUp: input.followUp
      ? {
          ...input.followUp,
          ofTitle: cleanReportText(input.followUp.ofTitle),
          items: input.followUp.items.map((i) => ({
            ...i,
            text: cleanReportText(i.text),
            note: cleanReportText(i.note),
          })),
        }
      : null,
    dilemmas: reportDilemmas(input.dilemmas ?? [], cleanReportText),
    ...notesOf(input),
  };
}

/** The case holder's notes as the report carries them: cleaned, and left out when empty. */
function notesOf(input: ReportInput): Pick<Report, 'caseHolderNotes'> {
  const notes = cleanReportText(input.caseHolderNotes ?? '');
  return notes ? { caseHolderNotes: notes } : {};
}

/** The same reaction order in every format: adopt, consider, not now, then no reaction yet. */
export const REACTION_ORDER: readonly (Reaction | 'none')[] = [...REACTIONS, 'none'];

/** The order of rated questions in every format: warm, neutral, cold, then not rated. */
export const RATING_ORDER: readonly (Rating | 'none')[] = [...RATINGS, 'none'];
