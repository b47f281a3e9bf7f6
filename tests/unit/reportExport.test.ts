import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildReport, changeDots, setRating, setReaction, type Locale } from '@casusbord/shared';
import { escapeHtml } from '../../server/src/export/charts';
import { renderReport, reportFilename, slug } from '../../server/src/export/formats';
import { renderHtml } from '../../server/src/export/html';
import { escapeMarkdown, renderMarkdown } from '../../server/src/export/markdown';
import { docxXml, pdfToText } from '../helpers/reportFiles';

/** Reads escapeMarkdown's output back: every backslash escapes the next character (a newline: a hard break). */
function unescape(md: string): string {
  return md.replace(/\\([\s\S])/g, '$1');
}

/** Characters that would start a link, an image, HTML or an entity when not escaped. */
function unescapedActive(md: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') i++;
    else if ('[]<>&`*_|'.includes(md[i]!)) found.push(md[i]!);
  }
  return found;
}

/** Three questions in board order: one the case holder rated cold, one warm, one not rated. */
function ratedQuestions(): Y.Doc {
  const doc = new Y.Doc();
  addCard(doc, { id: 'q1', column: 'question', text: 'Hoe laat <was> het?', authorId: 'p', createdAt: 1 });
  addCard(doc, { id: 'q2', column: 'question', text: 'Wat raakte je?', authorId: 'p', createdAt: 2 });
  addCard(doc, { id: 'q3', column: 'question', text: 'Niet gewogen', authorId: 'p', createdAt: 3 });
  setRating(doc, 'q1', 'cold');
  setRating(doc, 'q2', 'warm');
  return doc;
}

