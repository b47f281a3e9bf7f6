import type { Report, ReportAdvice, ReportCluster, ReportQuestion, ReportSection } from '@casusbord/shared';
import { REACTION_COLOURS, dotsChartSvg, escapeHtml, reactionsSvg } from './charts';
import { sectionHeading, sessionKind, textsFor, type ReportTexts } from './texts';
import { followUpSection } from './followUpTexts';
import { fitPhoto, photoTextsFor } from './photoTexts';
import { FORMS_CSS, dilemmasHtml, movementsHtml } from './formsHtml';
import { readingLines, readingTextsFor } from './readingTexts';
import { caseHolderNotesSection } from './notesTexts';

/**
 * The report as one self-contained, print-friendly HTML page (what `/r/<token>` shows). No
 * scripts, no external resources; every user string is HTML-escaped, and line breaks are kept by
 * CSS (white-space: pre-line) rather than by inserting markup. The same policy as the response
 * header sits in a meta tag, so the page is also safe when shown from a file or in an iframe srcdoc.
 * One link, relative (`?lang=en|nl`), switches the page to the other language.
 */

const META_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
/** The response header adds frame-ancestors, which browsers ignore in a meta tag (the host UI may frame it). */
export const REPORT_CSP = `${META_CSP}; frame-ancestors 'self'`;

const CSS = `
:root { --ink: #1d2330; --muted: #5b6474; --line: #d9dde3; --accent: #1f5fa8; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 16px/1.5 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f4f5f7; }
.page { max-width: 860px; margin: 0 auto; padding: 32px 40px 48px; background: #fff; }
.user { white-space: pre-line; overflow-wrap: anywhere; }
.kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: 13px; }
h1 { font-size: 30px; line-height: 1.2; margin: 6px 0 16px; }
h2 { font-size: 22px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 18px; margin: 24px 0 8px; }
h4 { font-size: 15px; margin: 16px 0 4px; color: var(--muted); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 16px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
blockquote.core { margin: 8px 0 0; padding: 12px 16px; border-left: 4px solid var(--accent); background: #eef3fa; font-size: 18px; }
.note { color: var(--muted); font-size: 14px; }
ol.advice { padding-left: 0; list-style: none; counter-reset: none; }
ol.advice > li { display: grid; grid-template-columns: 36px 1fr; gap: 0 8px; padding: 10px 0; border-top: 1px solid var(--line); }
.rank { font-weight: 700; font-size: 20px; color: var(--accent); }
.advice-text { margin: 0; font-weight: 600; }
.details { margin: 2px 0 0; color: var(--muted); font-size: 14px; }
.reaction { margin: 6px 0 0; font-size: 15px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 13px; font-weight: 600; }
.badge.none { color: var(--ink); }
.badge.followup { background: #5B6474; }
.badge.followup.done { background: #2E7D32; }
.badge.followup.in_progress { background: #1F5FA8; }
.badge.followup.dropped { background: #8A4B08; }
.badge.followup.unmarked { background: #E3E6EB; color: var(--ink); }
figure { margin: 12px 0 20px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg text { fill: var(--ink); }
ul.cards { margin: 4px 0 12px; padding-left: 20px; }
ul.cards li { margin: 2px 0; }
.author { color: var(--muted); }
nav.lang { display: flex; justify-content: flex-end; margin: 0 0 8px; }
nav.lang a { color: var(--accent); font-weight: 600; padding: 4px 8px; border-radius: 4px; }
nav.lang a:focus-visible { outline: 3px solid #b36b00; outline-offset: 2px; }
div.photos { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; }
figure.photo { margin: 0; }
figure.photo img { display: block; width: 100%; height: auto; border-radius: 4px; background: var(--line); }
figure.photo figcaption { font-weight: 400; margin: 6px 0 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  header.title { min-height: 60vh; }
  nav.lang { display: none; }
  h2, h3, h4, figcaption { break-after: avoid; }
  ol.advice > li, figure, ul.cards li, blockquote { break-inside: avoid; }
  section.board + section.board { break-before: page; }
}
`;

const e = escapeHtml;

function userText(tag: string, text: string, cls = ''): string {
  return `<${tag} class="user${cls ? ` ${cls}` : ''}">${e(text)}</${tag}>`;
}

/** A question with the case holder's rating after it, when it has one. */
function questionItem(q: ReportQuestion, t: ReportTexts): string {
  if (!q.rating) return userText('li', q.text);
  const rating = `<span class="rating rating-${q.rating}">— ${e(t.rating[q.rating])}</span>`;
  return `<li><span class="user">${e(q.text)}</span> ${rating}</li>`;
}

