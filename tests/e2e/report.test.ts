import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addCluster,
  changeDots,
  coreQuestionText,
  learningsMap,
  setCardCluster,
  setReaction,
} from '@casusbord/shared';
import { createSession } from '../helpers/api';
import { describeBrowser, launchBrowser } from '../helpers/browser';
import { openBoard } from '../helpers/control';
import { handOver, joinWithConsent } from '../helpers/handover';
import { startServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { connectPeer, synced, type Peer } from '../helpers/yjs';

/** Each tries to run script or navigate in a different way; all must stay text. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '[x](javascript:alert(1))',
  '<script>window.__xss=2;alert(2)</script>',
  '"><svg onload="window.__xss=3;alert(3)">',
  '</style><iframe src="javascript:alert(\'4\')"></iframe>',
];

describeBrowser('the report page (/r/<token>) in Chromium', () => {
  let srv: TestServer;
  let browser: Browser;
  const peers: Peer[] = [];

  beforeAll(async () => {
    srv = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const p of peers) p.destroy();
    await browser?.close();
    await srv?.close();
  });

  /**
   * A realistic board with hostile card texts in every place a user string can go, written as
   * people write it: in an open reaction round Anna writes the advice, Bram the other cards, four
   * participants vote and the host (there is no case holder among them) adds the core question,
   * the clusters and the reactions; in an open closing round Anna and Bram write learning points.
   */
  async function buildBoard(): Promise<string> {
    const session = await createSession(srv.url, {
      title: 'Intervisie Kruiskamp: partners en bewoners',
      city: 'Amersfoort',
      caseHolderName: 'Sanne de Boer',
    });
    const anna = await joinWithConsent(srv.url, session.joinCode, 'Anna Visser', true);
    const bram = await joinWithConsent(srv.url, session.joinCode, '<img src=x onerror=alert(5)>', false);
    const carla = await joinWithConsent(srv.url, session.joinCode, 'Carla Jansen', true);
    const daan = await joinWithConsent(srv.url, session.joinCode, 'Daan Smit', true);
    await openBoard(srv.url, session.hostToken, 'reaction');
    const open = (docName: string, token: string) => {
      const peer = connectPeer(srv.wsUrl, docName, token);
      peers.push(peer);
      return peer;
    };
    const host = open(session.docName, session.hostToken);
    const people = [anna, bram, carla, daan];
    const voters = people.map((person) => open(person.docName, person.token));
    const [annaPeer, bramPeer] = voters as [Peer, Peer];
    const everyone = [host, ...voters];
    await Promise.all(everyone.map((peer) => synced(peer)));

    const advice = [
      'Stel één kwartiermaker aan die de partners aan tafel houdt',
      'Formuleer met bewoners een doel dat in één zin past',
      PAYLOADS[0]!,
      'Begin klein: één straat, één half jaar, zichtbaar resultaat',
      PAYLOADS[1]!,
      'Maak een sober financieel scenario naast het ambitieuze',
    ];
    Y.transact(annaPeer.doc, () =>
      advice.forEach((text, i) =>
        addCard(annaPeer.doc, {
          id: `a${i}`,
          column: 'advice',
          text,
          authorId: anna.participantId,
          createdAt: 10 + i,
        }),
      ),
    );
    const cards: [string, 'pitfall' | 'opportunity' | 'question', string][] = [
      ['p1', 'pitfall', 'Iedere partner wacht op de eerste stap van een ander'],
      ['p2', 'pitfall', 'De begroting rekent op subsidies die nog niet toegezegd zijn'],
      ['p3', 'pitfall', PAYLOADS[2]!],
      ['o1', 'opportunity', 'Jongeren uit de wijk willen zelf een plek inrichten'],
      ['o2', 'opportunity', 'De woningcorporatie investeert toch al in onderhoud'],
      ['q1', 'question', 'Wie beslist als de partners het oneens zijn?'],
      ['q2', 'question', PAYLOADS[4]!],
      ['q3', 'question', 'Wat betekent <b>vet</b> of <i>schuin</i> hier?'],
    ];
    Y.transact(bramPeer.doc, () =>
      cards.forEach(([id, column, text], i) =>
        addCard(bramPeer.doc, { id, column, text, authorId: bram.participantId, createdAt: 100 + i }),
      ),
    );
    await waitFor('every card at everyone', () => everyone.every((peer) => peer.doc.getMap('cards').size === 14));

    const doc = host.doc;
    Y.transact(doc, () => {
      coreQuestionText(doc).insert(0, 'Hoe maken we van vijf partners één team met één doel voor de wijk?');
      addCluster(doc, { id: 'k1', title: 'Samenwerking', column: 'pitfall', createdAt: 1 });
      addCluster(doc, { id: 'k2', title: PAYLOADS[3]!, column: 'pitfall', createdAt: 2 });
      setCardCluster(doc, 'p1', 'k1');
      setCardCluster(doc, 'p3', 'k2');
      setCardCluster(doc, 'a1', 'k1');
      setReaction(doc, 'a0', 'adopt', 'Gaan we na de zomer doen');
      setReaction(doc, 'a1', 'consider', PAYLOADS[0]!);
      setReaction(doc, 'a2', 'not-now', 'Eerst de begroting rond');
      setReaction(doc, 'a3', 'adopt');
    });
    // Dots per voter (Anna, Bram, Carla, Daan): indexes of the advice, one dot each.
    const dots: number[][] = [
      [0, 0, 1],
      [0, 3, 1],
      [0, 1, 2],
      [2, 2, 5],
    ];
    people.forEach((person, v) => {
      for (const i of dots[v]!) changeDots(voters[v]!.doc, person.participantId, `a${i}`, 1, 3);
    });

    // The server stores an update before it relays it: once Anna sees the reactions and every
    // vote, they are stored in this round. Learning points are written in the closing round.
    await waitFor('reactions and dots at Anna', () => {
      const a1 = annaPeer.doc.getMap('cards').get('a1') as Y.Map<unknown> | undefined;
      return a1?.get('reaction') === 'consider' && annaPeer.doc.getMap('dots').size === 4;
    });
    await openBoard(srv.url, session.hostToken, 'closing');
    learningsMap(annaPeer.doc).set(anna.participantId, 'Doorvragen levert meer op dan meteen adviseren');
    learningsMap(bramPeer.doc).set(bram.participantId, PAYLOADS[1]!);

    // Everything has reached the server once a fresh reader sees it.
    const reader = open(session.docName, session.hostToken);
    await waitFor('board on the server', () => {
      const d = reader.doc;
      const a1 = d.getMap('cards').get('a1') as Y.Map<unknown> | undefined;
      return (
        d.getMap('cards').size === 14 &&
        d.getMap('dots').size === 4 &&
        d.getMap('learnings').size === 2 &&
        d.getMap('clusters').size === 2 &&
        a1?.get('reaction') === 'consider' &&
        a1.get('clusterId') === 'k1' &&
        coreQuestionText(d).length > 0
      );
    });
    const { reportUrl } = await handOver(srv.url, session.sessionId, session.hostToken);
    return reportUrl;
  }

  it('shows every hostile text as text: no dialog, no script, nothing blocked, and prints to PDF', async () => {
    const reportUrl = await buildBoard();
    const context = await browser.newContext({ viewport: { width: 1000, height: 1500 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const console: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (msg) => console.push(msg.text()));
    page.on('pageerror', (err) => console.push(err.message));

    const res = await page.goto(reportUrl, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect.poll(() => page.title()).toContain('Adviesrapport');

    // The payloads are on the page as the very characters people typed.
    const text = await page.locator('body').innerText();
    for (const payload of PAYLOADS) expect(text, payload).toContain(payload);
    expect(text).toContain('Wat betekent <b>vet</b> of <i>schuin</i> hier?');
    // Consent: Anna, Carla and Daan are named; the participant who did not consent is not, even with a hostile name.
    expect(text).toContain('Anna Visser, Carla Jansen, Daan Smit en 1 andere deelnemer');
    expect(text).not.toContain('alert(5)');

    // Nothing ran and nothing became markup: no dialog, no flag, no elements or handlers from user text.
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const injected = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      frames: document.querySelectorAll('iframe').length,
      links: document.querySelectorAll('a:not([data-testid="report-language"])').length,
      handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
      bold: document.querySelectorAll('b, i').length,
    }));
    expect(injected).toEqual({ scripts: 0, images: 0, frames: 0, links: 0, handlers: 0, bold: 0 });
    // Had escaping failed, the CSP would have had to block something; it never needed to.
    expect(console.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);

    // Charts: one bar per advice, ranked; the reaction overview counts every advice.
    expect(await page.locator('svg.chart rect').count()).toBe(6);
    // Dots: a0 4, a1 3 and a2 3 (a1 is older), a3 1, a5 1, a4 0.
    const items = await page.locator('ol.advice > li').allInnerTexts();
    expect(items[0]).toContain('Stel één kwartiermaker aan');
    expect(items[0]).toContain('4 stippen');
    expect(items[1]).toContain('Formuleer met bewoners een doel');
    expect(items[2]).toContain(PAYLOADS[0]!);
    expect(items[5]).toContain(PAYLOADS[1]!);
    expect(await page.locator('svg.reactions').textContent()).toContain('Overnemen: 2');

    // Print → PDF (what a recipient does with the page) gives a document with a title page.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
