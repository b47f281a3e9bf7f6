import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

/** The body XML of a Word file (word/document.xml), where every paragraph's text is. */
export async function docxXml(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
}

/** Text of a PDF via poppler's pdftotext; null (with a warning) where it is missing outside CI. */
export function pdfToText(pdf: Buffer): string | null {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-pdf-')), 'report.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } catch (err) {
    if (process.env.CI === 'true' || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    console.warn('\n[report] pdftotext not found: PDF text NOT checked; apt-get install -y poppler-utils\n');
    return null;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
