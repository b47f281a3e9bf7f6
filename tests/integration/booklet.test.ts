import { beforeAll, describe, expect, it } from 'vitest';
import { dutchDay, type CreateCommunityResponse } from '@casusbord/shared';
import { createCommunity, handedOverSession } from '../helpers/archive';
import { docxXml, pdfToText } from '../helpers/reportFiles';
import { startServer } from '../helpers/server';
import { useTestServer } from '../helpers/testServer';

/**
 * The community booklet (issue 16) through the real server: a community archive filled by two
 * handed-over sessions (cards, an adopted advice, learning points of a person who consented to be
 * named and of one who did not), downloaded as Word and PDF and opened back as the handover
 * tests do (document.xml, pdftotext).
 */

const server = useTestServer(startServer);
const today = dutchDay(Date.now());
const period = `from=${today}&to=${today}`;

const LESSON = 'Vraag jongeren eerst wat ze zelf willen';
const ADOPTED = 'Laat jongeren zelf het buurtbudget verdelen';
const NAMED = 'Sanne de Vries';
const UNNAMED = 'Piet Verborgen';

async function get(path: string, token?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body };
}

/** Word's paragraphs as plain text (runs joined). */
async function docxText(body: Buffer): Promise<string> {
  return (await docxXml(body)).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

describe('community booklet', () => {
  let c: CreateCommunityResponse;
  let other: CreateCommunityResponse;

  beforeAll(async () => {
    c = await createCommunity(server.url, 'CoP wijkenaanpak');
    other = await createCommunity(server.url, 'Andere community');
    await handedOverSession(
      server,
      c,
      {
        fields: { city: 'Amersfoort', theme: 'Jongeren', title: 'Kruiskamp' },
        cards: [
          { id: 'adv1', column: 'advice', text: ADOPTED },
          { id: 'pit1', column: 'pitfall', text: 'Iedereen wacht op elkaar' },
        ],
        reactionNote: 'Starten we na de zomer',
        learnings: [
          { name: NAMED, consent: true, text: LESSON },
          { name: UNNAMED, consent: false, text: 'Een plan zonder bewoners blijft papier' },
        ],
      },
      server.peers,
    );
    await handedOverSession(
      server,
      c,
      {
        fields: { city: 'Zwolle', theme: 'Samenwerking', title: 'Zwolle-Zuid' },
        cards: [{ id: 'adv2', column: 'advice', text: 'Stel een kwartiermaker aan die de partners verbindt' }],
        reactionNote: 'Ja',
      },
      server.peers,
    );
  }, 90_000);

  it('downloads a Word booklet with an introduction, contents and a chapter per theme; quotes only with consent', async () => {
    const res = await get(`/api/communities/${c.communityId}/booklet?format=docx&lang=nl&${period}`, c.memberToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="boekje-cop-wijkenaanpak-${today}-${today}.docx"`,
    );
    const text = await docxText(res.body);
    for (const words of ['Voor wie hier nieuw is', 'Inhoud', 'Jongeren', 'Samenwerking', 'Lessen', 'Citaten']) {
      expect(text).toContain(words);
    }
    expect(text).toContain(`Leerpunt: ${LESSON}`);
    expect(text).toContain(`Overgenomen advies: ${ADOPTED}`);
    expect(text).toContain(`— ${NAMED}, Amersfoort`);
    // Who did not consent is never quoted by name (their learning point stays an anonymous lesson).
    expect(text).not.toContain(UNNAMED);
    // The Jongeren chapter comes before Samenwerking, each once as a heading.
    const xml = await docxXml(res.body);
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(4);
  });

  it('downloads the same booklet as a PDF whose text holds the chapters, the lessons and the consented quote', async () => {
    const res = await get(`/api/communities/${c.communityId}/booklet?format=pdf&lang=nl&${period}`, c.memberToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfToText(res.body);
    if (text === null) return;
    const flat = text.replace(/\s+/g, ' ');
    for (const words of ['Inhoud', '1. Jongeren', '2. Samenwerking', 'Lessen', LESSON, ADOPTED, 'Citaten', NAMED]) {
      expect(flat).toContain(words);
    }
    expect(flat).not.toContain(UNNAMED);
  });

  it('speaks English with lang=en in both formats', async () => {
    const docx = await get(`/api/communities/${c.communityId}/booklet?format=docx&lang=en&${period}`, c.facilitatorKey);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('filename="booklet-cop-wijkenaanpak-');
    const words = await docxText(docx.body);
    for (const w of ['If you are new here', 'Contents', 'Lessons', 'Adopted advice', 'Quotes'])
      expect(words).toContain(w);
    expect(words).not.toContain('Inhoud');
    const pdf = pdfToText(
      (await get(`/api/communities/${c.communityId}/booklet?format=pdf&lang=en&${period}`, c.memberToken)).body,
    );
    if (pdf === null) return;
    for (const w of ['Contents', 'Lessons', 'Quotes', 'Learning point']) expect(pdf).toContain(w);
  });

  it('gives a booklet that says so for a period without sessions', async () => {
    const res = await get(
      `/api/communities/${c.communityId}/booklet?format=pdf&lang=en&from=2001-01-01&to=2001-12-31`,
      c.memberToken,
    );
    expect(res.status).toBe(200);
    const text = pdfToText(res.body);
    if (text === null) return;
    expect(text.replace(/\s+/g, ' ')).toContain('No session of the community was handed over in this period');
  });

  it('refuses bad dates, reversed periods and unknown formats with 400 and a JSON error', async () => {
    const base = `/api/communities/${c.communityId}/booklet`;
    for (const query of [
      `format=pdf&from=2025-02-30&to=2025-03-01`,
      `format=pdf&from=1-1-2025&to=2025-03-01`,
      `format=pdf&from=2025-03-01&to=2025-01-01`,
      `format=html&${period}`,
      `format=pdf&lang=de&${period}`,
      `format=pdf`,
    ]) {
      const res = await get(`${base}?${query}`, c.memberToken);
      expect(res.status, query).toBe(400);
      const json = JSON.parse(res.body.toString()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('validation_failed');
      expect(json.error.message.length).toBeGreaterThan(0);
    }
  });

  it('is for members only: 401 without a token, 403 with another community’s', async () => {
    const path = `/api/communities/${c.communityId}/booklet?format=pdf&${period}`;
    expect((await get(path)).status).toBe(401);
    expect((await get(path, 'not-a-token')).status).toBe(401);
    expect((await get(path, other.memberToken)).status).toBe(403);
  });
});
