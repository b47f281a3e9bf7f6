import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildReport, changeDots, setReaction, type Locale } from '@casusbord/shared';
import { renderReport } from '../../server/src/export/formats';

/**
 * Issue 18: the PDF and Word reports read back as accessible documents. The PDF through poppler
 * (pdfinfo for the tagged flag, title and structure tree, pdftotext for the reading order) and by
 * parsing its objects for /Alt and /Lang; the Word file by reading its XML.
 */

const POPPLER = hasPoppler();

function hasPoppler(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    if (process.env.CI === 'true' || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    console.warn(
      '\n[reportAccessibility] pdfinfo not found: tagged-PDF checks SKIPPED; apt-get install poppler-utils\n',
    );
    return false;
  }
}

function poppler(tool: 'pdfinfo' | 'pdftotext', args: string[], pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-a11y-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bytes of a PDF literal string `(…)` starting at `at` (just after the parenthesis), escapes resolved. */
function literalString(pdf: string, at: number): string {
  let out = '';
  let depth = 1;
  for (let i = at; i < pdf.length; i++) {
    const ch = pdf[i]!;
    if (ch === '\\') {
      const next = pdf[++i]!;
      const octal = /^[0-7]{1,3}/.exec(pdf.slice(i, i + 3));
      if (octal) {
        out += String.fromCharCode(parseInt(octal[0], 8));
        i += octal[0].length - 1;
      } else out += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
    } else if (ch === '(') {
      depth++;
      out += ch;
    } else if (ch === ')') {
      if (--depth === 0) return out;
      out += ch;
    } else out += ch;
  }
  throw new Error('unterminated PDF string');
}

/** A PDF text string: UTF-16BE after a byte-order mark, otherwise (for our ASCII) one byte per character. */
function textString(bytes: string): string {
  if (!bytes.startsWith('\u00FE\u00FF')) return bytes;
  return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
}

/** Every value of `/<key> (…)` in the PDF's objects (pdfkit writes dictionaries uncompressed). */
function stringEntries(pdf: Buffer, key: string): string[] {
  const text = pdf.toString('latin1');
  const found: string[] = [];
  for (const m of text.matchAll(new RegExp(`/${key} \\(`, 'g'))) {
    found.push(textString(literalString(text, m.index + m[0].length)));
  }
  return found;
}

/** The inflated content streams of the PDF's pages, in file order. */
function contentStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/<<([^]*?)>>\s*stream\n/g)) {
    const length = /\/Length (\d+)/.exec(m[1]!);
    if (!length || !m[1]!.includes('/FlateDecode')) continue;
    const start = m.index + m[0].length;
    const data = pdf.subarray(start, start + Number(length[1]));
    const inflated = zlib.inflateSync(data).toString('latin1');
    if (/\b(BT|re|BDC|BMC)\b/.test(inflated)) out.push(inflated);
  }
  return out;
}

/** Heading levels in document order, from poppler's structure tree ("H2 (block)") or Word's styles. */
function levels(found: Iterable<RegExpMatchArray>): number[] {
  return [...found].map((m) => Number(m[1]));
}

function expectNoSkippedLevel(headings: number[]): void {
  expect(headings[0]).toBe(1);
  headings.forEach((level, i) => {
    if (i > 0) expect(level, `heading ${i}: ${headings.join(',')}`).toBeLessThanOrEqual(headings[i - 1]! + 1);
  });
}

/** A case day (two tables, so named boards and H3 in Word) or a single board with enough advice to span pages. */
function report(locale: Locale, shape: 'caseDay' | 'long') {
  const tables = (shape === 'caseDay' ? ['Tafel Noord', 'Tafel Zuid'] : ['Tafel 1']).map((name, t) => {
    const doc = new Y.Doc();
    const count = shape === 'long' ? 45 : 2;
    for (let i = 0; i < count; i++) {
      const text = i === 0 ? `Eerst de wijkraad spreken (${name})` : `Advies ${i} van ${name}`;
      addCard(doc, { id: `a${i}`, column: 'advice', text, authorId: 'p', createdAt: i + 1 });
    }
    addCard(doc, { id: 'pit', column: 'pitfall', text: `Valkuil van ${name}`, authorId: 'p', createdAt: 90 });
    addCard(doc, { id: 'q', column: 'question', text: `Vraag van ${name}`, authorId: 'p', createdAt: 91 });
    changeDots(doc, 'p1', 'a0', 3, 3);
    setReaction(doc, 'a0', 'adopt', 'Doen we');
    return { id: `t${t}`, name, doc };
  });
  return buildReport({
    session: {
      title: 'Wijk & welzijn',
      city: 'Zwolle',
      question: 'Hoe betrekken we de wijk?',
      caseHolderName: null,
      locale,
      date: '2026-03-07',
      facilitator: null,
    },
    participants: [{ id: 'p1', name: 'Anna', consentToBeNamed: true }],
    tables,
    dotBudget: 3,
  });
}