function adviceItem(a: ReportAdvice, t: ReportTexts): string {
  const details = [e(t.dots(a.dots))];
  if (a.cluster) details.push(`${e(t.cluster)}: ${e(a.cluster)}`);
  if (a.fromTable) details.push(e(t.fromTable(a.fromTable)));
  const key = a.reaction ?? 'none';
  const badge = `<span class="badge ${key}" style="background:#${REACTION_COLOURS[key]}">${e(t.reaction[key])}</span>`;
  const note = a.reactionNote ? ` <span class="user">${e(a.reactionNote)}</span>` : '';
  return (
    `<li><span class="rank">${a.rank}</span><div>` +
    userText('p', a.text, 'advice-text') +
    `<p class="details">${details.join(' · ')}</p>` +
    `<p class="reaction">${e(t.reactionOfCaseHolder)}: ${badge}${note}</p>` +
    `</div></li>`
  );
}

function clusterList(groups: ReportCluster[], t: ReportTexts): string {
  if (groups.length === 0) return `<p class="note">${e(t.noCards)}</p>`;
  return groups
    .map((g) => {
      const showTitle = groups.length > 1 || g.title !== null;
      const title = g.title !== null ? `${e(t.cluster)}: ${e(g.title)}` : e(t.other);
      const items = g.cards.map((c) => userText('li', c.text)).join('');
      return `${showTitle ? `<h4>${title}</h4>` : ''}<ul class="cards">${items}</ul>`;
    })
    .join('');
}

function sectionHtml(s: ReportSection, report: Report, t: ReportTexts): string {
  const heading = sectionHeading(s, t);
  const h = heading ? 'h3' : 'h2';
  const out: string[] = [`<section class="board">`];
  if (heading) out.push(`<h2>${e(heading)}</h2>`);
  if (s.coreQuestion && s.coreQuestion !== report.coreQuestion) {
    out.push(`<p><strong>${e(t.coreQuestion)}:</strong> <span class="user">${e(s.coreQuestion)}</span></p>`);
  }
  out.push(`<${h}>${e(t.advice)}</${h}>`);
  if (s.advice.length === 0) {
    out.push(`<p class="note">${e(t.noAdvice)}</p>`);
  } else {
    out.push(`<figure><figcaption>${e(t.dotsChart)}</figcaption>${dotsChartSvg(s.advice, t)}</figure>`);
    out.push(`<figure><figcaption>${e(t.reactionsOverview)}</figcaption>${reactionsSvg(s.reactions, t)}</figure>`);
    out.push(`<ol class="advice">${s.advice.map((a) => adviceItem(a, t)).join('')}</ol>`);
  }
  out.push(`<${h}>${e(t.pitfalls)}</${h}>`, clusterList(s.pitfalls, t));
  out.push(`<${h}>${e(t.opportunities)}</${h}>`, clusterList(s.opportunities, t));
  out.push(`<${h}>${e(t.questions)}</${h}>`);
  out.push(
    s.questions.length === 0
      ? `<p class="note">${e(t.noCards)}</p>`
      : `<ul class="cards">${s.questions.map((q) => questionItem(q, t)).join('')}</ul>`,
  );
  if (s.movements.length > 0) out.push(movementsHtml(s, report, h));
  if (s.photos.length > 0) out.push(photosHtml(s, report, h));
  if (s.learnings.length > 0) {
    const items = s.learnings.map(
      (l) =>
        `<li><span class="user">${e(l.text)}</span>${l.author ? ` <span class="author">— ${e(l.author)}</span>` : ''}</li>`,
    );
    out.push(`<${h}>${e(t.learnings)}</${h}>`, `<ul class="cards">${items.join('')}</ul>`);
  }
  if (s.readings.length > 0) {
    const items = s.readings.map((x) => {
      const r = readingLines(x, report.session.locale);
      const link = r.link ? `<br><a class="user" href="${e(r.link)}" rel="noopener noreferrer">${e(r.link)}</a>` : '';
      const reactions = r.reactions.map((y) => `<li class="user">${e(y)}</li>`).join('');
      return (
        `<li data-reading-id="${e(x.id)}"><strong class="user">${e(r.title)}</strong> <span class="author">(${e(r.verdict)})</span>` +
        `<br><span class="user">${e(r.why)}</span>${link}${reactions ? `<ul>${reactions}</ul>` : ''}</li>`
      );
    });
    out.push(
      `<${h}>${e(readingTextsFor(report.session.locale).heading)}</${h}>`,
      `<ul class="cards">${items.join('')}</ul>`,
    );
  }
  out.push('</section>');
  return out.join('\n');
}

