import {
  formatIsoDay,
  isEmptyChapter,
  type Booklet,
  type BookletChapter,
  type BookletSource,
} from '@casusbord/shared';
import { ACCENT, INK, MUTED, PdfWriter } from './pdfWriter';

/**
 * The community booklet (issue 16) as a tagged PDF, with the report's building blocks
 * (pdfWriter.ts): a title page, an introduction for newcomers, a table of contents with page
 * numbers, then one chapter per theme. Each dilemma's spread is a dot plot drawn with vector
 * shapes, a Figure whose /Alt says the spread in words. The page numbers of the contents come
 * from a first, identical pass: pdfkit cannot go back and insert them into tagged text.
 */

class BookletPdf extends PdfWriter {
  /** Chapter id → its first page (1-based), as this pass laid it out. */
  readonly pages = new Map<string, number>();

  constructor(
    private readonly b: Booklet,
    private readonly tocPages: ReadonlyMap<string, number>,
  ) {
    super({ title: b.title, subject: b.periodLabel, lang: b.texts.lang });
  }

  private source(s: BookletSource): string {
    return `${s.city} · ${formatIsoDay(s.day, this.b.texts.lang)}`;
  }

  private titlePage(): void {
    const { b } = this;
    this.doc.y = 180;
    this.paragraph(b.texts.kicker.toUpperCase(), { size: 10, color: MUTED, gap: 0.4 });
    this.tag('H1', () => this.text(b.title, { size: 26, bold: true, gap: 0.6 }));
    this.paragraph(b.periodLabel, { size: 13, gap: 0.3 });
  }

  private contents(): void {
    const t = this.b.texts;
    this.heading(t.introHeading, 1);
    for (const p of t.intro) this.paragraph(p, { gap: 0.5 });
    if (this.b.chapters.length === 0) {
      this.doc.moveDown(0.5);
      this.paragraph(t.emptyPeriod, { bold: true });
      return;
    }
    this.heading(t.tocHeading, 1);
    const toc = this.doc.struct('TOC');
    this.parent.add(toc);
    this.b.chapters.forEach((c, i) => {
      this.ensure(20);
      const y = this.doc.y;
      const page = this.tocPages.get(c.id);
      this.tag(
        'TOCI',
        () => {
          this.text(`${i + 1}. ${c.title} · ${c.sessionsLabel}`, { indent: 0 });
          if (page !== undefined) {
            this.doc.font(this.fonts.regular).fontSize(11).fillColor(INK);
            this.doc.text(String(page), this.left, y, { width: this.width, align: 'right' });
          }
        },
        {},
        toc,
      );
      this.doc.x = this.left;
      this.doc.moveDown(0.3);
    });
    toc.end();
  }

  private chapter(c: BookletChapter): void {
    const { doc } = this;
    const t = this.b.texts;
    doc.addPage();
    this.pages.set(c.id, doc.bufferedPageRange().count);
    doc.outline.addItem(this.fonts.clean(c.title));
    const outer = this.parent;
    this.parent = doc.struct('Sect');
    outer.add(this.parent);
    this.tag('H2', () => this.text(c.title, { size: 22, bold: true, color: ACCENT, gap: 0.2 }));
    this.paragraph(c.sessionsLabel, { size: 10, color: MUTED, gap: 0.4 });
    if (isEmptyChapter(c)) this.paragraph(t.emptyChapter, { color: MUTED });
    if (c.lessons.length > 0) {
      this.heading(t.lessons, 2);
      for (const l of c.lessons) {
        this.paragraph(`${l.label}: ${l.text}`, { bold: true, gap: 0.1 });
        if (l.note) this.paragraph(l.note, { indent: 14, gap: 0.1 });
        this.paragraph(this.source(l.source), { size: 9, color: MUTED, indent: 14, gap: 0.5 });
      }
    }
    if (c.movements.length > 0) {
      this.heading(t.movements, 2);
      this.paragraph(t.movementsIntro, { size: 10, color: MUTED, gap: 0.3 });
      this.bullets(c.movements.map((m) => `${t.colFrom}: ${m.from} → ${t.colTo}: ${m.to} (${m.dotsLabel})`));
    }
    if (c.readings.length > 0) {
      this.heading(t.readings, 2);
      for (const r of c.readings) {
        this.paragraph(`${r.author ? `${r.title} — ${r.author}` : r.title} (${r.verdictLabel})`, { bold: true });
        if (r.why || r.link) this.paragraph([r.why, r.link].filter(Boolean).join('\n'), { gap: 0.2 });
        if (r.reactions.length > 0) this.bullets(r.reactions, 14);
        doc.moveDown(0.3);
      }
    }
    if (c.dilemmas.length > 0) {
      this.heading(t.dilemmas, 2);
      for (const d of c.dilemmas) {
        this.ensure(90);
        this.paragraph(d.text, { bold: true, gap: 0.1 });
        this.dotPlot(d);
        this.paragraph(d.summary, { size: 10, color: MUTED, gap: 0.6 });
      }
    }
    if (c.quotes.length > 0) {
      this.heading(t.quotes, 2);
      for (const q of c.quotes) {
        this.paragraph(`“${q.text}”`, { size: 12, indent: 14, gap: 0.1 });
        this.paragraph(`— ${q.author}, ${this.source(q.source)}`, { size: 9, color: MUTED, indent: 14, gap: 0.6 });
      }
    }
    this.parent.end();
    this.parent = outer;
  }

  protected override render(): void {
    this.titlePage();
    this.doc.addPage();
    this.contents();
    for (const c of this.b.chapters) this.chapter(c);
    this.doc.moveDown(2);
    this.paragraph(this.b.texts.madeWith, { size: 9, color: MUTED });
    this.finish();
  }
}

export async function renderBookletPdf(b: Booklet): Promise<Buffer> {
  if (b.chapters.length === 0) return new BookletPdf(b, new Map()).toBuffer();
  // Pass 1 lays out the chapters to learn their pages (the contents take the same room either way).
  const first = new BookletPdf(b, new Map(b.chapters.map((c) => [c.id, 0])));
  await first.toBuffer();
  return new BookletPdf(b, first.pages).toBuffer();
}
