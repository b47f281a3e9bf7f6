import {
  readingSearchText,
  type ArchiveAdvice,
  type ArchiveQuote,
  type ArchiveReading,
  type Report,
  type SearchDocument,
} from '@casusbord/shared';
import type { ArchiveRecord } from '../store/ArchiveStore';
import type { SessionRecord } from '../store/Store';
import { loadReport, type ReportDeps } from './loadBoards';
import { archiveDilemmas, archiveMovements, movementDocument } from './archiveForms';

/**
 * The archive entry of a community session, written (or replaced) at every handover: the same
 * report model the recipient gets, reduced to what the archive shows and search indexes.
 */

export function buildArchiveRecord(session: SessionRecord, report: Report, handedOverAt: number): ArchiveRecord {
  // A case day's plenary section comes first and holds the merged result; else the single board.
  const main = report.sections.find((s) => s.advice.length > 0) ?? report.sections[0];
  const advice: ArchiveAdvice[] = (main?.advice ?? []).map((a) => ({
    cardId: a.id,
    text: a.text,
    dots: a.dots,
    reaction: a.reaction,
    reactionNote: a.reactionNote || null,
  }));

  const documents: SearchDocument[] = [];
  const add = (doc: Omit<SearchDocument, 'index'>) => {
    if (doc.text.trim()) documents.push({ ...doc, index: documents.length });
  };
  add({ kind: 'question', column: null, cardId: null, text: report.coreQuestion });
  const seen = new Set<string>();
  const card = (column: SearchDocument['column'], id: string, text: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    add({ kind: 'card', column, cardId: id, text });
  };
  for (const s of report.sections) {
    for (const a of s.advice) card('advice', a.id, a.text);
    for (const g of s.pitfalls) for (const c of g.cards) card('pitfall', c.id, c.text);
    for (const g of s.opportunities) for (const c of g.cards) card('opportunity', c.id, c.text);
    for (const q of s.questions) card('question', q.id, q.text);
  }
  // Issue 16: the book club's reviews of every board, the community's reading list.
  const readings: ArchiveReading[] = [];
  for (const r of report.sections.flatMap((s) => s.readings)) {
    if (seen.has(`reading:${r.id}`)) continue;
    seen.add(`reading:${r.id}`);
    readings.push({
      reviewId: r.id,
      title: r.title,
      author: r.author,
      link: r.link,
      verdict: r.verdict,
      why: r.why,
      reactions: r.reactions.map((x) => x.text),
    });
    add({ kind: 'reading', column: null, cardId: r.id, text: readingSearchText(r) });
  }

  const movements = archiveMovements(report);
  for (const m of movements) add(movementDocument(m));

  return {
    communityId: session.communityId!,
    entry: {
      sessionId: session.id,
      title: report.session.title,
      city: report.session.city,
      theme: session.theme ?? null,
      handedOverAt,
      coreQuestion: report.coreQuestion,
      followUpOf: session.followUpOf ?? null,
      advice,
      followUp: report.followUp?.items ?? [],
      readings,
      movements,
      dilemmas: archiveDilemmas(report),
      ...learningsOf(report),
    },
    documents,
  };
}

/**
 * Issue 16 (booklet): every learning point of the session without its author, and as a quote with
 * the name only the learning points of people who consented to be named (the report's rule).
 */
function learningsOf(report: Report): { learnings: string[]; quotes: ArchiveQuote[] } {
  const learnings = new Set<string>();
  const quotes = new Map<string, ArchiveQuote>();
  for (const l of report.sections.flatMap((s) => s.learnings)) {
    if (!l.text.trim()) continue;
    learnings.add(l.text);
    if (l.author) quotes.set(`${l.author}\n${l.text}`, { text: l.text, author: l.author, consent: true });
  }
  return { learnings: [...learnings], quotes: [...quotes.values()] };
}

/** Writes the archive entry of a handed-over session that belongs to a community; others are left alone. */
export async function archiveSession(session: SessionRecord, deps: ReportDeps): Promise<void> {
  if (!session.communityId || !session.handedOverAt) return;
  const report = await loadReport(session, deps);
  await deps.store.putArchiveEntry(buildArchiveRecord(session, report, session.handedOverAt));
}
