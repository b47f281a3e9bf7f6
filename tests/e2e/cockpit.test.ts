import path from 'node:path';
import { addCard, type CreateSessionResponse, type JoinResponse } from '@casusbord/shared';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createSession, join } from '../helpers/api';
import { describeBrowser } from '../helpers/browser';
import { command, latest } from '../helpers/control';
import { serverAndBrowser } from '../helpers/e2e';
import { personPage, type StoredCredentials } from '../helpers/pages';
import { SCREENSHOTS } from '../helpers/uiScene';
import { waitFor } from '../helpers/wait';
import { connectPeer, synced } from '../helpers/yjs';

/**
 * Counts the AudioContexts a page makes, whether the person had touched the page when each was
 * made (navigator.userActivation), and the oscillators started (each tick or tone is one or two).
 */
function instrumentAudio(): void {
  const w = window as unknown as {
    AudioContext: typeof AudioContext;
    __audio: { contexts: number; beforeGesture: number; oscillators: number };
  };
  const Original = w.AudioContext;
  w.__audio = { contexts: 0, beforeGesture: 0, oscillators: 0 };
  w.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      w.__audio.contexts++;
      if (!navigator.userActivation.hasBeenActive) w.__audio.beforeGesture++;
    }
    override createOscillator(): OscillatorNode {
      w.__audio.oscillators++;
      return super.createOscillator();
    }
  };
}

const audio = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __audio: { contexts: number; beforeGesture: number; oscillators: number } }).__audio,
  );

const hostCredentials = (session: CreateSessionResponse): StoredCredentials => ({
  token: session.hostToken,
  role: 'host',
  docName: session.docName,
  name: null,
  participantId: null,
});
const participantCredentials = (p: JoinResponse): StoredCredentials => ({
  token: p.token,
  role: 'participant',
  docName: p.docName,
  name: p.name,
  participantId: p.participantId,
});
const tableCard = (id: string) => `[data-testid="table-card"][data-table-id="${id}"]`;

