import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  StringValueElement,
  Table,
  TableCell,
  TableProperties,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ITableOptions,
} from 'docx';
import JSZip from 'jszip';
import { REACTION_ORDER, type Report, type ReportCluster, type ReportSection } from '@casusbord/shared';
import { BAR_COLOUR, CHART_LABEL_CHARS, REACTION_COLOURS, dotsChartAlt, reactionsAlt } from './charts';
import { sectionHeading, sessionKind, shorten, textsFor, type ReportTexts } from './texts';
import { followUpSection } from './followUpTexts';
import { fitPhoto, photoTextsFor } from './photoTexts';
import { movementTextsFor } from './movementTexts';
import { dotPlotSvg } from './dotPlot';
import { dilemmaTextsFor, fractions } from './dilemmaTexts';
import { readingLines, readingTextsFor } from './readingTexts';
import { caseHolderNotesSection } from './notesTexts';

/**
 * The report as a Word document (docx library): a title page, then per board the numbered advice
 * with dots and reaction, a dots chart (a table of bar characters, which survives every Word and
 * LibreOffice version, unlike embedded charts), a table of reactions, and the other columns.
 * The library XML-escapes all text; the report model has already removed characters XML forbids.
 *
 * Accessibility (issue 18): headings use Word's own Heading 1–3 styles (navigation pane, screen
 * readers), every table repeats a marked header row, the two chart tables carry Word's alt text
 * (title and description, `w:tblCaption`/`w:tblDescription`) saying in words what they show, and
 * the document language is set on the default run (`w:lang`) and in the core properties.
 */

const NUMBERING = 'advice';
const BAR_CHARS = 24;

/** Runs of a user text; line breaks become Word line breaks inside the same paragraph. */
export function runs(text: string, options: IRunOptions = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...options, text: line, break: i > 0 ? 1 : undefined }));
}

export function para(text: string, options: IRunOptions = {}): Paragraph {
  return new Paragraph({ children: runs(text, options) });
}

export type HeadingLevelValue = (typeof HeadingLevel)[keyof typeof HeadingLevel];

export function heading(text: string, level: HeadingLevelValue): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(text)] });
}

export function cell(children: Paragraph[], opts: { fill?: string; width?: number } = {}): TableCell {
  return new TableCell({
    children,
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } } : {}),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
  });
}

/** What Word calls a table's alt text: a short title and a description read out by screen readers. */
export interface AltText {
  title: string;
  description: string;
}

/**
 * A table with alt text. The docx library has no option for `w:tblCaption`/`w:tblDescription`, so
 * they are appended to the table's properties, where the schema puts them last (after `w:tblLook`,
 * which these tables do not set).
 */
class DescribedTable extends Table {
  constructor(options: ITableOptions, alt: AltText) {
    super(options);
    const properties: unknown = this.root[0];
    if (!(properties instanceof TableProperties)) throw new Error('docx: table properties not found');
    properties.addChildElement(new StringValueElement('w:tblCaption', alt.title));
    properties.addChildElement(new StringValueElement('w:tblDescription', alt.description));
  }
}

export function table(header: string[], rows: TableCell[][], widths: number[], alt: AltText): Table {
  const head = new TableRow({
    tableHeader: true,
    children: header.map((h, i) => cell([para(h, { bold: true })], { fill: 'E8ECF2', width: widths[i] })),
  });
  return new DescribedTable(
    {
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [head, ...rows.map((children) => new TableRow({ cantSplit: true, children }))],
    },
    alt,
  );
}

function clusterBlocks(groups: ReportCluster[], t: ReportTexts): Paragraph[] {
  if (groups.length === 0) return [para(t.noCards, { italics: true })];
  const out: Paragraph[] = [];
  for (const g of groups) {
    if (groups.length > 1 || g.title !== null) {
      out.push(para(g.title !== null ? `${t.cluster}: ${g.title}` : t.other, { bold: true }));
    }
    for (const c of g.cards) out.push(new Paragraph({ bullet: { level: 0 }, children: runs(c.text) }));
  }
  return out;
}

