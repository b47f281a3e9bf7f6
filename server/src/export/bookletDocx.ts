import { Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { formatIsoDay, isEmptyChapter, type Booklet, type BookletChapter, type BookletSource } from '@casusbord/shared';
import { cell, dotPlotImage, heading, para, runs, table, withCoreLanguage } from './docx';

/**
 * The community booklet (issue 16) as a Word document, from the same blocks as the report
 * (docx.ts): a title page, an introduction for newcomers, a table of contents, then one Heading 1
 * chapter per theme with Heading 2 sections. A dilemma's spread is a dot plot picture (circles on
 * a line) with the spread in words as its alt text and under it.
 */

const MUTED = '5B6474';

type Block = Paragraph | ReturnType<typeof table>;

const sourceLine = (s: BookletSource, lang: string) => `${s.city} · ${formatIsoDay(s.day, lang)}`;

async function chapterBlocks(c: BookletChapter, b: Booklet): Promise<Block[]> {
  const t = b.texts;
  const out: Block[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: runs(c.title) }),
    para(c.sessionsLabel, { color: MUTED }),
  ];
  if (isEmptyChapter(c)) out.push(para(t.emptyChapter, { italics: true }));
  if (c.lessons.length > 0) {
    out.push(heading(t.lessons, HeadingLevel.HEADING_2));
    for (const l of c.lessons) {
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: `${l.label}: `, bold: true }), ...runs(l.text)],
        }),
      );
      if (l.note) out.push(new Paragraph({ indent: { left: 720 }, children: runs(l.note, { italics: true }) }));
      out.push(
        new Paragraph({ indent: { left: 720 }, children: runs(sourceLine(l.source, t.lang), { color: MUTED }) }),
      );
    }
  }
  if (c.movements.length > 0) {
    out.push(heading(t.movements, HeadingLevel.HEADING_2), para(t.movementsIntro, { color: MUTED }));
    out.push(
      table(
        [t.colFrom, t.colTo, t.colDots],
        c.movements.map((m) => [
          cell([para(m.from)], { width: 42 }),
          cell([para(`→ ${m.to}`)], { width: 42 }),
          cell([para(m.dotsLabel)], { width: 16 }),
        ]),
        [42, 42, 16],
        { title: t.movements, description: c.movements.map((m) => `${m.from} → ${m.to} (${m.dotsLabel})`).join('; ') },
      ),
    );
  }
  if (c.readings.length > 0) {
    out.push(heading(t.readings, HeadingLevel.HEADING_2));
    for (const r of c.readings) {
      const title = r.author ? `${r.title} — ${r.author}` : r.title;
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [...runs(title, { bold: true }), new TextRun({ text: ` (${r.verdictLabel})`, color: MUTED })],
        }),
      );
      if (r.why) out.push(new Paragraph({ indent: { left: 720 }, children: runs(r.why) }));
      if (r.link) out.push(new Paragraph({ indent: { left: 720 }, children: runs(r.link, { color: '1F4E8C' }) }));
      for (const x of r.reactions) out.push(new Paragraph({ bullet: { level: 1 }, children: runs(x) }));
    }
  }
  if (c.dilemmas.length > 0) {
    out.push(heading(t.dilemmas, HeadingLevel.HEADING_2));
    for (const [i, d] of c.dilemmas.entries()) {
      out.push(new Paragraph({ keepNext: true, children: runs(d.text, { bold: true }) }));
      out.push(
        new Paragraph({
          keepNext: true,
          children: [await dotPlotImage(d.positions, d.summary, `dilemma-${i}`)],
        }),
        new Paragraph({
          keepNext: true,
          children: [
            new TextRun({ text: `← ${d.left}`, color: MUTED }),
            new TextRun({ text: '   |   ', color: MUTED }),
            new TextRun({ text: `${d.right} →`, color: MUTED }),
          ],
        }),
        para(d.summary),
      );
    }
  }
  if (c.quotes.length > 0) {
    out.push(heading(t.quotes, HeadingLevel.HEADING_2));
    for (const q of c.quotes) {
      out.push(
        new Paragraph({ indent: { left: 360 }, children: runs(`“${q.text}”`, { italics: true, size: 24 }) }),
        new Paragraph({
          indent: { left: 360 },
          spacing: { after: 160 },
          children: runs(`— ${q.author}, ${sourceLine(q.source, t.lang)}`, { color: MUTED }),
        }),
      );
    }
  }
  return out;
}

function frontMatter(b: Booklet): Paragraph[] {
  const t = b.texts;
  const out = [
    new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: t.kicker, color: MUTED })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.title) }),
    para(b.periodLabel),
    new Paragraph({ children: [new PageBreak()] }),
    heading(t.introHeading, HeadingLevel.HEADING_1),
    ...t.intro.map((p) => new Paragraph({ spacing: { after: 120 }, children: runs(p) })),
  ];
  if (b.chapters.length === 0) {
    out.push(para(b.texts.emptyPeriod, { bold: true }));
    return out;
  }
  out.push(heading(t.tocHeading, HeadingLevel.HEADING_1));
  b.chapters.forEach((c, i) =>
    out.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${i + 1}. ` }),
          ...runs(c.title),
          new TextRun({ text: ` · ${c.sessionsLabel}`, color: MUTED }),
        ],
      }),
    ),
  );
  return out;
}

export async function renderBookletDocx(b: Booklet): Promise<Buffer> {
  const chapters: Block[] = [];
  for (const c of b.chapters) chapters.push(...(await chapterBlocks(c, b)));
  const doc = new Document({
    creator: 'Casusbord',
    title: b.title,
    description: b.periodLabel,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: b.texts.lang } } } } },
    sections: [
      {
        properties: {},
        children: [
          ...frontMatter(b),
          ...chapters,
          new Paragraph({
            spacing: { before: 480 },
            children: [new TextRun({ text: b.texts.madeWith, italics: true, color: MUTED })],
          }),
        ],
      },
    ],
  });
  return withCoreLanguage(await Packer.toBuffer(doc), b.texts.lang);
}
