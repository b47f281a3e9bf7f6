import { addCard, draftDocName, timeLeftMs, type JoinResponse, type SessionState } from '@casusbord/shared';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { join } from '../helpers/api';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { command, connectControl, latest, type ControlClient } from '../helpers/control';
import { WAIT_MS, createThroughForm, fitsWindow, personPage, readClock } from '../helpers/pages';
import { waitFor } from '../helpers/wait';
import { connectPeer, synced } from '../helpers/yjs';

const TABLE = '[data-testid="table-card"][data-table-id="t1"]';

describeBrowser('host view: the facilitator runs the rounds from one screen', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors, peers, controls } = e2e;

  /** What a participant's screen derives from the round: the round index and seconds left now (same machine, same clock). */
  function participantView(client: ControlClient): { index: number; seconds: number | null } {
    const round = latest(client).tables[0]!.round;
    const left = timeLeftMs(round, Date.now());
    return { index: round.roundIndex, seconds: left === null ? null : left / 1000 };
  }

  async function everyoneAt(clients: ControlClient[], what: string, check: (s: SessionState) => boolean) {
    await waitFor(`participants see ${what}`, () => clients.every((c) => check(latest(c))), WAIT_MS);
  }

  /**
   * Host view, beamer and both participants agree on the round and, within 2 s, on the time left.
   * Screens update as the state arrives, so this waits until they agree (or reports what each shows).
   */
  async function sameRoundAndTime(host: Page, beamer: Page, clients: ControlClient[], index: number) {
    await host.locator(`${TABLE} [data-testid="table-round-index"][data-round-index="${index}"]`).waitFor();
    await beamer.locator(`[data-testid="beamer-round-index"][data-round-index="${index}"]`).waitFor();
    await everyoneAt(clients, `round ${index}`, (s) => s.tables[0]!.round.roundIndex === index);
    let shown = { host: 0, beamer: 0, participants: [] as number[] };
    const agree = async () => {
      shown = {
        host: await readClock(host, `${TABLE} [data-testid="table-clock"]`),
        beamer: await readClock(beamer, '[data-testid="beamer-clock"]'),
        participants: clients.map((c) => participantView(c).seconds ?? Number.NaN),
      };
      return shown.participants.every((p) => Math.abs(p - shown.host) <= 2 && Math.abs(p - shown.beamer) <= 2);
    };
    await waitFor('the same time left everywhere', agree, WAIT_MS).catch((err: unknown) => {
      throw new Error(`screens disagree: ${JSON.stringify(shown)}`, { cause: err });
    });
    return shown.beamer;
  }

  async function openBoardAs(sessionId: string, person: JoinResponse): Promise<Page> {
    const page = await personPage(e2e.browser, person.name, pageErrors, {
      sessionId,
      credentials: {
        token: person.token,
        role: 'participant',
        docName: person.docName,
        name: person.name,
        participantId: person.participantId,
      },
    });
    await page.goto(`${srv.url}/s/${sessionId}`);
    await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
    return page;
  }

  it(
    'creates a session, runs the clock for two participants and a beamer, edits a round, sees cards and readiness',
    { timeout: 120_000 },
    async () => {
      // The facilitator creates the session in the UI and lands on the host view.
      const host = await personPage(e2e.browser, 'host', pageErrors);
      await createThroughForm(host, srv.url, 'Anna');
      const sessionId = new URL(host.url()).pathname.split('/')[2]!;
      const code = ((await host.getByTestId('join-code-display').textContent()) ?? '').trim();
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      await host.getByTestId('checklist').waitFor();
      await host.locator('[data-testid="host-status"][data-state="online"]').waitFor();

      // Two participants join; their boards are open, and their control connections follow the rounds.
      const anna = await join(srv.url, code, 'Anna');
      const bram = await join(srv.url, code, 'Bram');
      const annaPage = await openBoardAs(sessionId, anna);
      await openBoardAs(sessionId, bram);
      const clients = [await connectControl(srv.url, anna.token), await connectControl(srv.url, bram.token)];
      controls.push(...clients);
      for (const name of ['Anna', 'Bram']) {
        await host.locator(`${TABLE} [data-testid="table-person"][data-online="true"]`, { hasText: name }).waitFor();
      }

      // A participant who opens the host view gets a clear message and a way back to the board.
      await annaPage.goto(`${srv.url}/s/${sessionId}/host`);
      await annaPage.getByTestId('not-host').waitFor();
      expect(await annaPage.locator('[data-testid="not-host"] a').getAttribute('href')).toBe(`/s/${sessionId}`);

      // Checklist: the case holder is chosen through the settings, which every participant receives.
      await host.getByTestId('case-holder-select').selectOption({ label: 'Anna' });
      await host.getByTestId('dots-input').fill('5');
      await host.getByTestId('settings-save').click();
      await everyoneAt(clients, 'the settings', (s) => s.caseHolderId === anna.participantId && s.dotsPerPerson === 5);
      await host.locator('[data-testid="check-item"][data-ok="true"]', { hasText: 'Casusinbrenger: Anna' }).waitFor();

      // The beamer opens in a new window of the same browser (it uses the host's stored token).
      const [beamer] = await Promise.all([
        host.context().waitForEvent('page'),
        host.getByTestId('open-beamer').click(),
      ]);
      await beamer!.waitForURL(/\/beamer$/);
      expect(((await beamer!.getByTestId('beamer-code').textContent()) ?? '').trim()).toBe(code);
      await beamer!.getByTestId('join-qr').waitFor();

      // Start: the checklist goes away and everyone sees round 1 running.
      await host.getByTestId('cmd-t1-start').click();
      await host.locator(`${TABLE} [data-testid="table-status"][data-status="running"]`).waitFor();
      await host.getByTestId('toast').first().waitFor();
      await host.getByTestId('checklist').waitFor({ state: 'detached' });
      await beamer!.locator('[data-testid="beamer-status"][data-status="running"]').waitFor();
      await sameRoundAndTime(host, beamer!, clients, 0);

      // Pause: the clock freezes at the same time on every screen.
      await host.getByTestId('cmd-t1-pause').click();
      await beamer!.locator('[data-testid="beamer-status"][data-status="paused"]').waitFor();
      await everyoneAt(clients, 'the pause', (s) => s.tables[0]!.round.status === 'paused');
      const paused = await sameRoundAndTime(host, beamer!, clients, 0);

      // +5 minutes while paused.
      await host.getByTestId('cmd-t1-extend-5').click();
      await everyoneAt(clients, '+5 min', (s) => (s.tables[0]!.round.remainingMs ?? 0) / 1000 > paused + 290);
      await waitFor(
        'beamer shows +5 min',
        async () => (await readClock(beamer!, '[data-testid="beamer-clock"]')) >= paused + 299,
        WAIT_MS,
      );
      await sameRoundAndTime(host, beamer!, clients, 0);

      // Next: round 2 waits paused with its full time; the live region and the beamer name it.
      await host.getByTestId('cmd-t1-next').click();
      const introduction = 'Introductie van de casus';
      await beamer!.getByTestId('beamer-round-title').filter({ hasText: introduction }).waitFor();
      await host
        .getByTestId('round-announcer')
        .filter({ hasText: `ronde 2, ${introduction}` })
        .waitFor();
      expect(await sameRoundAndTime(host, beamer!, clients, 1)).toBe(10 * 60);

      // Resume with the keyboard; focus stays in the controls although the button is gone.
      await host.getByTestId('cmd-t1-resume').focus();
      await host.keyboard.press('Enter');
      await beamer!.locator('[data-testid="beamer-status"][data-status="running"]').waitFor();
      await host.waitForFunction(() => document.activeElement?.closest('[data-testid="cmd-t1"]') !== null);
      await sameRoundAndTime(host, beamer!, clients, 1);

      // The host lengthens the running round from 10 to 12 minutes; the clock moves with it.
      const minutes = host.locator(
        '[data-testid="round-row"][data-round-id="introduction"] [data-testid="round-minutes"]',
      );
      await minutes.fill('12');
      await minutes.press('Enter');
      await everyoneAt(clients, 'the new duration', (s) => s.tables[0]!.round.rounds[1]!.minutes === 12);
      await waitFor(
        'beamer shows the longer round',
        async () => (await readClock(beamer!, '[data-testid="beamer-clock"]')) > 11 * 60,
        WAIT_MS,
      );
      await sameRoundAndTime(host, beamer!, clients, 1);

      // Cards written at the table show up as counts per column: in the questions round (3) Anna
      // asks two questions on her own connection.
      await host.getByTestId('cmd-t1-goto-select').selectOption({ index: 2 });
      await host.getByTestId('cmd-t1-goto').click();
      await everyoneAt(clients, 'the questions round', (s) => s.tables[0]!.round.roundIndex === 2);
      let cardNo = 0;
      const writer = async (person: JoinResponse, docName = person.docName) => {
        const peer = connectPeer(srv.wsUrl, docName, person.token);
        peers.push(peer);
        await synced(peer);
        return (column: 'question' | 'pitfall', text: string) =>
          addCard(peer.doc, {
            id: `card-${++cardNo}`,
            column,
            text,
            authorId: person.participantId,
            createdAt: Date.now(),
          });
      };
      const annaWrites = await writer(anna);
      annaWrites('question', 'Wie zit er nu aan tafel?');
      annaWrites('question', 'Wat is er al geprobeerd?');
      await host.locator(`${TABLE} [data-testid="count-question"] .count-value`, { hasText: '2' }).waitFor();
      expect(await host.locator(`${TABLE} [data-testid="count-pitfall"] .count-value`).textContent()).toBe('0');

      // A participant marks themself ready; the host sees who.
      const ack = await command(clients[1]!, 'participant:ready', { ready: true });
      expect(ack.ok).toBe(true);
      await host.locator(`${TABLE} [data-testid="table-person"][data-ready="true"]`, { hasText: 'Bram' }).waitFor();
      await host.locator(TABLE, { hasText: '1 van 2 klaar' }).waitFor();

      // The beamer fits the window with nothing to scroll, at 1280×720 and at 1920×1080.
      const beamerParts = [
        '[data-testid="beamer-clock"]',
        '[data-testid="beamer-code"]',
        '[data-testid="join-qr"]',
        '[data-testid="beamer-round-title"]',
      ];
      const small = await fitsWindow(beamer!, beamerParts);
      expect(small.detail).toBe('');
      await beamer!.setViewportSize({ width: 1920, height: 1080 });
      const large = await fitsWindow(beamer!, beamerParts);
      expect(large.detail).toBe('');

      // Go to the private analysis round: the host sees that drafts are waiting and reveals them.
      await host.getByTestId('cmd-t1-goto-select').selectOption({ index: 4 });
      await host.getByTestId('cmd-t1-goto').click();
      await everyoneAt(clients, 'the analysis round', (s) => s.tables[0]!.round.roundIndex === 4);
      await host.locator(`${TABLE} [data-testid="drafts-waiting"]`).waitFor();
      // Bram writes a pitfall in his own draft, as his board does in a private round: not counted yet.
      const draft = draftDocName(sessionId, bram.participantId);
      const bramDrafts = await writer(bram, draft);
      bramDrafts('pitfall', 'Partners wachten op elkaar');
      // The server stores an update before it relays it: what Bram's second connection sees can be revealed.
      const stored = connectPeer(srv.wsUrl, draft, bram.token);
      peers.push(stored);
      await waitFor('the draft on the server', () => stored.doc.getMap('cards').size === 1, WAIT_MS);
      expect(await host.locator(`${TABLE} [data-testid="count-pitfall"] .count-value`).textContent()).toBe('0');
      await host.locator(`${TABLE} [data-testid="reveal-table"]`).click();
      await everyoneAt(clients, 'the reveal', (s) => s.tables[0]!.revealedRounds.includes('analysis'));
      await host.locator(`${TABLE} [data-testid="drafts-waiting"]`).waitFor({ state: 'detached' });
      // Revealed, it is on the table's board with the questions.
      await host.locator(`${TABLE} [data-testid="count-pitfall"] .count-value`, { hasText: '1' }).waitFor();
      expect(await host.locator(`${TABLE} [data-testid="count-question"] .count-value`).textContent()).toBe('2');
      expect(await host.locator(`${TABLE} [data-testid="count-advice"] .count-value`).textContent()).toBe('0');

      // Add a blank round at the end, move it one up, remove it again.
      await host.getByTestId('add-round-title').fill('Koffiepauze');
      await host.getByTestId('add-round-submit').click();
      const added = host.locator('[data-testid="round-row"]', { hasText: 'Koffiepauze' });
      await added.waitFor();
      await everyoneAt(clients, 'nine rounds', (s) => s.tables[0]!.round.rounds.at(-1)?.title.nl === 'Koffiepauze');
      await added.getByTestId('round-up').click();
      await everyoneAt(clients, 'the moved round', (s) => s.tables[0]!.round.rounds.at(-2)?.title.nl === 'Koffiepauze');
      await added.getByTestId('round-remove').click();
      await added.waitFor({ state: 'detached' });
      await everyoneAt(clients, 'eight rounds again', (s) => s.tables[0]!.round.rounds.length === 8);

      // Shortening the running round below the time already spent puts it in overtime: shown, not refused.
      const analysis = host.locator(
        '[data-testid="round-row"][data-round-id="analysis"] [data-testid="round-minutes"]',
      );
      await analysis.fill('0,01');
      await analysis.press('Enter');
      await beamer!.locator('[data-testid="beamer-clock"][data-overtime="true"]').waitFor();
      await host.locator(`${TABLE} [data-testid="table-clock"][data-overtime="true"]`).waitFor();
      expect(await readClock(beamer!, '[data-testid="beamer-clock"]')).toBeLessThan(0);
      const overtime = await fitsWindow(beamer!, [
        '.beamer-clock .host-clock-digits',
        '.beamer-clock .host-clock-overtime',
      ]);
      expect(overtime.detail).toBe('');

      expect(pageErrors).toEqual([]);
    },
  );
});