describe('Markdown escaping', () => {
  it('leaves links and HTML in card texts inert', () => {
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(escapeMarkdown('![img](http://x/y.png)')).toBe('\\!\\[img\\]\\(http://x/y.png\\)');
    expect(escapeMarkdown('&lt;script&gt;')).toBe('\\&lt;script\\&gt;');
  });

  it('keeps block syntax at the start of a line from taking effect, line breaks as hard breaks', () => {
    expect(escapeMarkdown('# kop\n- lijst\n+ plus\n2. twee\n===\n> citaat', '   ')).toBe(
      '\\# kop\\\n   \\- lijst\\\n   \\+ plus\\\n   2\\. twee\\\n   \\===\\\n   \\> citaat',
    );
    expect(escapeMarkdown('   ingesprongen code\n\n\nna lege regels')).toBe('ingesprongen code\\\nna lege regels');
  });

  it('for any text: nothing active is left unescaped, and reading it back gives the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const md = escapeMarkdown(text);
        expect(unescapedActive(md)).toEqual([]);
        const expected = text
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .join('\n');
        expect(unescape(md)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

function sampleReport(locale: Locale) {
  const doc = new Y.Doc();
  addCard(doc, { id: 'a', column: 'advice', text: 'Eén doel & één team', authorId: 'p', createdAt: 1 });
  addCard(doc, { id: 'b', column: 'advice', text: '<script>alert(1)</script>', authorId: 'p', createdAt: 2 });
  addCard(doc, { id: 'c', column: 'pitfall', text: 'Te "rooskleurige" begroting', authorId: 'p', createdAt: 3 });
  changeDots(doc, 'p1', 'b', 2, 3);
  setReaction(doc, 'b', 'consider', "It's <b>bold</b>");
  return buildReport({
    session: {
      title: 'Wijk & co',
      city: "'s-Hertogenbosch",
      question: 'Hoe verder?',
      caseHolderName: null,
      locale,
      date: '2026-03-07',
      facilitator: null,
    },
    participants: [{ id: 'p1', name: 'Anna', consentToBeNamed: true }],
    tables: [{ id: 't1', name: 'Tafel 1', doc }],
    dotBudget: 3,
  });
}

describe('report formats', () => {
  it('HTML-escapes every user string and speaks the session language', () => {
    const html = renderHtml(sampleReport('en'));
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('It&#39;s &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('Te &quot;rooskleurige&quot; begroting');
    expect(html).not.toContain('<script');
    expect(html).toContain('Advice report');
    expect(html).toContain('7 March 2026');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('writes Dutch by default, with the advice ranked', () => {
    const md = renderMarkdown(sampleReport('nl'));
    expect(md).toContain('# Adviesrapport: Wijk \\& co');
    expect(md).toContain('7 maart 2026');
    expect(md.indexOf('1. \\<script\\>')).toBeLessThan(md.indexOf('2. Eén doel \\& één team'));
    expect(md).toContain("**Reactie:** Overwegen — It's \\<b\\>bold\\</b\\>");
  });

  it("shows the case holder's rating after a question, warm questions first, in Markdown and HTML", () => {
    const doc = ratedQuestions();
    const report = (locale: Locale) =>
      buildReport({
        session: { ...sampleReport(locale).session },
        participants: [],
        tables: [{ id: 't1', name: 'Tafel 1', doc }],
        dotBudget: 3,
      });
    const md = renderMarkdown(report('nl'));
    const lines = md.split('\n').filter((l) => l.startsWith('- ') && /gewogen|raakte|laat/.test(l));
    expect(lines).toEqual(['- Wat raakte je? — *Warm*', '- Hoe laat \\<was\\> het? — *Koud*', '- Niet gewogen']);
    const html = renderHtml(report('en'));
    const warm = html.indexOf('Wat raakte je?');
    const cold = html.indexOf('Hoe laat &lt;was&gt; het?');
    expect(warm).toBeGreaterThan(-1);
    expect(cold).toBeGreaterThan(warm);
    expect(html).toContain('<span class="rating rating-warm">— Warm</span>');
    expect(html).toContain('<span class="rating rating-cold">— Cold</span>');
    expect(html).toContain('<li class="user">Niet gewogen</li>');
  });

  it('shows the rating in Word and PDF too, warm questions first', async () => {
    const report = buildReport({
      session: { ...sampleReport('nl').session },
      participants: [],
      tables: [{ id: 't1', name: 'Tafel 1', doc: ratedQuestions() }],
      dotBudget: 3,
    });
    const xml = await docxXml(await renderReport(report, 'docx'));
    const inWord = ['Wat raakte je?', ' — Warm', 'Hoe laat &lt;was&gt; het?', ' — Koud', 'Niet gewogen'].map((n) =>
      xml.indexOf(n),
    );
    expect(inWord.every((at) => at >= 0)).toBe(true);
    expect(inWord).toEqual([...inWord].sort((a, b) => a - b));
    const pdf = pdfToText(await renderReport(report, 'pdf'));
    if (pdf !== null) {
      const flat = pdf.replace(/\s+/g, ' ');
      const inPdf = ['Wat raakte je? — Warm', 'Hoe laat <was> het? — Koud', 'Niet gewogen'].map((n) => flat.indexOf(n));
      expect(
        inPdf.every((at) => at >= 0),
        flat,
      ).toBe(true);
      expect(inPdf).toEqual([...inPdf].sort((a, b) => a - b));
    }
  });

  it("carries the case holder's private notes only when the report is built with them, in all four formats", async () => {
    const notes = 'Ze zagen niet dat de wethouder al ja zei <echt>';
    const input = {
      session: { ...sampleReport('en').session },
      participants: [],
      tables: [{ id: 't1', name: 'Tafel 1', doc: ratedQuestions() }],
      dotBudget: 3,
    };
    const texts = async (report: ReturnType<typeof buildReport>) => [
      renderMarkdown(report),
      renderHtml(report),
      await docxXml(await renderReport(report, 'docx')),
      pdfToText(await renderReport(report, 'pdf')) ?? '',
    ];
    const [md, html, word, pdf] = await texts(buildReport({ ...input, caseHolderNotes: notes }));
    expect(md).toContain('## Own notes');
    expect(md).toContain('Ze zagen niet dat de wethouder al ja zei \\<echt\\>');
    expect(html).toContain('<p class="user">Ze zagen niet dat de wethouder al ja zei &lt;echt&gt;</p>');
    expect(word).toContain('Ze zagen niet dat de wethouder al ja zei &lt;echt&gt;');
    if (pdf) expect(pdf.replace(/\s+/g, ' ')).toContain(notes);
    for (const plain of await texts(buildReport({ ...input, caseHolderNotes: '  ' }))) {
      expect(plain).not.toContain('Own notes');
    }
    for (const plain of await texts(buildReport(input))) expect(plain).not.toContain('wethouder');
  });

  it('names files casusbord-<city>-<date>.<ext> in plain ASCII', () => {
    const report = sampleReport('nl');
    expect(reportFilename(report, 'docx')).toBe('casusbord-s-hertogenbosch-2026-03-07.docx');
    expect(slug('Súdwest-Fryslân')).toBe('sudwest-fryslan');
    expect(slug('"; rm -rf /')).toBe('rm-rf');
    expect(slug('')).toBe('rapport');
  });

  it('renders a Word file whose XML holds the escaped texts, and a PDF', async () => {
    const report = sampleReport('nl');
    const zip = await JSZip.loadAsync(await renderReport(report, 'docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Eén doel &amp; één team');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script');
    const pdf = await renderReport(report, 'pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
