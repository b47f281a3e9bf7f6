import { REACTION_ORDER, type Report, type ReportCluster, type ReportSection } from '@casusbord/shared';
import { sectionHeading, sessionKind, textsFor, type ReportTexts } from './texts';
import { followUpSection } from './followUpTexts';
import { photoTextsFor } from './photoTexts';
import { movementTextsFor } from './movementTexts';
import { dilemmaTextsFor, textPlot } from './dilemmaTexts';
import { readingLines, readingTextsFor } from './readingTexts';
import { caseHolderNotesSection } from './notesTexts';

/**
 * The report as Markdown for the archive. Every user string goes through escapeMarkdown, so a
 * card can neither link (`[x](javascript:…)`), embed HTML (`<img onerror>`), nor start a list,
 * heading or table of its own: CommonMark and GFM renderers show it as the literal text.
 */

/** ASCII punctuation that means something inline in CommonMark or GFM; CommonMark lets us backslash-escape each. */
const INLINE_SYNTAX = /[\\`*_{}[\]()<>#|~!&$^]/g;

function escapeLine(line: string): string {
  return (
    line
      .trim()
      .replace(INLINE_SYNTAX, '\\$&')
      // Block syntax that only counts at the start of a line: bullets, setext underlines, "1." lists.
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d+)\./, '$1\\.')
  );
}

/**
 * Escapes a user string. Line breaks survive as hard breaks (a trailing backslash), continued
 * with `indent` so that they stay inside the list item they belong to; blank lines are dropped
 * because they would end the item.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(escapeLine)
    .filter((line) => line.length > 0)
    .join(`\\\n${indent}`);
}

/** For headings and table cells, which must stay on one line. */
export function escapeMarkdownInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

function clusters(groups: ReportCluster[], t: ReportTexts, out: string[]): void {
  if (groups.length === 0) {
    out.push(t.noCards, '');
    return;
  }
  for (const group of groups) {
    // A single group without a cluster needs no "Other" heading.
    if (groups.length > 1 || group.title !== null) {
      out.push(`**${group.title !== null ? `${t.cluster}: ${escapeMarkdownInline(group.title)}` : t.other}**`, '');
    }
    for (const card of group.cards) out.push(`- ${escapeMarkdown(card.text, '  ')}`);
    out.push('');
  }
}

function section(s: ReportSection, report: Report, t: ReportTexts, out: string[]): void {
  const heading = sectionHeading(s, t);
  const h = heading ? '###' : '##';
  if (heading) out.push(`## ${escapeMarkdownInline(heading)}`, '');
  if (s.coreQuestion && s.coreQuestion !== report.coreQuestion) {
    out.push(`**${t.coreQuestion}:** ${escapeMarkdown(s.coreQuestion)}`, '');
  }

  out.push(`${h} ${t.advice}`, '');
  if (s.advice.length === 0) out.push(t.noAdvice, '');
  for (const a of s.advice) {
    const details = [t.dots(a.dots)];
    if (a.cluster) details.push(`${t.cluster}: ${escapeMarkdownInline(a.cluster)}`);
    if (a.fromTable) details.push(escapeMarkdownInline(t.fromTable(a.fromTable)));
    const indent = ' '.repeat(`${a.rank}. `.length);
    out.push(`${a.rank}. ${escapeMarkdown(a.text, indent)}`);
    out.push(`${indent}*${details.join(' · ')}*`);
    let reaction = `${indent}**${t.reactionOfCaseHolder}:** ${t.reaction[a.reaction ?? 'none']}`;
    if (a.reactionNote) reaction += ` — ${escapeMarkdown(a.reactionNote, indent)}`;
    out.push(reaction, '');
  }

  if (s.advice.length > 0) {
    const max = Math.max(1, ...s.advice.map((a) => a.dots));
    out.push(`${h}# ${t.dotsChart}`, '');
    out.push(`| ${t.colRank} | ${t.colAdvice} | ${t.colDots} | ${t.colReaction} |`, '| ---: | --- | --- | --- |');
    for (const a of s.advice) {
      const bar = '█'.repeat(Math.round((a.dots / max) * 20));
      out.push(
        `| ${a.rank} | ${escapeMarkdownInline(a.text)} | ${bar} ${a.dots} | ${t.reaction[a.reaction ?? 'none']} |`,
      );
    }
    out.push('', `${h}# ${t.reactionsOverview}`, '');
    for (const r of REACTION_ORDER) out.push(`- ${t.reaction[r]}: ${s.reactions[r]}`);
    out.push('');
  }

  out.push(`${h} ${t.pitfalls}`, '');
  clusters(s.pitfalls, t, out);
  out.push(`${h} ${t.opportunities}`, '');
  clusters(s.opportunities, t, out);
  out.push(`${h} ${t.questions}`, '');
  if (s.questions.length === 0) out.push(t.noCards, '');
  else {
    const rated = (q: ReportSection['questions'][number]) => (q.rating ? ` — *${t.rating[q.rating]}*` : '');
    out.push(...s.questions.map((q) => `- ${escapeMarkdown(q.text, '  ')}${rated(q)}`), '');
  }
  if (s.movements.length > 0) {
    // Issue 16: the from → to table as a GFM table, most dots first.
    const m = movementTextsFor(report.session.locale);
    out.push(`${h} ${m.heading}`, '', `*${m.intro}*`, '');
    out.push(`| ${m.colFrom} | | ${m.colTo} | ${m.colDots} |`, '| --- | :---: | --- | ---: |');
    for (const r of s.movements) {
      out.push(`| ${escapeMarkdownInline(r.from)} | → | ${escapeMarkdownInline(r.to)} | ${r.dots} |`);
    }
    out.push('');
  }
  if (s.photos.length > 0) {
    // Issue 16: Markdown carries no images; the captions and a note where the photos are.
    const p = photoTextsFor(report.session.locale);
    out.push(`${h} ${p.heading}`, '', `*${p.markdownNote}*`, '');
    for (const photo of s.photos) {
      out.push(
        `- ${escapeMarkdown(photo.caption, '  ')} — ${escapeMarkdownInline(p.onCard(photo.column, photo.cardText))}`,
      );
    }
    out.push('');
  }
  if (s.learnings.length > 0) {
    out.push(`${h} ${t.learnings}`, '');
    for (const l of s.learnings) {
      out.push(`- ${escapeMarkdown(l.text, '  ')}${l.author ? ` — ${escapeMarkdownInline(l.author)}` : ''}`);
    }
    out.push('');
  }
  if (s.readings.length > 0) {
    out.push(`${h} ${readingTextsFor(report.session.locale).heading}`, '');
    for (const r of s.readings.map((x) => readingLines(x, report.session.locale))) {
      // A link is shown as text in angle brackets: it was checked to be http(s) and holds no spaces.
      out.push(`- **${escapeMarkdownInline(r.title)}** (${escapeMarkdownInline(r.verdict)})`);
      out.push(`  ${escapeMarkdown(r.why, '  ')}`);
      if (r.link) out.push(`  <${r.link.replace(/[<>]/g, encodeURIComponent)}>`);
      for (const x of r.reactions) out.push(`  - ${escapeMarkdown(x, '    ')}`);
    }
    out.push('');
  }
}

