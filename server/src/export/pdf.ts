import {
  REACTION_ORDER,
  type Report,
  type ReportAdvice,
  type ReportCluster,
  type ReportSection,
} from '@casusbord/shared';
import { BAR_COLOUR, CHART_LABEL_CHARS, REACTION_COLOURS, dotsChartAlt, reactionsAlt } from './charts';
import { sectionHeading, sessionKind, shorten, textsFor, type ReportTexts } from './texts';
import { followUpSection } from './followUpTexts';
import { caseHolderNotesSection } from './notesTexts';
import { fitPhoto, photoTextsFor } from './photoTexts';
import { movementTextsFor } from './movementTexts';
import { dilemmaTextsFor, fractions } from './dilemmaTexts';
import { readingLines, readingTextsFor } from './readingTexts';
import { ACCENT, INK, MUTED, PdfWriter } from './pdfWriter';

/**
 * The report as a PDF drawn with pdfkit on the server (no browser): a title page, then per board
 * a bar chart of dots per advice and a reaction bar drawn with vector shapes, the numbered advice,
 * and the other columns. Text is set with DejaVu Sans when the system has it (all of Unicode that
 * people type); otherwise with the built-in Helvetica, which only knows Windows-1252, so other
 * characters are replaced rather than drawn as garbage.
 *
 * The PDF is tagged (issue 18, EN 301 549 / WCAG 2.1 AA): a structure tree under one Document
 * element gives headings H1–H4, lists L/LI/Lbl/LBody, paragraphs P, and each chart as a Figure
 * whose /Alt says in words what it shows; the language (nl-NL / en-GB) and the title are in the
 * catalogue and the Info dictionary. What only decorates (bullets' colour squares, the bar beside
 * the core question, page numbers) is marked as an Artifact, so a screen reader skips it. Marked
 * content cannot nest here: pdfkit closes an open sequence when an Artifact starts, so artifacts
 * are drawn between structure closures, never inside one.
 */

class PdfReport extends PdfWriter {
  constructor(
    private readonly report: Report,
    private readonly t: ReportTexts,
  ) {
    super({ title: `${t.reportTitle}: ${report.session.title}`, subject: report.session.city, lang: t.lang });
  }

  private clusters(groups: ReportCluster[]): void {
    if (groups.length === 0) return this.paragraph(this.t.noCards, { color: MUTED });
    for (const g of groups) {
      if (groups.length > 1 || g.title !== null) {
        this.ensure(36);
        this.paragraph(g.title !== null ? `${this.t.cluster}: ${g.title}` : this.t.other, { bold: true, gap: 0.1 });
      }
      this.bullets(g.cards.map((c) => c.text));
      this.doc.moveDown(0.3);
    }
  }

  /** A one-line label that fits `width` points in the current font, shortened at a word where possible. */
  private fit(text: string, width: number): string {
    let label = this.fonts.clean(shorten(text, CHART_LABEL_CHARS));
    for (let max = CHART_LABEL_CHARS - 4; max > 8 && this.doc.widthOfString(label) > width; max -= 4) {
      label = this.fonts.clean(shorten(text, max));
    }
    return label;
  }

  /** Dots per advice as horizontal bars (vector rectangles), labels left, counts right: one Figure. */
  private dotsChart(s: ReportSection): void {
    const { doc, t } = this;
    const row = 18;
    const labelWidth = this.width * 0.45;
    const barMax = this.width - labelWidth - 40;
    const max = Math.max(1, ...s.advice.map((a) => a.dots));
    this.heading(t.dotsChart, 2);
    // One Figure per page: a chart broken over two pages has two parts, each with the /Alt of its own rows.
    let figure: { advice: ReportAdvice; draw: () => void }[] = [];
    const flush = () => {
      if (figure.length === 0) return;
      const rows = figure;
      const alt = dotsChartAlt(
        rows.map((r) => r.advice),
        t,
      );
      this.tag('Figure', () => rows.forEach((r) => r.draw()), { alt });
      figure = [];
    };
    for (const a of s.advice) {
      if (doc.y + row > doc.page.height - doc.page.margins.bottom) {
        flush();
        doc.addPage();
      }
      const y = doc.y;
      doc.y = y + row;
      figure.push({
        advice: a,
        draw: () => {
          doc.font(this.fonts.regular).fontSize(9).fillColor(INK);
          doc.text(this.fit(`${a.rank}. ${a.text}`, labelWidth - 8), this.left, y + 4, { lineBreak: false });
          const w = a.dots === 0 ? 0 : Math.max(2, (a.dots / max) * barMax);
          if (w > 0) doc.rect(this.left + labelWidth, y + 3, w, row - 6).fill(`#${BAR_COLOUR}`);
          doc.fillColor(INK).text(String(a.dots), this.left + labelWidth + w + 5, y + 4, { lineBreak: false });
        },
      });
    }
    const end = doc.y;
    flush();
    doc.x = this.left;
    doc.y = end;
  }

