import type { Column } from './board';
import type { SearchHit, SearchSegment } from '../protocol/community';

/**
 * Search over a community's archive, as pure functions both store engines share: one tokenizer
 * for indexing and queries, one matcher and one ranking with snippets. An engine only supplies
 * candidate documents (SQLite through FTS5, Redis through an inverted index); `rankSearch`
 * checks each candidate again and orders them, so both engines give the same ordered hits.
 */

/** Longer words are cut here, so index keys stay bounded. */
export const MAX_TERM_CHARS = 40;
/** Words of a query beyond this are ignored. */
export const MAX_QUERY_TERMS = 8;
/** The last query term matches as a prefix from this length ("wijk" finds "wijkenaanpak"). */
export const MIN_PREFIX_CHARS = 2;
/** Characters of context around the first match in a snippet. */
const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 220;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** "Één" → ["een"]: NFKD, no diacritics, lower case; a word may split (e.g. "½" → ["1", "2"]). */
export function normalizeWord(word: string): string[] {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map((t) => t.slice(0, MAX_TERM_CHARS));
}

interface WordSpan {
  start: number;
  end: number;
  tokens: string[];
}

function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const tokens = normalizeWord(m[0]);
    if (tokens.length > 0) spans.push({ start: m.index, end: m.index + m[0].length, tokens });
  }
  return spans;
}

/** The terms of a text, in order, duplicates kept: what the index stores (as a set) per document. */
export function tokenize(text: string): string[] {
  return wordSpans(text).flatMap((s) => s.tokens);
}

export interface ParsedQuery {
  /** Distinct terms in query order. */
  terms: string[];
  /** The last term also matches longer words that start with it. */
  prefixLast: boolean;
}

export function parseQuery(query: string): ParsedQuery {
  const terms = [...new Set(tokenize(query))].slice(0, MAX_QUERY_TERMS);
  const last = terms[terms.length - 1];
  return { terms, prefixLast: last !== undefined && last.length >= MIN_PREFIX_CHARS };
}

/** Does a token satisfy query term `i`? */
function termMatches(parsed: ParsedQuery, i: number, token: string): 'exact' | 'prefix' | null {
  const term = parsed.terms[i]!;
  if (token === term) return 'exact';
  if (parsed.prefixLast && i === parsed.terms.length - 1 && token.startsWith(term)) return 'prefix';
  return null;
}

/** Every term occurs in the document (the last one possibly as a prefix): the engines' candidate rule. */
export function documentMatches(parsed: ParsedQuery, text: string): boolean {
  return tokensMatch(parsed, tokenize(text));
}

function tokensMatch(parsed: ParsedQuery, tokens: readonly string[]): boolean {
  if (parsed.terms.length === 0) return false;
  const distinct = [...new Set(tokens)];
  return parsed.terms.every((_, i) => distinct.some((t) => termMatches(parsed, i, t) !== null));
}

/**
 * One searchable text of an archived session: a card, or the session's core question; issue 16
 * adds a from → to row (`movement`: "from → to", `cardId` the row's id).
 */
export interface SearchDocument {
  /** Position in the entry's document list; with the session id it names the document in an index. */
  index: number;
  /** 'reading': a book-club review (issue 16), `cardId` its id. */
  kind: 'card' | 'question' | 'reading' | 'movement';
  column: Column | null;
  cardId: string | null;
  text: string;
}

export interface SearchCandidate {
  sessionId: string;
  title: string;
  city: string;
  handedOverAt: number;
  doc: SearchDocument;
}

/** Weight of a document by what it is: advice and the core question say most about a case. */
const KIND_WEIGHT: Record<Column | 'core' | 'movement', number> = {
  core: 1.3,
  /** Issue 16: a from → to row says what the group stands behind, as much as its advice. */
  movement: 1.2,
  advice: 1.2,
  pitfall: 1.1,
  opportunity: 1.1,
  question: 1.0,
};

/**
 * Score of one matching document: per term 1 + ln(occurrences), a prefix match counting 0.7;
 * +1 when the terms stand together in query order; weighted by kind; shorter texts a little
 * higher (1 / (1 + words/50)). Rounded to 4 decimals so every engine prints the same number.
 */