/** Issue 16: each dilemma line, its spread as a line of text (a dot per marker) and in words. */
function dilemmas(report: Report, out: string[]): void {
  if (report.dilemmas.length === 0) return;
  const t = dilemmaTextsFor(report.session.locale);
  out.push(`## ${t.heading}`, '', `*${t.intro}*`, '');
  for (const d of report.dilemmas) {
    if (d.text) out.push(`**${escapeMarkdownInline(d.text)}**`, '');
    out.push(`← ${escapeMarkdownInline(d.left)} · ${escapeMarkdownInline(d.right)} →`, '');
    if (!d.revealed) {
      out.push(t.notRevealed(d.count), '');
      continue;
    }
    // A code span keeps the plot one monospaced line; it holds no user text.
    out.push(`\`├${textPlot(d)}┤\``, '', escapeMarkdown(t.summary(d)), '', escapeMarkdown(t.positions(d)), '');
  }
}

export function renderMarkdown(report: Report): string {
  const t = textsFor(report.session.locale);
  const m = report.session;
  const out: string[] = [`# ${t.reportTitle}: ${escapeMarkdownInline(m.title)}`, ''];
  out.push(`- **${t.city}:** ${escapeMarkdownInline(m.city)}`);
  out.push(`- **${t.date}:** ${t.formatDate(m.date)} (${sessionKind(report, t)})`);
  if (m.caseHolderName) out.push(`- **${t.caseHolder}:** ${escapeMarkdownInline(m.caseHolderName)}`);
  if (m.facilitator) out.push(`- **${t.facilitator}:** ${escapeMarkdownInline(m.facilitator)}`);
  const p = report.participants;
  out.push(`- **${t.participants}:** ${escapeMarkdownInline(t.participantsLine(p.named, p.unnamedCount))}`, '');
  out.push(`## ${t.coreQuestion}`, '', `> ${escapeMarkdown(report.coreQuestion, '> ')}`, '');
  out.push(t.dotBudget(report.dotBudget), '');
  const f = followUpSection(report.followUp, m.locale, t.formatDate);
  if (f) {
    out.push(`## ${f.heading}`, '', escapeMarkdown(f.intro), '');
    if (f.summary) out.push(`*${f.summary}*`, '');
    if (f.empty) out.push(f.empty, '');
    for (const l of f.lines) {
      out.push(`- **${l.status}** — ${escapeMarkdown(l.text, '  ')} *(${l.dots})*`);
      if (l.note) out.push(`  ${escapeMarkdown(l.note, '  ')}`);
    }
    out.push('');
  }
  const notes = caseHolderNotesSection(report);
  if (notes) out.push(`## ${notes.heading}`, '', `*${notes.intro}*`, '', escapeMarkdown(notes.notes), '');
  for (const s of report.sections) section(s, report, t, out);
  dilemmas(report, out);
  out.push('---', '', `*${t.madeWith}*`, '');
  return out.join('\n');
}
