import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { stackDots } from '@casusbord/shared';
import { PLOT_COLOUR } from './dotPlot';

/**
 * The tagged-PDF building blocks the report (pdf.ts) and the community booklet (bookletPdf.ts)
 * share: fonts, headings, paragraphs, lists, artifacts and page numbers on an A4 pdfkit document.
 * Text is set with DejaVu Sans when the system has it (all of Unicode that people type);
 * otherwise with the built-in Helvetica, which only knows Windows-1252, so other characters are
 * replaced rather than drawn as garbage.
 *
 * Tagging (issue 18, EN 301 549 / WCAG 2.1 AA): one Document element holds the structure tree;
 * what only decorates is drawn as an Artifact. Marked content cannot nest here: pdfkit closes an
 * open sequence when an Artifact starts, so artifacts are drawn between structure closures.
 */

const FONT_CANDIDATES = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
] as const;

export interface Fonts {
  regular: string;
  bold: string;
  /** Makes a user string drawable with these fonts. */
  clean(text: string): string;
}

/** The characters of Windows-1252 beyond Latin-1 that the standard PDF fonts can draw. */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

function pickFonts(doc: PDFKit.PDFDocument): Fonts {
  for (const [regular, bold] of FONT_CANDIDATES) {
    if (fs.existsSync(regular) && fs.existsSync(bold)) {
      doc.registerFont('body', regular);
      doc.registerFont('body-bold', bold);
      return { regular: 'body', bold: 'body-bold', clean: (s) => s };
    }
  }
  return {
    regular: 'Helvetica',
    bold: 'Helvetica-Bold',
    clean: (s) =>
      [...s]
        .map((ch) => (ch === '\n' || (ch >= ' ' && ch <= '\u00FF') || CP1252_EXTRA.includes(ch) ? ch : '?'))
        .join(''),
  };
}

export const INK = '#1D2330';
export const MUTED = '#5B6474';
export const ACCENT = '#1F5FA8';

type HeadingTag = 'H1' | 'H2' | 'H3' | 'H4';
const HEADINGS: readonly HeadingTag[] = ['H1', 'H2', 'H3', 'H4'];

export interface TextOptions {
  size?: number;
  bold?: boolean;
  color?: string;
  indent?: number;
  gap?: number;
}

export interface PdfInfo {
  title: string;
  subject: string;
  /** BCP 47 tag of the document language. */
  lang: string;
}

/** A dilemma line's spread as dotPlot draws it: positions 0 … 1 (0 = the left pole). */
export interface DotPlotSpread {
  positions: readonly number[];
  left: string;
  right: string;
  /** The spread in words: the Figure's /Alt. */
  summary: string;
}