function sectionBlocks(s: ReportSection, index: number, report: Report, t: ReportTexts): (Paragraph | Table)[] {
  const title = sectionHeading(s, t);
  const h = title ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1;
  const sub = title ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2;
  const out: (Paragraph | Table)[] = [];
  if (title) out.push(heading(title, HeadingLevel.HEADING_1));
  if (s.coreQuestion && s.coreQuestion !== report.coreQuestion) {
    out.push(
      new Paragraph({ children: [new TextRun({ text: `${t.coreQuestion}: `, bold: true }), ...runs(s.coreQuestion)] }),
    );
  }

  out.push(heading(t.advice, h));
  if (s.advice.length === 0) out.push(para(t.noAdvice, { italics: true }));
  for (const a of s.advice) {
    const details = [t.dots(a.dots)];
    if (a.cluster) details.push(`${t.cluster}: ${a.cluster}`);
    if (a.fromTable) details.push(t.fromTable(a.fromTable));
    out.push(
      new Paragraph({
        numbering: { reference: NUMBERING, level: 0, instance: index },
        keepNext: true,
        children: [
          ...runs(a.text, { bold: true }),
          new TextRun({ text: details.join(' · '), break: 1, color: '5B6474' }),
        ],
      }),
      new Paragraph({
        indent: { left: 720 },
        spacing: { after: 160 },
        children: [
          new TextRun({ text: `${t.reactionOfCaseHolder}: `, bold: true }),
          new TextRun({
            text: t.reaction[a.reaction ?? 'none'],
            bold: true,
            color: REACTION_COLOURS[a.reaction ?? 'none'],
          }),
          ...(a.reactionNote ? [new TextRun(' — '), ...runs(a.reactionNote)] : []),
        ],
      }),
    );
  }

  if (s.advice.length > 0) {
    const max = Math.max(1, ...s.advice.map((a) => a.dots));
    out.push(heading(t.dotsChart, sub));
    out.push(
      table(
        [t.colAdvice, t.colDots],
        s.advice.map((a) => [
          cell([para(`${a.rank}. ${shorten(a.text, CHART_LABEL_CHARS)}`)], { width: 50 }),
          cell(
            [
              new Paragraph({
                children: [
                  new TextRun({ text: '█'.repeat(Math.round((a.dots / max) * BAR_CHARS)), color: BAR_COLOUR }),
                  new TextRun(` ${a.dots}`),
                ],
              }),
            ],
            { width: 50 },
          ),
        ]),
        [50, 50],
        { title: t.dotsChart, description: dotsChartAlt(s.advice, t) },
      ),
    );
    out.push(heading(t.reactionsTable, sub));
    out.push(
      table(
        [t.colRank, t.colAdvice, t.colDots, t.colReaction, t.colNote],
        s.advice.map((a) => {
          const key = a.reaction ?? 'none';
          return [
            cell([para(String(a.rank))], { width: 6 }),
            cell([para(a.text)], { width: 40 }),
            cell([para(String(a.dots))], { width: 9 }),
            cell([para(t.reaction[key], { bold: true, color: key === 'none' ? '1D2330' : 'FFFFFF' })], {
              fill: REACTION_COLOURS[key],
              width: 15,
            }),
            cell([para(a.reactionNote)], { width: 30 }),
          ];
        }),
        [6, 40, 9, 15, 30],
        { title: t.reactionsTable, description: reactionsAlt(s.reactions, t) },
      ),
    );
    out.push(para(''));
    out.push(para(REACTION_ORDER.map((r) => `${t.reaction[r]}: ${s.reactions[r]}`).join(' · '), { bold: true }));
  }

  out.push(heading(t.pitfalls, h), ...clusterBlocks(s.pitfalls, t));
  out.push(heading(t.opportunities, h), ...clusterBlocks(s.opportunities, t));
  out.push(heading(t.questions, h));
  if (s.questions.length === 0) out.push(para(t.noCards, { italics: true }));
  for (const q of s.questions) {
    // The case holder's rating (Socratic intervision) after the question, as in the other formats.
    const rating = q.rating ? [new TextRun({ text: ` — ${t.rating[q.rating]}`, italics: true, color: '5B6474' })] : [];
    out.push(new Paragraph({ bullet: { level: 0 }, children: [...runs(q.text), ...rating] }));
  }
  if (s.movements.length > 0) out.push(...movementBlocks(s, report, h));
  if (s.photos.length > 0)
    out.push(heading(photoTextsFor(report.session.locale).heading, h), ...photoBlocks(s, report));
  if (s.learnings.length > 0) {
    out.push(heading(t.learnings, h));
    for (const l of s.learnings) {
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [...runs(l.text), ...(l.author ? [new TextRun({ text: ` — ${l.author}`, color: '5B6474' })] : [])],
        }),
      );
    }
  }
  if (s.readings.length > 0) {
    out.push(heading(readingTextsFor(report.session.locale).heading, h));
    for (const r of s.readings.map((x) => readingLines(x, report.session.locale))) {
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [...runs(r.title, { bold: true }), new TextRun({ text: ` (${r.verdict})`, color: '5B6474' })],
        }),
        new Paragraph({ indent: { left: 720 }, children: runs(r.why) }),
      );
      if (r.link) out.push(new Paragraph({ indent: { left: 720 }, children: runs(r.link, { color: '1F4E8C' }) }));
      for (const x of r.reactions) out.push(new Paragraph({ bullet: { level: 1 }, children: runs(x) }));
    }
  }
  return out;
}