  /** The reactions as one stacked bar with a legend: one Figure. */
  private reactionsBar(s: ReportSection): void {
    const { doc, t } = this;
    this.heading(t.reactionsOverview, 2);
    this.ensure(48);
    const y = doc.y;
    const total = REACTION_ORDER.reduce((sum, r) => sum + s.reactions[r], 0);
    this.tag(
      'Figure',
      () => {
        doc.rect(this.left, y, this.width, 14).fill('#F1F3F6');
        let x = this.left;
        for (const r of REACTION_ORDER) {
          if (total === 0 || s.reactions[r] === 0) continue;
          const w = (s.reactions[r] / total) * this.width;
          doc.rect(x, y, w, 14).fill(`#${REACTION_COLOURS[r]}`);
          x += w;
        }
        const step = this.width / REACTION_ORDER.length;
        REACTION_ORDER.forEach((r, i) => {
          const lx = this.left + i * step;
          doc.rect(lx, y + 22, 9, 9).fill(`#${REACTION_COLOURS[r]}`);
          doc.font(this.fonts.regular).fontSize(9).fillColor(INK);
          doc.text(`${t.reaction[r]}: ${s.reactions[r]}`, lx + 13, y + 22, { lineBreak: false });
        });
      },
      { alt: reactionsAlt(s.reactions, t) },
    );
    doc.x = this.left;
    doc.y = y + 40;
  }

  /** The ranked advice as a numbered list: the rank is the Lbl, text, details and reaction the LBody. */
  private adviceList(s: ReportSection): void {
    const { t, doc } = this;
    const list = doc.struct('L');
    this.parent.add(list);
    for (const a of s.advice) {
      this.ensure(60);
      const y = doc.y;
      const li = doc.struct('LI');
      list.add(li);
      this.tag(
        'Lbl',
        () => doc.font(this.fonts.bold).fontSize(13).fillColor(ACCENT).text(`${a.rank}.`, this.left, y, { width: 24 }),
        {},
        li,
      );
      doc.y = y;
      const body = doc.struct('LBody');
      li.add(body);
      const details = [t.dots(a.dots)];
      if (a.cluster) details.push(`${t.cluster}: ${a.cluster}`);
      if (a.fromTable) details.push(t.fromTable(a.fromTable));
      this.paragraph(a.text, { bold: true, indent: 28 }, body);
      this.paragraph(details.join(' · '), { size: 9, color: MUTED, indent: 28 }, body);
      const key = a.reaction ?? 'none';
      const ry = doc.y + 3;
      // The square repeats the reaction's colour; its name is in the text next to it.
      this.artifact(() => doc.rect(this.left + 28, ry + 1, 8, 8).fill(`#${REACTION_COLOURS[key]}`));
      doc.y = ry;
      const reaction = `${t.reactionOfCaseHolder}: ${t.reaction[key]}${a.reactionNote ? ` — ${a.reactionNote}` : ''}`;
      this.paragraph(reaction, { size: 10, indent: 42, gap: 0.6 }, body);
      body.end();
      li.end();
    }
    list.end();
  }

