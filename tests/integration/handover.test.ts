import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, changeDots, readCards, setReaction, type Reaction } from '@casusbord/shared';
import { createSession, postJson } from '../helpers/api';
import { command, latest, openBoard } from '../helpers/control';
import { fetchReport, handOver, joinWithConsent } from '../helpers/handover';
import { pdfToText } from '../helpers/reportFiles';
import { useTestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/wait';
import type { Peer } from '../helpers/yjs';

const server = useTestServer();

/** A peer on the file's server, once it has synced. */
const peer = async (docName: string, token: string): Promise<Peer> => (await server.syncedPeers([docName, token]))[0]!;

/** What the store holds for a document, as a state vector. */
async function storedVector(docName: string): Promise<Uint8Array> {
  const stored = await server.app.deps.store.loadDoc(docName);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return Y.encodeStateVector(doc);
}

let marker = 0;
/**
 * Sends an awareness change from `from` and waits until `to` sees it. The server handles one
 * connection's frames in order, so afterwards every update `from` sent before has been handled.
 */
async function roundTrip(from: Peer, to: Peer): Promise<void> {
  const value = ++marker;
  from.provider.awareness.setLocalStateField('marker', value);
  const id = from.doc.clientID;
  await waitFor(`marker ${value}`, () => to.provider.awareness.getStates().get(id)?.marker === value);
}

/** Advice in the order the dots must rank them: [text, dots] (ties: the older first). */
const ADVICE: [string, number][] = [
  ['Stel een kwartiermaker aan die de partners bij elkaar brengt', 3],
  ['Formuleer samen een richtinggevend doel voor de wijk', 3],
  ['Betrek jongeren en buurtbewoners vanaf de eerste bijeenkomst', 2],
  ['Reken het financiele plaatje door met een scenario zonder subsidie', 1],
  ['Plan over een half jaar een terugkomdag met dezelfde groep', 0],
];
const REACTIONS: (Reaction | null)[] = ['adopt', 'consider', 'not-now', null, 'adopt'];

function inOrder(haystack: string, needles: string[]): number[] {
  return needles.map((n) => haystack.indexOf(n));
}

describe('handover and the advice report', () => {
  it('ranks the advice by dots in Markdown, DOCX, PDF and HTML', async () => {
    const session = await createSession(server.url, { caseHolderName: 'Sanne' });
    // A reaction round with every column and dots open: participants write advice and vote, the
    // host records the case holder's reactions.
    await openBoard(server.url, session.hostToken, 'reaction');
    const anna = await joinWithConsent(server.url, session.joinCode, 'Anna Visser', true);
    const bram = await joinWithConsent(server.url, session.joinCode, 'Bram Kok', false);
    const cor = await joinWithConsent(server.url, session.joinCode, 'Cor Smit');
    const [a, b, c, host] = await Promise.all([
      peer(anna.docName, anna.token),
      peer(bram.docName, bram.token),
      peer(cor.docName, cor.token),
      peer(session.docName, session.hostToken),
    ]);

    // Anna writes the advice, the second one oldest, so it wins the tie at 3 dots.
    const ids = ADVICE.map((_, i) => `adv${i}`);
    const created = [2000, 1000, 3000, 4000, 5000];
    ADVICE.forEach(([text], i) =>
      addCard(a.doc, { id: ids[i]!, column: 'advice', text, authorId: anna.participantId, createdAt: created[i]! }),
    );
    await waitFor('advice at Bram and Cor', () => readCards(b.doc).length === 5 && readCards(c.doc).length === 5);
    // Dots (3 each): Anna 3 on #0; Bram 2 on #1, 1 on #2; Cor 1 on #1, 1 on #2, 1 on #3.
    changeDots(a.doc, anna.participantId, ids[0]!, 3, 3);
    changeDots(b.doc, bram.participantId, ids[1]!, 2, 3);
    changeDots(b.doc, bram.participantId, ids[2]!, 1, 3);
    for (const i of [1, 2, 3]) changeDots(c.doc, cor.participantId, ids[i]!, 1, 3);
    // The case holder's reactions, written at the host's screen.
    REACTIONS.forEach((r, i) =>
      setReaction(host.doc, ids[i]!, r, r === 'not-now' ? 'Eerst de begroting rond' : undefined),
    );
    await Promise.all([roundTrip(a, host), roundTrip(b, host), roundTrip(c, host), roundTrip(host, a)]);

    const handover = await handOver(server.url, session.sessionId, session.hostToken);
    expect(handover.reportUrl).toBe(`${server.url}/r/${handover.reportToken}`);
    expect(handover.locked).toBe(true);
    const texts = ADVICE.map(([text]) => text);
    // Index 1 is older than index 0 with the same dots: it ranks first.
    const ranked = [texts[1]!, texts[0]!, texts[2]!, texts[3]!, texts[4]!];

    const md = await fetchReport(server.url, handover.reportToken, 'md');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toMatch(
      /^attachment; filename="casusbord-amersfoort-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    const markdown = md.body.toString('utf8');
    const mdAt = inOrder(
      markdown,
      ranked.map((t, i) => `${i + 1}. ${t}`),
    );
    expect(
      mdAt.every((at) => at >= 0),
      markdown,
    ).toBe(true);
    expect(mdAt).toEqual([...mdAt].sort((x, y) => x - y));
    expect(markdown).toContain('Anna Visser');
    expect(markdown).not.toContain('Bram');
    expect(markdown).not.toContain('Cor Smit');
    expect(markdown).toContain('Niet nu — Eerst de begroting rond');

    const docx = await fetchReport(server.url, handover.reportToken, 'docx');
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers.get('content-disposition')).toMatch(/filename="casusbord-amersfoort-\d{4}-\d{2}-\d{2}\.docx"/);
    const zip = await JSZip.loadAsync(docx.body);
    const xml = await zip.file('word/document.xml')!.async('string');
    const docxAt = inOrder(xml, ranked);
    expect(docxAt.every((at) => at >= 0)).toBe(true);
    expect(docxAt).toEqual([...docxAt].sort((x, y) => x - y));
    expect(xml).toContain('Overnemen');

    const pdf = await fetchReport(server.url, handover.reportToken, 'pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const pdfText = pdfToText(pdf.body);
    if (pdfText !== null) {
      const flat = pdfText.replace(/\s+/g, ' ');
      const pdfAt = inOrder(flat, ranked);
      expect(
        pdfAt.every((at) => at >= 0),
        flat,
      ).toBe(true);
      expect(pdfAt).toEqual([...pdfAt].sort((x, y) => x - y));
    }

    const html = await fetchReport(server.url, handover.reportToken, 'html');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await fetch(handover.reportUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'; img-src data:/,
    );
    const body = await page.text();
    expect(body).toMatch(/^<!doctype html>\n<html lang="nl-NL">/);
    // The chart labels are shortened; the numbered list holds the full texts.
    const pageAt = inOrder(body.slice(body.indexOf('<ol class="advice">')), ranked);
    expect(pageAt.every((at) => at >= 0)).toBe(true);
    expect(pageAt).toEqual([...pageAt].sort((x, y) => x - y));
  });

  it('refuses bad formats and unknown tokens with JSON errors', async () => {
    const session = await createSession(server.url);
    const { reportToken } = await handOver(server.url, session.sessionId, session.hostToken);
    const bad = await fetchReport(server.url, reportToken, 'exe');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).error.code).toBe('validation_failed');
    const unknown = await fetchReport(server.url, 'x'.repeat(43), 'md');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString()).error.code).toBe('not_found');
    // A host token is not a report link (and must never travel in a URL).
    expect((await fetchReport(server.url, session.hostToken, 'md')).status).toBe(404);
    expect((await fetch(`${server.url}/r/nope`)).status).toBe(404);
    // The host's preview takes the host token in a header, not in the URL; nobody else's.
    const preview = (token: string) =>
      fetch(`${server.url}/api/sessions/${session.sessionId}/report?format=md`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const hostPreview = await preview(session.hostToken);
    expect(hostPreview.status).toBe(200);
    expect(await hostPreview.text()).toContain('# Adviesrapport: Intervisie wijkaanpak');
    expect((await preview(reportToken)).status).toBe(403);
  });

  it('after the handover every write over /yjs is dropped; reopen lets writes through again', async () => {
    const session = await createSession(server.url);
    await openBoard(server.url, session.hostToken);
    const anna = await joinWithConsent(server.url, session.joinCode, 'Anna', true);
    const bram = await joinWithConsent(server.url, session.joinCode, 'Bram', false);
    const doc = anna.docName;
    const [a, b] = await Promise.all([peer(doc, anna.token), peer(doc, bram.token)]);
    const bramSocket = await server.control(bram.token);
    const lockEvents: boolean[] = [];
    bramSocket.on('session:locked', ({ locked }) => lockEvents.push(locked));
    addCard(a.doc, {
      id: 'before',
      column: 'advice',
      text: 'Voor de overdracht',
      authorId: anna.participantId,
      createdAt: 1,
    });
    await waitFor('card at Bram', () => readCards(b.doc).length === 1);

    const { reportToken } = await handOver(server.url, session.sessionId, session.hostToken);
    await waitFor('session:locked at Bram', () => lockEvents[0] === true);
    await waitFor('session:state locked', () => latest(bramSocket).locked);
    const vector = await storedVector(doc);

    // An existing connection writes: nothing is stored, nobody receives it.
    addCard(a.doc, {
      id: 'late',
      column: 'advice',
      text: 'Na de overdracht',
      authorId: anna.participantId,
      createdAt: 2,
    });
    await roundTrip(a, b);
    // A connection opened after the handover, and the recipient, are read-only too.
    const fresh = await peer(doc, anna.token);
    const recipient = await peer(doc, reportToken);
    expect(readCards(recipient.doc).map((c) => c.id)).toEqual(['before']);
    addCard(fresh.doc, {
      id: 'fresh',
      column: 'pitfall',
      text: 'Nieuwe verbinding',
      authorId: anna.participantId,
      createdAt: 3,
    });
    addCard(recipient.doc, {
      id: 'recipient',
      column: 'advice',
      text: 'Van de ontvanger',
      authorId: 'x',
      createdAt: 4,
    });
    await Promise.all([roundTrip(fresh, b), roundTrip(recipient, b)]);
    expect(readCards(b.doc).map((c) => c.id)).toEqual(['before']);
    expect(await storedVector(doc)).toEqual(vector);
    const room = await server.app.deps.registry.peek(doc);
    expect(Y.encodeStateVector(room!.doc)).toEqual(vector);

    // The recipient token reads the report and nothing else.
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    for (const token of [reportToken, bram.token]) {
      for (const route of ['handover', 'reopen']) {
        const res = await postJson(`${server.url}/api/sessions/${session.sessionId}/${route}`, {}, auth(token));
        expect(res.status, `${route} with ${token === reportToken ? 'recipient' : 'participant'}`).toBe(403);
        expect(res.json.error?.code).toBe('forbidden');
      }
    }
    const recipientSocket = await server.control(reportToken);
    const ack = await command(recipientSocket, 'host:command', { type: 'start' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const reopen = await postJson(
      `${server.url}/api/sessions/${session.sessionId}/reopen`,
      {},
      auth(session.hostToken),
    );
    expect(reopen).toMatchObject({ status: 200, json: { locked: false } });
    await waitFor('session:locked false at Bram', () => lockEvents[1] === false);
    addCard(a.doc, { id: 'reopened', column: 'advice', text: 'Weer open', authorId: anna.participantId, createdAt: 5 });
    await waitFor('reopened card at Bram', () => readCards(b.doc).some((c) => c.id === 'reopened'));
    // What the writers kept locally while locked merges like an offline edit; the recipient's never does.
    await waitFor('locked-time edits merged', () =>
      ['late', 'fresh'].every((id) => readCards(b.doc).some((c) => c.id === id)),
    );
    await roundTrip(recipient, b);
    expect(readCards(b.doc).some((c) => c.id === 'recipient')).toBe(false);
    expect(await storedVector(doc)).not.toEqual(vector);
    // The report link keeps working after the reopen.
    expect((await fetchReport(server.url, reportToken, 'md')).status).toBe(200);
  });
});
