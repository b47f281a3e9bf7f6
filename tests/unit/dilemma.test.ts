import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import {
  DILEMMA_SCALE,
  buildReport,
  currentDilemma,
  dilemmaPlacePayload,
  dilemmaSetPayload,
  dilemmaView,
  placeMarkerVerdict,
  revealVerdict,
  setDilemmaVerdict,
  spreadOf,
  type Dilemma,
} from '@casusbord/shared';
import { renderReport } from '../../server/src/export/formats';
import { docxXml, pdfToText } from '../helpers/reportFiles';
import { reportSession } from '../helpers/reportInput';

/** Issue 16, the dilemma line: who may do what, and what each socket may see (pure). */

const open: Dilemma = {
  id: 'd1',
  text: 'Regie of ruimte?',
  left: 'Wij',
  right: 'Bewoners',
  createdAt: 1,
  revealedAt: null,
};
const revealed: Dilemma = { ...open, revealedAt: 5 };
const markers = [
  { participantId: 'anna', position: 70 },
  { participantId: 'ben', position: 10 },
  { participantId: 'carla', position: 40 },
];

describe('dilemma line: who may set, place and reveal', () => {
  it('only the host sets a dilemma, while the session is open and below the limit', () => {
    expect(setDilemmaVerdict('host', false, 0, 12)).toBeNull();
    expect(setDilemmaVerdict('participant', false, 0, 12)?.code).toBe('forbidden');
    expect(setDilemmaVerdict('recipient', false, 0, 12)?.code).toBe('forbidden');
    expect(setDilemmaVerdict('host', true, 0, 12)?.code).toBe('session_locked');
    expect(setDilemmaVerdict('host', false, 12, 12)?.code).toBe('invalid_command');
  });

  it('only participants place a marker, on a dilemma that exists and is not revealed', () => {
    expect(placeMarkerVerdict('participant', false, open)).toBeNull();
    expect(placeMarkerVerdict('host', false, open)?.code).toBe('forbidden');
    expect(placeMarkerVerdict('recipient', false, open)?.code).toBe('forbidden');
    expect(placeMarkerVerdict('participant', false, null)?.code).toBe('not_found');
    expect(placeMarkerVerdict('participant', false, revealed)?.code).toBe('invalid_command');
    expect(placeMarkerVerdict('participant', true, open)?.code).toBe('session_locked');
  });

  it('only the host reveals; again is harmless', () => {
    expect(revealVerdict('host', false, open)).toBeNull();
    expect(revealVerdict('host', false, revealed)).toBeNull();
    expect(revealVerdict('participant', false, open)?.code).toBe('forbidden');
    expect(revealVerdict('host', false, null)?.code).toBe('not_found');
    expect(revealVerdict('host', true, open)?.code).toBe('session_locked');
  });

  it('payloads: whole positions 0–100, poles required and bounded', () => {
    expect(dilemmaPlacePayload.safeParse({ dilemmaId: 'd1', position: 0 }).success).toBe(true);
    expect(dilemmaPlacePayload.safeParse({ dilemmaId: 'd1', position: DILEMMA_SCALE }).success).toBe(true);
    for (const position of [-1, 101, 3.5, '50', null, Number.NaN, Infinity]) {
      expect(dilemmaPlacePayload.safeParse({ dilemmaId: 'd1', position }).success, String(position)).toBe(false);
    }
    expect(dilemmaPlacePayload.safeParse({ dilemmaId: 'd1', position: 5, participantId: 'anna' }).success).toBe(false);
    expect(dilemmaSetPayload.parse({ left: ' Wij ', right: 'Zij' })).toEqual({ text: '', left: 'Wij', right: 'Zij' });
    expect(dilemmaSetPayload.safeParse({ left: '', right: 'Zij' }).success).toBe(false);
    expect(dilemmaSetPayload.safeParse({ left: 'x'.repeat(121), right: 'Zij' }).success).toBe(false);
  });
});