  private section(s: ReportSection): void {
    const { t, report, doc } = this;
    const title = sectionHeading(s, t);
    const outer = this.parent;
    this.parent = doc.struct('Sect');
    outer.add(this.parent);
    this.depth = title ? 2 : 1;
    if (title) {
      if (doc.y > doc.page.margins.top + 1) doc.addPage();
      this.tag('H2', () => this.text(title, { size: 22, bold: true, color: ACCENT, gap: 0.4 }));
    }
    if (s.coreQuestion && s.coreQuestion !== report.coreQuestion) {
      this.paragraph(`${t.coreQuestion}: ${s.coreQuestion}`, { color: MUTED, gap: 0.4 });
    }
    this.heading(t.advice, 1);
    if (s.advice.length === 0) this.paragraph(t.noAdvice, { color: MUTED });
    else {
      this.dotsChart(s);
      this.reactionsBar(s);
      doc.moveDown(0.5);
      this.adviceList(s);
    }
    this.heading(t.pitfalls, 1);
    this.clusters(s.pitfalls);
    this.heading(t.opportunities, 1);
    this.clusters(s.opportunities);
    this.heading(t.questions, 1);
    if (s.questions.length === 0) this.paragraph(t.noCards, { color: MUTED });
    else this.bullets(s.questions.map((q) => (q.rating ? `${q.text} — ${t.rating[q.rating]}` : q.text)));
    if (s.movements.length > 0) this.movements(s);
    if (s.photos.length > 0) this.photos(s);
    if (s.learnings.length > 0) {
      this.heading(t.learnings, 1);
      this.bullets(s.learnings.map((l) => (l.author ? `${l.text} — ${l.author}` : l.text)));
    }
    if (s.readings.length > 0) {
      this.heading(readingTextsFor(this.report.session.locale).heading, 1);
      for (const r of s.readings.map((x) => readingLines(x, this.report.session.locale))) {
        this.paragraph(`${r.title} (${r.verdict})`, { bold: true });
        this.paragraph(r.link ? `${r.why}\n${r.link}` : r.why);
        if (r.reactions.length > 0) this.bullets(r.reactions, 14);
      }
    }
    this.parent.end();
    this.parent = outer;
    this.depth = 1;
  }

  /** Issue 16: the dilemma lines, each revealed spread as a dot plot Figure (pdfWriter.ts), in words under it. */
  private dilemmas(): void {
    if (this.report.dilemmas.length === 0) return;
    const t = dilemmaTextsFor(this.report.session.locale);
    this.doc.addPage();
    this.heading(t.heading, 1);
    this.paragraph(t.intro, { size: 10, color: MUTED, gap: 0.4 });
    for (const d of this.report.dilemmas) {
      this.ensure(90);
      if (d.text) this.paragraph(d.text, { bold: true, gap: 0.1 });
      if (!d.revealed) {
        this.paragraph(`← ${d.left}   |   ${d.right} →`, { size: 9, color: MUTED });
        this.paragraph(t.notRevealed(d.count), { size: 10, color: MUTED, gap: 0.6 });
        continue;
      }
      const summary = t.summary(d);
      this.dotPlot({ positions: fractions(d), left: d.left, right: d.right, summary });
      this.paragraph(summary, { size: 10, color: MUTED, gap: 0.6 });
    }
  }