/**
 * Issue 16: a dilemma line's spread (positions 0 … 1) as a PNG picture with `alt` as its alt text
 * (sharp renders the dot plot's SVG; loaded with the first document that has one, like the photos').
 */
export async function dotPlotImage(positions: readonly number[], alt: string, name: string): Promise<ImageRun> {
  const { default: sharp } = await import('sharp');
  const plot = dotPlotSvg(positions);
  const png = await sharp(Buffer.from(plot.svg)).png().toBuffer();
  return new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: plot.width, height: plot.height },
    altText: { name, title: alt, description: alt },
  });
}

/** Issue 16: the dilemma lines, each revealed spread as a dot plot picture with its words as alt text. */
async function dilemmaBlocks(report: Report): Promise<Paragraph[]> {
  if (report.dilemmas.length === 0) return [];
  const t = dilemmaTextsFor(report.session.locale);
  const out = [heading(t.heading, HeadingLevel.HEADING_1), para(t.intro, { color: '5B6474' })];
  for (const [i, d] of report.dilemmas.entries()) {
    if (d.text)
      out.push(new Paragraph({ keepNext: true, spacing: { before: 200 }, children: runs(d.text, { bold: true }) }));
    const poles = new Paragraph({
      keepNext: d.revealed,
      children: runs(`← ${d.left}   |   ${d.right} →`, { color: '5B6474' }),
    });
    if (!d.revealed) {
      out.push(poles, para(t.notRevealed(d.count), { italics: true }));
      continue;
    }
    const summary = t.summary(d);
    out.push(new Paragraph({ keepNext: true, children: [await dotPlotImage(fractions(d), summary, `dilemma-${i}`)] }));
    out.push(poles, para(summary));
  }
  return out;
}

/** Issue 16: the from → to table as a Word table with a header row and alt text, most dots first. */
function movementBlocks(s: ReportSection, report: Report, h: HeadingLevelValue): (Paragraph | Table)[] {
  const m = movementTextsFor(report.session.locale);
  return [
    heading(m.heading, h),
    para(m.intro, { color: '5B6474' }),
    table(
      [m.colFrom, m.colTo, m.colDots],
      s.movements.map((r) => [
        cell([para(r.from)], { width: 44 }),
        cell([para(`→ ${r.to}`)], { width: 44 }),
        cell([para(String(r.dots))], { width: 12 }),
      ]),
      [44, 44, 12],
      { title: m.heading, description: m.alt(s.movements) },
    ),
  ];
}

/**
 * Issue 16: each photo of the board at up to page width (≈ 15 cm), with its caption as Word's alt
 * text and as the paragraph under it, then the card it is on.
 */
function photoBlocks(s: ReportSection, report: Report): Paragraph[] {
  const p = photoTextsFor(report.session.locale);
  return s.photos.flatMap((photo) => {
    const where = para(p.onCard(photo.column, photo.cardText), { color: '5B6474' });
    if (!photo.image) return [para(photo.caption, { bold: true }), para(p.gone, { italics: true }), where];
    const image = new ImageRun({
      type: 'jpg',
      data: photo.image.full,
      transformation: fitPhoto(photo, 560, 420),
      altText: { name: `photo-${photo.id}`, title: photo.caption, description: photo.caption },
    });
    return [
      new Paragraph({ keepNext: true, spacing: { before: 200 }, children: [image] }),
      new Paragraph({ keepNext: true, children: runs(photo.caption, { bold: true }) }),
      where,
    ];
  });
}