describeBrowser('the facilitator’s cockpit: sound, overtime, bring everyone here, a co-host', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors, peers } = e2e;

  async function open(label: string, sessionId: string, credentials: StoredCredentials | null, url: string) {
    const page = await personPage(e2e.browser, label, pageErrors, credentials ? { sessionId, credentials } : undefined);
    await page.context().addInitScript(instrumentAudio);
    await page.goto(url);
    return page;
  }

  it(
    'sound is on for the host and off for a participant, and waits for a gesture; the clock runs into overtime and moves on at zero only where set',
    { timeout: 120_000 },
    async () => {
      const session = await createSession(srv.url, { title: 'Intervisie Kruiskamp' });
      const anna = await join(srv.url, session.joinCode, 'Anna');
      const id = session.sessionId;
      const host = await open('host', id, hostCredentials(session), `${srv.url}/s/${id}/host`);
      const board = await open('anna', id, participantCredentials(anna), `${srv.url}/s/${id}`);
      await host.locator('[data-testid="host-status"][data-state="online"]').waitFor();
      await board.locator('[data-testid="connection-status"][data-state="online"]').waitFor();

      // On for the facilitator, off for the participant; no AudioContext before anyone clicks.
      await host.locator('[data-testid="sound-toggle"][aria-pressed="true"]').waitFor();
      expect(await audio(host)).toMatchObject({ contexts: 0 });
      const ctl = await e2e.hostControl(session.hostToken);
      // Each round of a few seconds: the first runs into overtime, the second moves on at zero.
      for (const index of [0, 1]) {
        const ack = await command(ctl, 'host:rounds', { type: 'setMinutes', index, minutes: 0.06 });
        expect(ack.ok).toBe(true);
      }
      // The host's first click on the page (here: start) is the gesture that makes its AudioContext.
      await host.getByTestId('cmd-t1-start').click();
      await waitFor('the host’s AudioContext', async () => (await audio(host)).contexts === 1);
      expect((await audio(host)).beforeGesture).toBe(0);

      await board.locator('[data-testid="round-clock"]').waitFor();
      const annaToggle = board.getByTestId('sound-toggle');
      expect(await annaToggle.getAttribute('aria-pressed')).toBe('false');
      expect(await audio(board)).toMatchObject({ contexts: 0 });
      await annaToggle.click();
      await board.locator('[data-testid="sound-toggle"][aria-pressed="true"]').waitFor();
      expect(await audio(board)).toMatchObject({ contexts: 1, beforeGesture: 0 });

      // At zero the clock counts up in overtime, with words, not colour alone; the round stays.
      const overtime = board.locator('[data-testid="round-clock"][data-overtime="true"]');
      await overtime.waitFor();
      expect(await overtime.locator('.clock-digits').textContent()).toMatch(/^\+0:0\d$/);
      expect(await overtime.getAttribute('aria-label')).toMatch(/^Over de tijd: \+0:0\d$/);
      await overtime.getByText('De tijd is om').waitFor();
      const hostClock = host.locator(`${tableCard('t1')} [data-testid="table-clock"][data-overtime="true"]`);
      await hostClock.getByText('Overtijd').waitFor();
      expect(await hostClock.locator('.host-clock-digits').textContent()).toMatch(/^\+0:\d\d$/);
      // The soft ticks of the last seconds and the tone at zero sounded on both screens.
      expect((await audio(host)).oscillators).toBeGreaterThan(2);
      expect((await audio(board)).oscillators).toBeGreaterThan(2);
      expect(latest(ctl).tables[0]!.round.roundIndex).toBe(0);

      // The participant's choice is kept on the device.
      await board.reload();
      await board.locator('[data-testid="sound-toggle"][aria-pressed="true"]').waitFor();
      expect(await audio(board)).toMatchObject({ contexts: 0 });

      // "Door bij 0:00" on the second round, in the round editor: the server moves it on at zero.
      await host.locator('[data-testid="round-row"]').nth(1).getByTestId('round-move-on').check();
      await waitFor('the option saved', () => latest(ctl).tables[0]!.round.rounds[1]!.moveOnAtZero === true);
      await host.getByTestId('cmd-t1-next').click();
      await host.locator(`${tableCard('t1')} [data-testid="table-round-index"][data-round-index="1"]`).waitFor();
      await host
        .locator(`${tableCard('t1')} [data-testid="table-round-index"][data-round-index="2"]`)
        .waitFor({ timeout: 10_000 });
      const third = latest(ctl).tables[0]!.round.rounds[2]!.title.nl;
      await board.getByTestId('round-banner').getByText(third).first().waitFor();

      // A round opened while the clock stands still: the cockpit says so and starts it in one click.
      await host.getByTestId('cmd-t1-pause').click();
      await host.getByTestId('cmd-t1-next').click();
      const prompt = host.getByTestId('clock-prompt');
      await prompt.getByText('Deze ronde loopt zonder klok — start de klok').waitFor();
      await host.screenshot({ path: path.join(SCREENSHOTS, 'cockpit.png') });
      await prompt.getByTestId('clock-prompt-start').click();
      await host.locator(`${tableCard('t1')} [data-testid="table-status"][data-status="running"]`).waitFor();
      await prompt.waitFor({ state: 'detached' });
      expect(pageErrors).toEqual([]);
    },
  );

  it(
    'brings two participants to the host’s board and place on it, one goes back and returns; a co-host runs a round and is revoked',
    { timeout: 120_000 },
    async () => {
      const session = await createSession(srv.url, { method: 'case-day', title: 'Casusdag Kruiskamp' });
      const id = session.sessionId;
      const ctl = await e2e.hostControl(session.hostToken);
      expect((await command(ctl, 'host:tables', { count: 3 })).ok).toBe(true);
      const anna = await join(srv.url, session.joinCode, 'Anna');
      const bram = await join(srv.url, session.joinCode, 'Bram');
      expect([anna.groupId, bram.groupId].sort()).toEqual(['t1', 't2']);
      // Every table in its introduction round (the opening before it is a plenary round).
      expect((await command(ctl, 'host:command', { type: 'start', index: 1 })).ok).toBe(true);

      // Table 3's board has a long advice column (the host wrote it), table 1 a card of Anna's.
      const t3 = connectPeer(srv.wsUrl, `${id}.t3`, session.hostToken);
      peers.push(t3);
      await synced(t3);
      for (let i = 0; i < 30; i++) {
        addCard(t3.doc, {
          id: `a${i}`,
          column: 'advice',
          text: `Advies ${i + 1} van tafel 3`,
          authorId: 'host',
          createdAt: i,
        });
      }

      const annaPage = await open('anna', id, participantCredentials(anna), `${srv.url}/s/${id}`);
      const bramPage = await open('bram', id, participantCredentials(bram), `${srv.url}/s/${id}`);
      for (const page of [annaPage, bramPage]) {
        await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
      }

      // The host goes from the cockpit to table 3's board and scrolls its advice to the end.
      const host = await open('host', id, hostCredentials(session), `${srv.url}/s/${id}/host`);
      await host.locator(`${tableCard('t3')} [data-testid="table-open-board"]`).click();
      await host.waitForURL(/\?table=t3$/);
      await host.locator('[data-testid="card"][data-card-id="a29"]').waitFor({ state: 'attached' });
      await host.locator('[data-testid="column-advice"] .column-body').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await host.getByTestId('focus-bring').click();
      await host.locator('[data-testid="bring-everyone"][data-active="true"]').waitFor();

      // Both participants now see table 3's board, read-only, scrolled to where the host was.
      for (const page of [annaPage, bramPage]) {
        await page.getByTestId('focus-banner').getByText('De facilitator heeft je hierheen gehaald').waitFor();
        await page.locator('[data-testid="card"][data-card-id="a29"]').waitFor({ state: 'attached' });
        await waitFor('scrolled like the host', () =>
          page
            .locator('[data-testid="column-advice"] .column-body')
            .evaluate((el) => el.scrollTop > 0 && el.scrollTop + el.clientHeight >= el.scrollHeight - 40),
        );
        expect(await page.getByTestId('add-advice-input').count()).toBe(0);
      }

      // Anna goes back to her own table with one click, and returns with one click.
      await annaPage.getByTestId('focus-leave').click();
      await annaPage.getByTestId('focus-away').waitFor();
      await waitFor(
        'Anna at her own board',
        async () => (await annaPage.locator('[data-card-id="a29"]').count()) === 0,
      );
      expect(await bramPage.getByTestId('focus-banner').count()).toBe(1);
      await annaPage.getByTestId('focus-return').click();
      await annaPage.getByTestId('focus-banner').waitFor();
      await annaPage.locator('[data-testid="card"][data-card-id="a29"]').waitFor({ state: 'attached' });
      await annaPage.screenshot({ path: path.join(SCREENSHOTS, 'bring-everyone.png') });

      // The host lets everyone go: both are back at their own tables.
      await host.getByTestId('focus-release').click();
      for (const page of [annaPage, bramPage]) await page.getByTestId('focus-banner').waitFor({ state: 'detached' });

      // A co-host link, made in the cockpit and opened in another browser.
      const cockpit = await open('host-cockpit', id, hostCredentials(session), `${srv.url}/s/${id}/host`);
      await cockpit.getByTestId('cohost-create').click();
      const link = await cockpit.getByTestId('cohost-url').inputValue();
      expect(link).toContain(`/s/${id}/host#cohost=`);
      const cohost = await open('cohost', id, null, link);
      await cohost.getByTestId('cohost-badge').waitFor();
      expect(new URL(cohost.url()).hash).toBe('');
      expect(await cohost.getByTestId('cohost-panel').count()).toBe(0);

      // The co-host pauses table 1: both facilitators' views show it.
      await cohost.getByTestId('cmd-t1-pause').click();
      for (const page of [cockpit, cohost]) {
        await page.locator(`${tableCard('t1')} [data-testid="table-status"][data-status="paused"]`).waitFor();
      }

      // The host revokes the link: the co-host's view says so and its next command is refused.
      await cockpit.getByTestId('cohost-revoke').click();
      await cockpit.locator('[data-testid="cohost-link"][data-revoked="true"]').waitFor();
      await cohost.getByTestId('host-error').getByText('ingetrokken', { exact: false }).waitFor();
      await cohost.getByTestId('cmd-t1-resume').click();
      await cohost.locator('.toast', { hasText: 'ingetrokken' }).first().waitFor();
      expect(latest(ctl).tables.find((t) => t.id === 't1')!.round.status).toBe('paused');
      await cockpit.locator(`${tableCard('t1')} [data-testid="table-status"][data-status="paused"]`).waitFor();
      expect(pageErrors).toEqual([]);
    },
  );
});