export abstract class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  protected readonly fonts: Fonts;
  /** The structure element that new content goes into: the Document, or a part's Sect. */
  protected parent: PDFKit.PDFStructureElement;
  /** Depth of the heading that opened the current part: 1 under the title, 2 inside a named part. */
  protected depth = 1;

  constructor(info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      info: { Title: info.title, Author: 'Casusbord', Subject: info.subject },
      pdfVersion: '1.7',
      tagged: true,
      lang: info.lang,
      displayTitle: true,
      // Kept until the end so that page numbers ("2 / 5") can be written once the count is known.
      bufferPages: true,
    });
    this.fonts = pickFonts(this.doc);
    this.parent = this.doc.struct('Document');
    this.doc.addStructure(this.parent);
  }

  /** Draws the whole document; ends with `finish()`. */
  protected abstract render(): void;

  /** Closes the structure tree, numbers the pages and ends the document. */
  protected finish(): void {
    this.parent.end();
    this.pageNumbers();
    this.doc.end();
  }

  /** The rendered file. */
  toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.render();
    });
  }

  protected get left(): number {
    return this.doc.page.margins.left;
  }
  protected get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  protected ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  /** Draws `draw` as the content of a new structure element `type` under `into` (default: the current part). */
  protected tag(
    type: string,
    draw: () => void,
    opts: PDFKit.Mixins.StructureElementOptions = {},
    into = this.parent,
  ): void {
    into.add(this.doc.struct(type, opts, [draw]));
  }

  /** Draws decoration that carries no information as an Artifact, outside the structure tree. */
  protected artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Sets a text at the current position; untagged: callers wrap it in tag() or artifact(). */
  protected text(s: string, opts: TextOptions = {}): void {
    const { doc } = this;
    doc
      .font(opts.bold ? this.fonts.bold : this.fonts.regular)
      .fontSize(opts.size ?? 11)
      .fillColor(opts.color ?? INK);
    const x = this.left + (opts.indent ?? 0);
    doc.text(this.fonts.clean(s), x, doc.y, { width: this.width - (opts.indent ?? 0) });
    if (opts.gap) doc.moveDown(opts.gap);
  }

  protected paragraph(s: string, opts: TextOptions = {}, into = this.parent): void {
    this.tag('P', () => this.text(s, opts), {}, into);
  }

  /** A heading one (`level` 1) or two levels below the part it is in; the look follows `level`. */
  protected heading(s: string, level: 1 | 2): void {
    this.ensure(level === 1 ? 80 : 50);
    this.doc.moveDown(level === 1 ? 1 : 0.6);
    const tag = HEADINGS[Math.min(this.depth + level, HEADINGS.length) - 1]!;
    this.tag(tag, () =>
      this.text(s, { size: level === 1 ? 18 : 14, bold: true, color: level === 1 ? ACCENT : INK, gap: 0.3 }),
    );
  }

  /** A bulleted list: L with one LI per item, the bullet as its Lbl and the text as its LBody. */
  protected bullets(items: string[], indent = 0): void {
    if (items.length === 0) return;
    const list = this.doc.struct('L');
    this.parent.add(list);
    for (const item of items) {
      this.ensure(20);
      const y = this.doc.y;
      const li = this.doc.struct('LI');
      list.add(li);
      this.tag('Lbl', () => this.doc.circle(this.left + indent + 4, y + 6, 1.8).fill(INK), { actual: '•' }, li);
      this.doc.y = y;
      this.tag('LBody', () => this.text(item, { indent: indent + 14, gap: 0.15 }), {}, li);
      li.end();
    }
    list.end();
  }

  /**
   * Dots on a line between the poles, the pole names under its ends: one Figure whose /Alt is the
   * spread in words (issue 16: the booklet's and the report's dilemma lines).
   */
  protected dotPlot(d: DotPlotSpread): void {
    const { doc } = this;
    const r = 4.5;
    const dots = stackDots(d.positions, (2 * r + 1) / this.width);
    const levels = Math.max(1, ...dots.map((x) => x.level + 1));
    const height = levels * (2 * r + 2) + 30;
    this.ensure(height + 10);
    const top = doc.y + 4;
    const base = top + levels * (2 * r + 2) + 4;
    const x0 = this.left + r;
    const span = this.width - 2 * r;
    this.tag(
      'Figure',
      () => {
        doc
          .moveTo(x0, base)
          .lineTo(x0 + span, base)
          .lineWidth(1.5)
          .stroke('#8A93A3');
        for (const at of [0, 0.5, 1]) {
          doc
            .moveTo(x0 + at * span, base - 4)
            .lineTo(x0 + at * span, base + 4)
            .lineWidth(1)
            .stroke('#8A93A3');
        }
        for (const dot of dots)
          doc.circle(x0 + dot.at * span, base - r - 2 - dot.level * (2 * r + 2), r).fill(`#${PLOT_COLOUR}`);
        doc.font(this.fonts.regular).fontSize(9).fillColor(MUTED);
        doc.text(this.fonts.clean(`← ${d.left}`), this.left, base + 7, { width: this.width / 2 - 4, lineBreak: false });
        doc.text(this.fonts.clean(`${d.right} →`), this.left + this.width / 2 + 4, base + 7, {
          width: this.width / 2 - 4,
          align: 'right',
          lineBreak: false,
        });
      },
      { alt: d.summary },
    );
    doc.x = this.left;
    doc.y = base + 24;
  }

  /** "n / N" at the foot of every page but the title page, as a pagination Artifact. */
  protected pageNumbers(): void {
    const { doc } = this;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start + 1; i < start + count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      // Writing inside the bottom margin would otherwise start a new page.
      doc.page.margins.bottom = 0;
      this.artifact(() => {
        doc.font(this.fonts.regular).fontSize(9).fillColor(MUTED);
        doc.text(`${i - start + 1} / ${count}`, this.left, doc.page.height - bottom / 2 - 4, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      }, 'Pagination');
      doc.page.margins.bottom = bottom;
    }
  }
}
