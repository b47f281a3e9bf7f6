import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCluster, setCardCluster } from '@casusbord/shared';
import { describeBrowser } from '../helpers/browser';
import { WAIT_MS } from '../helpers/pages';
import { ADVICE_ROUND, openPage, sceneSuite, type Scene } from '../helpers/uiScene';
import { waitFor } from '../helpers/wait';
import { connectPeer, synced, type Peer } from '../helpers/yjs';

/**
 * Filing a card under a cluster by dragging (@dnd-kit): a finger on a tablet, upright and
 * sideways, a mouse, and the keyboard. Each move is checked where the person sees it (the card
 * under the cluster) and on the server, through a second client reading the board.
 */

type Point = { x: number; y: number };
type Box = { x: number; y: number; width: number; height: number };

const middle = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

function inWindow(page: Page, point: Point): boolean {
  const size = page.viewportSize()!;
  return point.x >= 0 && point.y >= 0 && point.x <= size.width && point.y <= size.height;
}

/** A finger or a mouse: what a drag is made of. */
interface Pointer {
  /** Down on `at` until the card lifts (a finger holds still, a mouse moves a few pixels). */
  lift(at: Point): Promise<Point>;
  move(to: Point): Promise<void>;
  release(): Promise<void>;
}

/**
 * A finger through the DevTools protocol, since Playwright's touchscreen only taps: touchStart,
 * touchMove, touchEnd, as a tablet's browser sends them.
 */
async function finger(page: Page): Promise<Pointer & { detach(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: Point) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: at ? [{ x: Math.round(at.x), y: Math.round(at.y), id: 1 }] : [],
    });
  return {
    lift: async (at) => {
      // Held still: the card lifts after the TouchSensor's delay, no sooner than it shows.
      await touch('touchStart', at);
      await page.getByTestId('drag-preview').waitFor();
      return at;
    },
    move: (to) => touch('touchMove', to).then(() => undefined),
    release: () => touch('touchEnd').then(() => undefined),
    detach: () => cdp.detach(),
  };
}

function mouse(page: Page): Pointer {
  return {
    lift: async (at) => {
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      const moved = { x: at.x, y: at.y - 12 };
      await page.mouse.move(moved.x, moved.y, { steps: 3 });
      await page.getByTestId('drag-preview').waitFor();
      return moved;
    },
    move: (to) => page.mouse.move(to.x, to.y),
    release: () => page.mouse.up(),
  };
}

/**
 * The part of `zone` in sight: inside its scrolling column and the window, or null when less
 * than a finger's width of it shows; `toward` is the column's edge on the side where it lies.
 */
function inSight(zone: Locator): Promise<{ box: Box | null; toward: Point }> {
  return zone.evaluate((el) => {
    const column = el.closest('.column-body')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const top = Math.max(r.top, column.top, 0);
    const bottom = Math.min(r.bottom, column.bottom, window.innerHeight);
    const x = column.left + column.width / 2;
    const toward = r.bottom <= column.top + 16 ? { x, y: column.top + 4 } : { x, y: column.bottom - 4 };
    const box = bottom - top >= 16 ? { x: r.left, y: top, width: r.width, height: bottom - top } : null;
    return { box, toward };
  });
}