describe.skipIf(!POPPLER)('tagged PDF report', () => {
  it('is tagged, titled, in the report language, and shows its title', async () => {
    const nl = await renderReport(report('nl', 'caseDay'), 'pdf');
    const info = poppler('pdfinfo', [], nl);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Adviesrapport: Wijk & welzijn$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(stringEntries(nl, 'Lang')).toEqual(['nl-NL']);
    expect(nl.toString('latin1')).toMatch(/\/DisplayDocTitle true/);

    const en = await renderReport(report('en', 'caseDay'), 'pdf');
    expect(poppler('pdfinfo', [], en)).toMatch(/^Title:\s+Advice report: Wijk & welzijn$/m);
    expect(stringEntries(en, 'Lang')).toEqual(['en-GB']);
  });

  it('has a structure tree with headings, lists and figures; page numbers stay outside it', async () => {
    const pdf = await renderReport(report('nl', 'caseDay'), 'pdf');
    const tree = poppler('pdfinfo', ['-struct-text'], pdf);
    expect(tree.split('\n')[0]).toBe('Document');
    const headings = levels(tree.matchAll(/^\s*H(\d) \(block\)$/gm));
    expectNoSkippedLevel(headings);
    // Title H1, core question H2, per board: the board H2, its parts H3, the charts' headings H4.
    expect(headings.filter((l) => l === 1)).toHaveLength(1);
    expect(tree).toMatch(/H1 \(block\)\n\s+"Wijk & welzijn"/);
    expect(tree).toMatch(
      /H2 \(block\)\n\s+"Tafel Noord"\n[^]*H3 \(block\)\n\s+"Adviezen"\n\s+H4 \(block\)\n\s+"Stippen per advies"/,
    );
    expect(tree).toMatch(/H3 \(block\)\n\s+"Valkuilen"\n\s+L \(block\)\n\s+LI \(block\)\n\s+Lbl/);
    expect(tree).toMatch(
      /LI \(block\)\n\s+Lbl \(block\)\n\s+"1\."\n\s+LBody \(block\)\n\s+P \(block\)\n\s+"Eerst de wijkraad spreken \(Tafel Noord\)"/,
    );
    expect(tree.match(/^\s*Figure$/gm)).toHaveLength(4);
    // Page numbers ("2 / 5") are drawn as pagination artifacts: visible, but not content.
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [], pdf))![1]);
    expect(poppler('pdftotext', [], pdf).replace(/\s+/g, '')).toContain(`2/${pages}`);
    expect(tree).not.toMatch(new RegExp(`\\d+ / ${pages}`));
  });

  it('gives every chart an alternative text with what it shows', async () => {
    const nl = stringEntries(await renderReport(report('nl', 'caseDay'), 'pdf'), 'Alt');
    expect(nl).toEqual([
      'Stippen per advies: 1. Eerst de wijkraad spreken (Tafel Noord): 3 stippen; 2. Advies 1 van Tafel Noord: 0 stippen.',
      'Reacties van de casusinbrenger: Overnemen 1, Overwegen 0, Niet nu 0, Nog geen reactie 1.',
      'Stippen per advies: 1. Eerst de wijkraad spreken (Tafel Zuid): 3 stippen; 2. Advies 1 van Tafel Zuid: 0 stippen.',
      'Reacties van de casusinbrenger: Overnemen 1, Overwegen 0, Niet nu 0, Nog geen reactie 1.',
    ]);
    const en = stringEntries(await renderReport(report('en', 'caseDay'), 'pdf'), 'Alt');
    expect(en[0]).toBe(
      'Dots per piece of advice: 1. Eerst de wijkraad spreken (Tafel Noord): 3 dots; 2. Advies 1 van Tafel Noord: 0 dots.',
    );
  });

  it('splits a chart over two pages into two figures, each describing its own rows', async () => {
    const alts = stringEntries(await renderReport(report('nl', 'long'), 'pdf'), 'Alt').filter((a) =>
      a.startsWith('Stippen per advies'),
    );
    expect(alts).toHaveLength(2);
    const ranks = alts.map((a) => [...a.matchAll(/(?:: |; )(\d+)\. /g)].map((m) => Number(m[1])));
    expect([...ranks[0]!, ...ranks[1]!]).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(ranks[0]!.length).toBeGreaterThan(0);
    expect(ranks[1]!.length).toBeGreaterThan(0);
  });

  it('opens and closes every marked-content sequence on the page where it starts', async () => {
    const streams = contentStreams(await renderReport(report('nl', 'long'), 'pdf'));
    expect(streams.length).toBeGreaterThan(2);
    streams.forEach((s, page) => {
      let open = 0;
      for (const op of s.matchAll(/\b(BDC|BMC|EMC)\b/g)) {
        open += op[1] === 'EMC' ? -1 : 1;
        expect(open).toBeGreaterThanOrEqual(0);
      }
      expect(open).toBe(0);
      // Every page but the title page has its number, as a pagination artifact.
      expect(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/.test(s)).toBe(page > 0);
    });
  });

  it('reads in order: every heading before its items, the boards one after the other', async () => {
    const pdf = await renderReport(report('nl', 'caseDay'), 'pdf');
    // The order a screen reader follows (the structure tree) and the order the page draws its text
    // (-raw: content-stream order); pdftotext's default guesses columns from positions instead.
    const tree = poppler('pdfinfo', ['-struct-text'], pdf)
      .split('\n')
      .flatMap((line) => /^\s*"(.*)"$/.exec(line)?.slice(1) ?? [])
      .join(' ');
    const raw = poppler('pdftotext', ['-raw'], pdf).replace(/\s+/g, ' ');
    const order = [
      'Wijk & welzijn',
      'Kernvraag',
      'Hoe betrekken we de wijk?',
      'Tafel Noord',
      'Adviezen',
      'Stippen per advies',
      'Reacties van de casusinbrenger',
      '1. Eerst de wijkraad spreken (Tafel Noord)',
      'Reactie: Overnemen — Doen we',
      'Valkuilen',
      'Valkuil van Tafel Noord',
      'Verhelderende vragen',
      'Vraag van Tafel Noord',
      'Tafel Zuid',
      'Valkuil van Tafel Zuid',
      'Gemaakt met Casusbord',
    ];
    for (const text of [tree, raw]) {
      let from = 0;
      for (const piece of order) {
        const at = text.indexOf(piece, from);
        expect(at, `"${piece}" after offset ${from} in: ${text}`).toBeGreaterThanOrEqual(0);
        from = at + piece.length;
      }
    }
  });
});