export function scoreDocument(parsed: ParsedQuery, doc: Pick<SearchDocument, 'kind' | 'column' | 'text'>): number {
  return scoreTokens(parsed, doc, tokenize(doc.text));
}

function scoreTokens(parsed: ParsedQuery, doc: Pick<SearchDocument, 'kind' | 'column'>, tokens: string[]): number {
  let score = 0;
  for (let i = 0; i < parsed.terms.length; i++) {
    let exact = 0;
    let prefix = 0;
    for (const t of tokens) {
      const m = termMatches(parsed, i, t);
      if (m === 'exact') exact++;
      else if (m === 'prefix') prefix++;
    }
    if (exact > 0) score += 1 + Math.log(exact);
    else if (prefix > 0) score += 0.7 * (1 + Math.log(prefix));
  }
  if (parsed.terms.length > 1 && hasPhrase(parsed, tokens)) score += 1;
  const kind = doc.kind === 'question' ? 'core' : doc.kind === 'movement' ? 'movement' : (doc.column ?? 'question');
  score *= KIND_WEIGHT[kind];
  score /= 1 + tokens.length / 50;
  return Math.round(score * 10_000) / 10_000;
}

function hasPhrase(parsed: ParsedQuery, tokens: string[]): boolean {
  const n = parsed.terms.length;
  for (let start = 0; start + n <= tokens.length; start++) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = termMatches(parsed, i, tokens[start + i]!) !== null;
    if (ok) return true;
  }
  return false;
}

/**
 * The text split into segments, `match: true` on the words that satisfy a query term. A long
 * text is cut to a window around the first match, with "…" where it was cut.
 */
export function highlight(parsed: ParsedQuery, text: string, maxChars = SNIPPET_LENGTH): SearchSegment[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  const hits = wordSpans(clean).filter((s) =>
    s.tokens.some((t) => parsed.terms.some((_, i) => termMatches(parsed, i, t) !== null)),
  );
  let from = 0;
  let to = clean.length;
  if (clean.length > maxChars) {
    const first = hits[0]?.start ?? 0;
    from = Math.max(0, first - SNIPPET_BEFORE);
    // Start and end on a word boundary where one is near.
    if (from > 0) {
      const space = clean.indexOf(' ', from);
      if (space !== -1 && space < first) from = space + 1;
    }
    to = Math.min(clean.length, from + maxChars);
    if (to < clean.length) {
      const space = clean.lastIndexOf(' ', to);
      if (space > from && space > (hits[0]?.end ?? 0)) to = space;
    }
  }
  const segments: SearchSegment[] = [];
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += s;
    else segments.push({ text: s, match });
  };
  if (from > 0) push('…', false);
  let pos = from;
  for (const h of hits) {
    if (h.start < from || h.end > to) continue;
    push(clean.slice(pos, h.start), false);
    push(clean.slice(h.start, h.end), true);
    pos = h.end;
  }
  push(clean.slice(pos, to), false);
  if (to < clean.length) push('…', false);
  return segments;
}

/**
 * Checks, scores and orders candidates: best score first; on a tie the newer handover, then
 * session id and document position, so the order never depends on the engine. Snippets are
 * built for the returned hits only.
 */
export function rankSearch(query: string, candidates: readonly SearchCandidate[], limit: number): SearchHit[] {
  const parsed = parseQuery(query);
  const seen = new Set<string>();
  const scored: { c: SearchCandidate; score: number }[] = [];
  for (const c of candidates) {
    const key = `${c.sessionId}:${c.doc.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const tokens = tokenize(c.doc.text);
    if (!tokensMatch(parsed, tokens)) continue;
    scored.push({ c, score: scoreTokens(parsed, c.doc, tokens) });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.c.handedOverAt - a.c.handedOverAt ||
      (a.c.sessionId < b.c.sessionId ? -1 : a.c.sessionId > b.c.sessionId ? 1 : 0) ||
      a.c.doc.index - b.c.doc.index,
  );
  return scored.slice(0, Math.max(0, limit)).map(({ c, score }) => ({
    sessionId: c.sessionId,
    title: c.title,
    city: c.city,
    handedOverAt: c.handedOverAt,
    kind: c.doc.kind,
    column: c.doc.column,
    cardId: c.doc.cardId,
    score,
    snippet: highlight(parsed, c.doc.text),
  }));
}