/** Resolves once the zone's column and the page have stopped scrolling (the same for five frames). */
function settled(zone: Locator): Promise<void> {
  return zone.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        const column = el.closest('.column-body')!;
        let last = '';
        let still = 0;
        const check = () => {
          const now = `${column.scrollTop} ${window.scrollY}`;
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 5) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

/** Moves in small steps, as a hand does. */
async function glide(pointer: Pointer, from: Point, to: Point, steps = 10): Promise<Point> {
  for (let i = 1; i <= steps; i++) {
    await pointer.move({ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
  }
  return to;
}

const within = (p: Point, box: Box) =>
  p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;

/**
 * Drags the card by `handle` onto `target` as a person would: lift it; while the target is out of
 * sight, hold it at the column's edge so the column scrolls (@dnd-kit's auto-scroll); move onto
 * the target; and let go once the column is still, the pointer on the target and the target
 * shown as the drop target.
 */
async function dragOnto(page: Page, pointer: Pointer, handle: Locator, target: Locator): Promise<void> {
  await handle.scrollIntoViewIfNeeded();
  const box = await handle.boundingBox();
  expect(box && inWindow(page, middle(box)), 'the handle in the window').toBe(true);
  let at = await pointer.lift(middle(box!));
  for (let attempt = 0; ; attempt++) {
    // Held at an edge, the pointer scrolls the column (or the page) until it can go no further.
    await settled(target);
    const sight = await inSight(target);
    if (sight.box && within(at, sight.box)) break;
    if (attempt === 10) throw new Error(`could not bring the pointer onto ${target.toString()}`);
    at = await glide(pointer, at, sight.box ? middle(sight.box) : sight.toward);
  }
  await target.and(page.locator('.drop-over')).waitFor();
  await pointer.release();
  await page.getByTestId('drag-preview').waitFor({ state: 'detached' });
}

const card = (page: Page, id: string) => page.locator(`[data-testid="card"][data-card-id="${id}"]`);
const handle = (page: Page, id: string) => card(page, id).getByTestId('card-drag');
const zone = (page: Page, clusterId: string | null) =>
  clusterId
    ? page.locator(`[data-testid="column-advice"] [data-testid="cluster"][data-cluster-id="${clusterId}"]`)
    : page.locator('[data-testid="column-advice"] [data-testid="loose-cards"]');

/** The card is in the zone on screen and, read by another client, on the server. */
async function filed(page: Page, reader: Peer, cardId: string, clusterId: string | null): Promise<void> {
  await zone(page, clusterId).locator(`[data-testid="card"][data-card-id="${cardId}"]`).waitFor();
  await waitFor(
    `${cardId} in ${clusterId ?? 'no cluster'} at the second client`,
    () => {
      const entry = reader.doc.getMap('cards').get(cardId) as Y.Map<unknown> | undefined;
      // A card in no cluster has no clusterId key at all.
      return entry !== undefined && (entry.get('clusterId') ?? null) === clusterId;
    },
    WAIT_MS,
  );
}

/** Adds an advice cluster as the facilitator (who writes every column) and waits until the page shows it. */
async function newCluster(scene: Scene, page: Page, id: string, title: string): Promise<void> {
  addCluster(scene.peer.doc, { id, title, column: 'advice', createdAt: Date.now() });
  await zone(page, id).waitFor();
}

describeBrowser('dragging cards onto clusters: touch on a tablet, mouse and keyboard', () => {
  const e2e = sceneSuite({ round: ADVICE_ROUND });
  const { srv, pageErrors: errors } = e2e;
  const reader = async (): Promise<Peer> => {
    // Anna's own connection to the board: a second participant who sees what Bram files.
    const peer = connectPeer(srv.wsUrl, e2e.scene.anna.docName, e2e.scene.anna.token);
    e2e.peers.push(peer);
    await synced(peer);
    return peer;
  };

  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    it(
      `a finger drags a card onto a cluster on a ${viewport.width}×${viewport.height} tablet`,
      { timeout: 60_000 },
      async () => {
        const clusterId = `touch-${viewport.width}`;
        const cardId = viewport.width > viewport.height ? 'a2' : 'a1';
        const page = await openPage(e2e.browser, srv, e2e.scene, 'board', errors, 'bram', {
          viewport,
          hasTouch: true,
          isMobile: true,
        });
        expect(await page.evaluate(() => navigator.maxTouchPoints > 0 && 'ontouchstart' in window)).toBe(true);
        const anna = await reader();
        await newCluster(e2e.scene, page, clusterId, `Tablet ${viewport.width}`);

        // A tap on the text still edits it: only the handle drags.
        await card(page, cardId).getByTestId('card-text').tap();
        await expect
          .poll(() =>
            page.evaluate(() => document.activeElement?.closest('[data-card-id]')?.getAttribute('data-card-id')),
          )
          .toBe(cardId);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-text');

        const touch = await finger(page);
        await dragOnto(page, touch, handle(page, cardId), zone(page, clusterId));
        await touch.detach();
        await filed(page, anna, cardId, clusterId);
        await page
          .getByTestId('toast')
          .filter({ hasText: `Kaart verplaatst naar „Tablet ${viewport.width}”` })
          .waitFor();
        expect(errors).toEqual([]);
        await page.context().close();
      },
    );
  }

  it('a mouse drags a card out of its cluster, back to the loose cards', { timeout: 60_000 }, async () => {
    const page = await openPage(e2e.browser, srv, e2e.scene, 'board', errors, 'bram');
    const anna = await reader();
    await newCluster(e2e.scene, page, 'mouse', 'Muis');
    setCardCluster(e2e.scene.peer.doc, 'a2', 'mouse');
    await zone(page, 'mouse').locator('[data-card-id="a2"]').waitFor();

    await dragOnto(page, mouse(page), handle(page, 'a2'), zone(page, null));
    await filed(page, anna, 'a2', null);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it(
    'the keyboard picks a card up with Space, moves it with the arrows and puts it down with Space',
    { timeout: 60_000 },
    async () => {
      const page = await openPage(e2e.browser, srv, e2e.scene, 'board', errors, 'bram');
      const anna = await reader();
      await newCluster(e2e.scene, page, 'keys', 'Toetsenbord');
      setCardCluster(e2e.scene.peer.doc, 'a2', null);
      await zone(page, null).locator('[data-card-id="a2"]').waitFor();
      const drag = handle(page, 'a2');
      // Screen readers hear how it works, in Dutch, from the handle's description.
      const describedBy = await drag.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(
        'Druk op spatie of Enter om de kaart op te pakken',
      );
      expect(await drag.getAttribute('aria-roledescription')).toBe('versleepbare kaart');
      const live = page.locator('[role="status"][aria-live]');
      /** The zone the card is over now: a cluster id, '' for the loose cards, null for none. */
      const over = () =>
        page.evaluate(() => document.querySelector('.drop-over')?.getAttribute('data-cluster-id') ?? null);
      /** Presses `key` until the card is over `clusterId`, each press moving it one zone on. */
      const stepTo = async (key: 'ArrowUp' | 'ArrowDown', clusterId: string): Promise<void> => {
        for (let i = 0; i < 8 && (await over()) !== clusterId; i++) {
          const before = await over();
          await page.keyboard.press(key);
          await waitFor(`the card to move on from ${before}`, async () => (await over()) !== before, WAIT_MS);
        }
        expect(await over()).toBe(clusterId);
      };

      await drag.focus();
      await page.keyboard.press('Space');
      await page.getByTestId('drag-preview').waitFor();
      // Picked up ("Kaart „Begin klein…” opgepakt."), at once followed by where it is now.
      await live.filter({ hasText: 'De kaart is boven de losse kaarten.' }).waitFor();
      expect(await over()).toBe('');
      await stepTo('ArrowUp', 'keys');
      await live.filter({ hasText: 'De kaart is boven cluster „Toetsenbord”.' }).waitFor();
      await page.keyboard.press('Space');
      await filed(page, anna, 'a2', 'keys');
      await live.filter({ hasText: 'Kaart neergezet bij cluster „Toetsenbord”.' }).waitFor();
      // The focus comes back to the handle, so the next card is one Tab away.
      await expect
        .poll(() =>
          page.evaluate(() => document.activeElement?.closest('[data-card-id]')?.getAttribute('data-card-id')),
        )
        .toBe('a2');

      // Escape puts the card back where it was, wherever the arrows took it.
      await handle(page, 'a2').focus();
      await page.keyboard.press('Space');
      await page.getByTestId('drag-preview').waitFor();
      await stepTo('ArrowDown', '');
      await page.keyboard.press('Escape');
      await page.getByTestId('drag-preview').waitFor({ state: 'detached' });
      await live.filter({ hasText: 'Verslepen gestopt' }).waitFor();
      await filed(page, anna, 'a2', 'keys');
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