/**
 * Issue 16: the board's photos, each embedded as its preview (a data: URI, so the page stays one
 * self-contained file) with its caption as alt text and under it, and the card it is on.
 */
function photosHtml(s: ReportSection, report: Report, h: string): string {
  const p = photoTextsFor(report.session.locale);
  const figures = s.photos.map((photo) => {
    const { width, height } = fitPhoto(photo, 640, 640);
    const img = photo.image
      ? `<img src="data:${photo.image.type};base64,${Buffer.from(photo.image.preview).toString('base64')}" alt="${e(photo.caption)}" width="${width}" height="${height}">`
      : `<p class="note">${e(p.gone)}</p>`;
    return (
      `<figure class="photo" data-photo-id="${e(photo.id)}">${img}<figcaption>` +
      userText('span', photo.caption) +
      `<br><span class="details user">${e(p.onCard(photo.column, photo.cardText))}</span></figcaption></figure>`
    );
  });
  return `<${h}>${e(p.heading)}</${h}><div class="photos">${figures.join('')}</div>`;
}

/** "What became of earlier advice" (issue 9): only in the report of a follow-up session. */
function followUpHtml(report: Report, t: ReportTexts): string {
  const f = followUpSection(report.followUp, report.session.locale, t.formatDate);
  if (!f) return '';
  const items = f.lines.map(
    (l) =>
      `<li><span class="badge followup ${l.statusKey}">${e(l.status)}</span> ${userText('span', l.text)}` +
      ` <span class="details">(${e(l.dots)})</span>${l.note ? `<p class="user note">${e(l.note)}</p>` : ''}</li>`,
  );
  return [
    `<section class="board followup" data-testid="report-followup">`,
    `<h2>${e(f.heading)}</h2>`,
    `<p class="user">${e(f.intro)}</p>`,
    f.summary ? `<p class="note">${e(f.summary)}</p>` : '',
    f.empty ? `<p class="note">${e(f.empty)}</p>` : `<ul class="cards">${items.join('')}</ul>`,
    `</section>`,
  ].join('\n');
}

/** The case holder's own notes (issue 15): only in their copy of the report. */
function notesHtml(report: Report): string {
  const n = caseHolderNotesSection(report);
  if (!n) return '';
  return [
    `<section class="board notes" data-testid="report-case-holder-notes">`,
    `<h2>${e(n.heading)}</h2>`,
    `<p class="note">${e(n.intro)}</p>`,
    userText('p', n.notes),
    `</section>`,
  ].join('\n');
}

/** `languageLink: false` leaves out the "other language" link (an embedded report, where `?lang=` leads nowhere). */
export function renderHtml(report: Report, opts: { languageLink?: boolean } = {}): string {
  const t = textsFor(report.session.locale);
  const m = report.session;
  const meta: [string, string][] = [
    [t.city, m.city],
    [t.date, t.formatDate(m.date)],
  ];
  if (m.caseHolderName) meta.push([t.caseHolder, m.caseHolderName]);
  if (m.facilitator) meta.push([t.facilitator, m.facilitator]);
  const p = report.participants;
  meta.push([t.participants, t.participantsLine(p.named, p.unnamedCount)]);
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${e(META_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${e(`${t.reportTitle}: ${m.title} — ${m.city}`)}</title>
<style>${CSS}${FORMS_CSS}</style>
</head>
<body>
<div class="page">
${opts.languageLink === false ? '' : `<nav class="lang"><a data-testid="report-language" href="?lang=${t.otherLocale}" hreflang="${t.otherLocale}" lang="${t.otherLocale}" aria-label="${e(t.otherLanguageLabel)}">${e(t.otherLanguage)}</a></nav>\n`}<header class="title">
<p class="kicker">${e(`${t.reportTitle} · ${sessionKind(report, t)}`)}</p>
<h1 class="user">${e(m.title)}</h1>
<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd class="user">${e(v)}</dd>`).join('')}</dl>
<h2>${e(t.coreQuestion)}</h2>
<blockquote class="core user">${e(report.coreQuestion)}</blockquote>
<p class="note">${e(t.dotBudget(report.dotBudget))}</p>
</header>
<main>
${followUpHtml(report, t)}
${notesHtml(report)}
${report.sections.map((s) => sectionHtml(s, report, t)).join('\n')}
${dilemmasHtml(report)}
</main>
<footer>${e(`${t.madeWith} · ${m.city} · ${t.formatDate(m.date)}`)}</footer>
</div>
</body>
</html>
`;
}