describe('accessible Word report', () => {
  async function open(locale: Locale) {
    const zip = await JSZip.loadAsync(await renderReport(report(locale, 'caseDay'), 'docx'));
    const read = (name: string) => zip.file(name)!.async('string');
    return {
      document: await read('word/document.xml'),
      core: await read('docProps/core.xml'),
      styles: await read('word/styles.xml'),
    };
  }

  it('uses Word heading styles without skipping a level', async () => {
    const { document } = await open('nl');
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    const headings = levels(document.matchAll(/<w:pStyle w:val="Heading(\d)"\/>/g));
    expect(new Set(headings)).toEqual(new Set([1, 2, 3]));
    expectNoSkippedLevel(headings);
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*Tafel Noord/);
    expect(document).toMatch(/<w:pStyle w:val="Heading3"\/>(?:(?!<\/w:p>).)*Stippen per advies/);
  });

  it('marks a header row in every table and gives the chart tables alt text', async () => {
    const { document } = await open('nl');
    const tables = document.match(/<w:tbl>/g) ?? [];
    expect(tables).toHaveLength(4);
    // The first row of each table repeats as a header: Word reads it out as the column names.
    for (const tbl of document.split('<w:tbl>').slice(1)) {
      expect(tbl.indexOf('<w:tblHeader/>')).toBeGreaterThan(-1);
      expect(tbl.indexOf('<w:tblHeader/>')).toBeLessThan(tbl.indexOf('</w:tr>'));
    }
    expect(document).toContain(
      '<w:tblCaption w:val="Stippen per advies"/><w:tblDescription w:val="Stippen per advies: 1. Eerst de wijkraad spreken (Tafel Noord): 3 stippen; 2. Advies 1 van Tafel Noord: 0 stippen."/>',
    );
    expect(document).toContain(
      '<w:tblCaption w:val="Overzicht van de reacties"/><w:tblDescription w:val="Reacties van de casusinbrenger: Overnemen 1, Overwegen 0, Niet nu 0, Nog geen reactie 1."/>',
    );
    // Word's schema puts the alt text last in the table properties.
    expect(document).not.toMatch(/<w:tblDescription [^>]*\/><(?!\/w:tblPr>)/);
  });

  it('names the language and title of the document', async () => {
    const nl = await open('nl');
    expect(nl.core).toContain('<dc:title>Adviesrapport: Wijk &amp; welzijn</dc:title>');
    expect(nl.core.match(/<dc:language>nl-NL<\/dc:language>/g)).toHaveLength(1);
    expect(nl.styles).toMatch(/<w:docDefaults>.*<w:lang w:val="nl-NL"\/>.*<\/w:docDefaults>/);
    const en = await open('en');
    expect(en.core).toContain('<dc:title>Advice report: Wijk &amp; welzijn</dc:title>');
    expect(en.core).toContain('<dc:language>en-GB</dc:language>');
    expect(en.styles).toContain('<w:lang w:val="en-GB"/>');
  });
});