describe('dilemma line: what a socket sees', () => {
  it('before the reveal: the count and one’s own marker, nobody else’s', () => {
    expect(dilemmaView(open, markers, null)).toMatchObject({ count: 3, positions: null, mine: null, revealed: false });
    expect(dilemmaView(open, markers, 'anna')).toMatchObject({ count: 3, positions: null, mine: 70 });
    expect(dilemmaView(open, markers, 'dirk')).toMatchObject({ positions: null, mine: null });
  });

  it('after the reveal: every position, ascending and without names', () => {
    const view = dilemmaView(revealed, markers, 'anna');
    expect(view).toMatchObject({ revealed: true, count: 3, positions: [10, 40, 70], mine: 70 });
    expect(JSON.stringify(dilemmaView(revealed, markers, null))).not.toMatch(/anna|ben|carla/);
  });

  it('the current dilemma is the one set last; spreads in thirds', () => {
    expect(currentDilemma([])).toBeNull();
    expect(currentDilemma([{ ...open, id: 'b', createdAt: 9 }, open])?.id).toBe('b');
    expect(spreadOf([0, 0.2, 0.5, 0.66, 0.9, 1])).toEqual({ left: 2, middle: 2, right: 2 });
  });
});

describe('dilemma line: the report shows the spread as a picture, only once revealed', () => {
  const report = (locale: 'nl' | 'en' = 'nl') =>
    buildReport({
      session: reportSession(locale),
      participants: [],
      tables: [],
      dotBudget: 3,
      dilemmas: [
        { dilemma: { ...open, id: 'hidden', text: 'Snel of zorgvuldig?', createdAt: 9 }, markers },
        { dilemma: revealed, markers },
      ],
    });

  it('the model: oldest first, positions only of the revealed one', () => {
    expect(report().dilemmas).toEqual([
      {
        id: 'd1',
        text: 'Regie of ruimte?',
        left: 'Wij',
        right: 'Bewoners',
        revealed: true,
        count: 3,
        positions: [10, 40, 70],
      },
      {
        id: 'hidden',
        text: 'Snel of zorgvuldig?',
        left: 'Wij',
        right: 'Bewoners',
        revealed: false,
        count: 3,
        positions: [],
      },
    ]);
  });

  it('HTML: an SVG dot plot with one circle per marker; the unrevealed one says only how many', async () => {
    const html = (await renderReport(report(), 'html')).toString('utf8');
    const [shown, hidden] = html.split('data-testid="report-dilemma"').slice(1);
    expect(shown).toContain('Regie of ruimte?');
    expect(shown!.match(/<circle /g)).toHaveLength(3);
    expect(shown).toContain('aria-label="3 markeringen: 1 richting „Wij”, 1 in het midden, 1 richting „Bewoners”."');
    expect(hidden).toContain('Niet onthuld: 3 deelnemers hebben een marker geplaatst');
    expect(hidden).not.toContain('<svg');
  });

  it('Markdown, Word and PDF: the plot as text, picture and shapes, the spread in words', async () => {
    const md = (await renderReport(report(), 'md')).toString('utf8');
    expect(md).toContain('## Dilemma’s');
    expect(md).toMatch(/`├─+●─+●─+●─+┤`/);
    // Escaped like all user text in Markdown (the pole names are).
    expect(md).toContain('Posities \\(0 = „Wij”, 100 = „Bewoners”\\): 10, 40, 70');
    expect(md).not.toMatch(/Snel of zorgvuldig\?\*\*\n\n.*\n\n`/);

    const docx = await renderReport(report('en'), 'docx');
    const xml = await docxXml(docx);
    expect(xml).toContain('Regie of ruimte?');
    expect(xml).toContain('descr="3 markers: 1 toward “Wij”, 1 in the middle, 1 toward “Bewoners”."');
    expect(xml).toContain('Not revealed: 3 participants have placed a marker');
    const media = Object.keys((await JSZip.loadAsync(docx)).files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(1);

    const pdf = pdfToText(await renderReport(report(), 'pdf'));
    if (pdf !== null) {
      expect(pdf).toContain('Regie of ruimte?');
      expect(pdf).toContain('3 markeringen: 1 richting');
      expect(pdf).toContain('Niet onthuld');
    }
  });
});
