import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addCard, addReview, readCards, readReviews } from '@casusbord/shared';
import { createCommunity } from '../helpers/archive';
import { createSession } from '../helpers/api';
import { joinByCode, personPage, WAIT_MS } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { serverAndBrowser } from '../helpers/e2e';
import { command } from '../helpers/control';
import { handOver } from '../helpers/handover';
import { ROOT } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { connectPeer, synced } from '../helpers/yjs';

const READING = 'Het wijkenboek: tien jaar buurtaanpak';
const ADVICE = 'Zoek in de eerste maand elke partner persoonlijk op';
const SCREENSHOT = path.join(ROOT, 'docs', 'screenshots', 'buddies.png');

describeBrowser('buddies in a community in Chromium', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors, peers } = e2e;

  it(
    'a facilitator pairs two members, the newcomer’s archive opens on the buddy’s pins, the join screen and the session show the buddy',
    { timeout: 180_000 },
    async () => {
      const community = await createCommunity(srv.url, 'CoP wijkenaanpak West');
      // ---- An archived session with one advice and one reviewed book.
      const earlier = await createSession(srv.url, {
        title: 'Intervisie Overvecht',
        city: 'Utrecht',
        communityId: community.communityId,
        communityKey: community.facilitatorKey,
        bookClub: true,
      });
      const host = await e2e.hostControl(earlier.hostToken);
      expect((await command(host, 'host:command', { type: 'start' })).ok).toBe(true);
      const peer = connectPeer(srv.wsUrl, earlier.docName, earlier.hostToken);
      peers.push(peer);
      await synced(peer);
      addReview(peer.doc, {
        id: 'r1',
        title: READING,
        author: 'Stichting Buurt',
        link: '',
        verdict: 'must-read',
        why: 'Wie nieuw is in de wijkaanpak, leest hier in een middag de lessen van anderen.',
        reviewerId: 'host',
        createdAt: Date.now(),
      });
      addCard(peer.doc, { id: 'a1', column: 'advice', text: ADVICE, authorId: 'host', createdAt: Date.now() });
      await waitFor('stored', () => readReviews(peer.doc).length === 1 && readCards(peer.doc).length === 1);
      await handOver(srv.url, earlier.sessionId, earlier.hostToken);

      const archiveUrl = (token: string) => `${srv.url}/archief/${community.communityId}#${token}`;
      const introduce = async (page: Page, name: string) => {
        await page.goto(archiveUrl(community.memberToken));
        await page.getByTestId('introduce-name').fill(name);
        await page.getByTestId('introduce-submit').click();
        await page.getByTestId('buddy-me').filter({ hasText: name }).waitFor();
      };

      // ---- Bert (experienced) and Nina (new) introduce themselves; Bert pins the book and the advice.
      const bert = await personPage(e2e.browser, 'bert', pageErrors);
      const nina = await personPage(e2e.browser, 'nina', pageErrors);
      await introduce(bert, 'Bert');
      await introduce(nina, 'Nina');
      const reading = bert.getByTestId('reading').filter({ hasText: READING });
      await reading.getByTestId('pin-button').click();
      await expect.poll(() => reading.getByTestId('pin-button').getAttribute('aria-pressed')).toBe('true');
      const advice = bert.getByTestId('entry-advice').locator('li').filter({ hasText: ADVICE });
      await advice.getByTestId('pin-button').click();
      await expect.poll(() => advice.getByTestId('pin-button').getAttribute('aria-pressed')).toBe('true');
      // A member link offers no pairing.
      expect(await bert.getByTestId('pairing-form').count()).toBe(0);

      // ---- The facilitator pairs Nina with Bert.
      const facilitator = await personPage(e2e.browser, 'facilitator', pageErrors);
      await facilitator.goto(archiveUrl(community.facilitatorKey));
      const form = facilitator.getByTestId('pairing-form');
      await form.getByTestId('pair-newcomer').locator('option', { hasText: 'Nina' }).waitFor({ state: 'attached' });
      await form.getByTestId('pair-newcomer').selectOption({ label: 'Nina' });
      await form.getByTestId('pair-buddy').selectOption({ label: 'Bert' });
      await form.getByTestId('pair-submit').click();
      await form.getByTestId('pair').filter({ hasText: 'Nina → buddy Bert' }).waitFor();

      // ---- Nina's archive now opens on what Bert recommends, focused.
      // Reloaded (the member link's token is in the tab's sessionStorage by now).
      await nina.reload();
      const recommends = nina.getByTestId('buddy-recommends');
      await recommends.waitFor();
      await expect
        .poll(() => nina.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: WAIT_MS })
        .toBe('buddy-recommends');
      expect(await recommends.getByTestId('buddy-pin').count()).toBe(2);
      const text = await recommends.innerText();
      expect(text).toContain('Wat je buddy aanraadt');
      expect(text).toContain(READING);
      expect(text).toContain('Moet je lezen');
      expect(text).toContain(ADVICE);
      expect(await nina.getByTestId('buddy-me').innerText()).toContain('Je buddy is Bert.');
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await recommends.screenshot({ path: SCREENSHOT });
      // Bert's own archive does not open on recommendations: he has no buddy.
      await bert.reload();
      await bert.getByTestId('buddy-me').filter({ hasText: 'Nina' }).waitFor();
      expect(await bert.getByTestId('buddy-recommends').count()).toBe(0);

      // ---- In a session of the community, each sees the other once both joined.
      const s = await createSession(srv.url, {
        title: 'Intervisie Kanaleneiland',
        city: 'Utrecht',
        communityId: community.communityId,
        communityKey: community.facilitatorKey,
      });
      await joinByCode(nina, srv.url, s.joinCode, 'Nina');
      await nina.getByTestId('round-banner').or(nina.locator('.board-page')).first().waitFor();
      expect(await nina.getByTestId('buddy-notice').count()).toBe(0);
      // Bert's join screen says, before he types his name, that his newcomer is already there.
      await bert.goto(srv.url);
      await bert.getByTestId('join-code').fill(s.joinCode);
      await bert
        .getByTestId('join-preview-buddy')
        .filter({ hasText: 'Nina, de nieuwkomer van wie jij buddy bent, doet al mee aan deze bijeenkomst.' })
        .waitFor();
      await joinByCode(bert, srv.url, s.joinCode, 'Bert');
      await nina
        .getByTestId('buddy-notice')
        .filter({ hasText: 'Je buddy Bert is ook bij deze bijeenkomst.' })
        .waitFor();
      await bert
        .getByTestId('buddy-notice')
        .filter({ hasText: 'Nina, de nieuwkomer van wie jij buddy bent, is ook bij deze bijeenkomst.' })
        .waitFor();
      expect(pageErrors).toEqual([]);
    },
  );
});