  /**
   * Issue 16: the from → to table as a tagged Table (a TR of TH, then a TR of TD per row), most
   * dots first; the arrow between the cells and the rules between the rows are Artifacts.
   */
  private movements(s: ReportSection): void {
    const { doc } = this;
    const m = movementTextsFor(this.report.session.locale);
    this.heading(m.heading, 1);
    this.paragraph(m.intro, { size: 10, color: MUTED, gap: 0.4 });
    const arrow = 22;
    const side = (this.width - arrow - 64) / 2;
    const xs = [this.left, this.left + side + arrow, this.left + 2 * side + arrow + 8];
    const widths = [side, side, 56];
    const table = doc.struct('Table');
    this.parent.add(table);
    const row = (cells: string[], bold: boolean, withArrow: boolean) => {
      doc.font(bold ? this.fonts.bold : this.fonts.regular).fontSize(bold ? 9 : 10);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(this.fonts.clean(c), { width: widths[i] })));
      this.ensure(height + 10);
      const y = doc.y + 4;
      const tr = doc.struct('TR');
      table.add(tr);
      cells.forEach((c, i) =>
        this.tag(
          bold ? 'TH' : 'TD',
          () => {
            doc
              .font(bold ? this.fonts.bold : this.fonts.regular)
              .fontSize(bold ? 9 : 10)
              .fillColor(bold ? MUTED : INK);
            doc.text(this.fonts.clean(c), xs[i]!, y, { width: widths[i]! });
          },
          {},
          tr,
        ),
      );
      tr.end();
      const bottom = y + height + 4;
      this.artifact(() => {
        if (withArrow) {
          const ax = this.left + side + 4;
          const ay = y + 6;
          doc
            .moveTo(ax, ay)
            .lineTo(ax + arrow - 12, ay)
            .lineWidth(1.2)
            .stroke(MUTED);
          doc.polygon([ax + arrow - 12, ay - 3], [ax + arrow - 6, ay], [ax + arrow - 12, ay + 3]).fill(MUTED);
        }
        doc
          .moveTo(this.left, bottom)
          .lineTo(this.left + this.width, bottom)
          .lineWidth(0.5)
          .stroke('#D9DDE3');
      });
      doc.x = this.left;
      doc.y = bottom;
    };
    row([m.colFrom, m.colTo, m.colDots], true, false);
    for (const r of s.movements) row([r.from, r.to, m.dots(r.dots)], false, true);
    table.end();
    doc.moveDown(0.8);
  }

  /**
   * Issue 16: each photo of the board as a Figure whose /Alt is its caption, at up to the page
   * width and 300 pt high, the caption and the card it is on under it.
   */
  private photos(s: ReportSection): void {
    const { doc } = this;
    const p = photoTextsFor(this.report.session.locale);
    this.heading(p.heading, 1);
    for (const photo of s.photos) {
      const size = fitPhoto(photo, this.width, 300);
      this.ensure((photo.image ? size.height : 0) + 60);
      if (photo.image) {
        const y = doc.y;
        const image = Buffer.from(photo.image.full);
        this.tag('Figure', () => doc.image(image, this.left, y, size), { alt: photo.caption });
        doc.x = this.left;
        doc.y = y + size.height + 4;
      }
      this.paragraph(photo.caption, { bold: true });
      if (!photo.image) this.paragraph(p.gone, { color: MUTED });
      this.paragraph(p.onCard(photo.column, photo.cardText), { size: 9, color: MUTED, gap: 0.8 });
    }
  }

  private titlePage(): void {
    const { t, report } = this;
    const m = report.session;
    this.doc.y = 160;
    this.paragraph(`${t.reportTitle} · ${sessionKind(report, t)}`.toUpperCase(), { size: 10, color: MUTED, gap: 0.4 });
    this.tag('H1', () => this.text(m.title, { size: 26, bold: true, gap: 0.6 }));
    const lines: [string, string][] = [
      [t.city, m.city],
      [t.date, t.formatDate(m.date)],
    ];
    if (m.caseHolderName) lines.push([t.caseHolder, m.caseHolderName]);
    if (m.facilitator) lines.push([t.facilitator, m.facilitator]);
    lines.push([t.participants, t.participantsLine(report.participants.named, report.participants.unnamedCount)]);
    for (const [k, v] of lines) this.paragraph(`${k}: ${v}`, { gap: 0.2 });
    this.doc.moveDown(1.2);
    this.tag('H2', () => this.text(t.coreQuestion, { size: 14, bold: true, gap: 0.3 }));
    const y = this.doc.y;
    this.paragraph(report.coreQuestion, { size: 14, indent: 14, gap: 0.2 });
    const bottom = this.doc.y;
    this.artifact(() => this.doc.rect(this.left, y, 3, bottom - y).fill(ACCENT));
    this.doc.moveDown(0.6);
    this.paragraph(t.dotBudget(report.dotBudget), { size: 10, color: MUTED });
  }

  /** "What became of earlier advice" (issue 9): only in the report of a follow-up session. */
  private followUp(): void {
    const f = followUpSection(this.report.followUp, this.report.session.locale, this.t.formatDate);
    if (!f) return;
    this.heading(f.heading, 1);
    this.paragraph(f.intro, { gap: 0.3 });
    if (f.summary) this.paragraph(f.summary, { size: 10, color: MUTED, gap: 0.4 });
    if (f.empty) this.paragraph(f.empty, { color: MUTED });
    for (const l of f.lines) {
      this.paragraph(`${l.status}: ${l.text} (${l.dots})`, { gap: l.note ? 0.1 : 0.4 });
      if (l.note) this.paragraph(l.note, { size: 10, color: MUTED, indent: 14, gap: 0.4 });
    }
    this.doc.addPage();
  }

  /** The case holder's own notes (issue 15): only in their copy of the report. */
  private caseHolderNotes(): void {
    const n = caseHolderNotesSection(this.report);
    if (!n) return;
    this.heading(n.heading, 1);
    this.paragraph(n.intro, { size: 10, color: MUTED, gap: 0.4 });
    this.paragraph(n.notes);
    this.doc.addPage();
  }

  protected override render(): void {
    this.titlePage();
    this.doc.addPage();
    this.followUp();
    this.caseHolderNotes();
    for (const s of this.report.sections) this.section(s);
    this.dilemmas();
    this.doc.moveDown(2);
    this.paragraph(this.t.madeWith, { size: 9, color: MUTED });
    this.finish();
  }
}

export function renderPdf(report: Report): Promise<Buffer> {
  return new PdfReport(report, textsFor(report.session.locale)).toBuffer();
}