function titlePage(report: Report, t: ReportTexts): Paragraph[] {
  const m = report.session;
  const p = report.participants;
  const line = (label: string, value: string) =>
    new Paragraph({
      spacing: { after: 80 },
      children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(value)],
    });
  return [
    new Paragraph({
      spacing: { before: 2400 },
      children: [new TextRun({ text: `${t.reportTitle} · ${sessionKind(report, t)}`, color: '5B6474' })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(m.title) }),
    line(t.city, m.city),
    line(t.date, t.formatDate(m.date)),
    ...(m.caseHolderName ? [line(t.caseHolder, m.caseHolderName)] : []),
    ...(m.facilitator ? [line(t.facilitator, m.facilitator)] : []),
    line(t.participants, t.participantsLine(p.named, p.unnamedCount)),
    // Heading 1, not 2: the Title style is no heading level, and navigation must not skip one.
    heading(t.coreQuestion, HeadingLevel.HEADING_1),
    new Paragraph({ indent: { left: 360 }, children: runs(report.coreQuestion, { size: 28, italics: true }) }),
    para(t.dotBudget(report.dotBudget), { color: '5B6474' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** The case holder's own notes (issue 15): only in their copy of the report. */
function notesBlocks(report: Report): Paragraph[] {
  const n = caseHolderNotesSection(report);
  if (!n) return [];
  return [
    heading(n.heading, HeadingLevel.HEADING_1),
    para(n.intro, { italics: true, color: '5B6474' }),
    para(n.notes),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** "What became of earlier advice" (issue 9): only in the report of a follow-up session. */
function followUpBlocks(report: Report, t: ReportTexts): Paragraph[] {
  const f = followUpSection(report.followUp, report.session.locale, t.formatDate);
  if (!f) return [];
  const out = [heading(f.heading, HeadingLevel.HEADING_1), para(f.intro)];
  if (f.summary) out.push(para(f.summary, { color: '5B6474' }));
  if (f.empty) out.push(para(f.empty, { color: '5B6474' }));
  for (const l of f.lines) {
    out.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [
          new TextRun({ text: `${l.status}: `, bold: true }),
          ...runs(l.text),
          ...runs(` (${l.dots})`, { color: '5B6474' }),
        ],
      }),
    );
    if (l.note) out.push(new Paragraph({ indent: { left: 720 }, children: runs(l.note, { italics: true }) }));
  }
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

export async function renderDocx(report: Report): Promise<Buffer> {
  const t = textsFor(report.session.locale);
  const doc = new Document({
    creator: 'Casusbord',
    title: `${t.reportTitle}: ${report.session.title}`,
    description: `${report.session.city} · ${report.session.date}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: t.lang } } } } },
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {},
        children: [
          ...titlePage(report, t),
          ...followUpBlocks(report, t),
          ...notesBlocks(report),
          ...report.sections.flatMap((s, i) => sectionBlocks(s, i, report, t)),
          ...(await dilemmaBlocks(report)),
          new Paragraph({
            spacing: { before: 480 },
            children: [new TextRun({ text: t.madeWith, italics: true, color: '5B6474' })],
          }),
        ],
      },
    ],
  });
  return withCoreLanguage(await Packer.toBuffer(doc), t.lang);
}

/**
 * Writes `dc:language` into docProps/core.xml, which the docx library does not offer; Word and
 * accessibility checkers read the document's language from there and from the default `w:lang`.
 */
export async function withCoreLanguage(docx: Buffer, lang: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const core = zip.file('docProps/core.xml');
  if (!core) throw new Error('docx: docProps/core.xml missing');
  const xml = await core.async('string');
  if (!xml.includes('</cp:coreProperties>')) throw new Error('docx: unexpected core properties');
  // `lang` is one of our own BCP 47 tags (texts.ts), never user input: nothing to escape.
  zip.file(
    'docProps/core.xml',
    xml.replace('</cp:coreProperties>', `<dc:language>${lang}</dc:language></cp:coreProperties>`),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
