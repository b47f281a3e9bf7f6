import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import * as Y from 'yjs';
import {
  addCard,
  addCluster,
  changeDots,
  setCardCluster,
  readOwnDots,
  setReaction,
  type CreateSessionResponse,
  type JoinResponse,
} from '@casusbord/shared';
import { createSession } from './api';
import { command, connectControl, openBoard, type ControlClient } from './control';
import { handOver, joinWithConsent } from './handover';
import { serverAndBrowser, type BrowserSuite } from './e2e';
import { personPage, type StoredCredentials } from './pages';
import { ROOT, type TestServer } from './server';
import { waitFor } from './wait';
import { connectPeer, synced, type Peer } from './yjs';

/** Index of the advice round (open advice column, dots) in the intervision-90 method. */
export const ADVICE_ROUND = 5;

export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

/**
 * A real session in the middle of its work, for the page-wide checks (accessibility, language,
 * screenshots): two participants (Anna is the case holder), cards in all four columns, a
 * cluster, dots, a reaction, and the advice round running on the server's clock.
 */
export interface Scene {
  session: CreateSessionResponse;
  anna: JoinResponse;
  bram: JoinResponse;
  control: ControlClient;
  peer: Peer;
  hostCredentials: StoredCredentials;
  annaCredentials: StoredCredentials;
  bramCredentials: StoredCredentials;
  close(): void;
}

/** A browser suite (serverAndBrowser) with the file's scene, built on its server once it runs. */
export interface SceneSuite extends BrowserSuite {
  readonly scene: Scene;
}

/** serverAndBrowser plus one scene (buildScene with `opts`) for the file; the scene closes first on the way out. */
export function sceneSuite(opts: Parameters<typeof buildScene>[1] = {}): SceneSuite {
  let scene: Scene | undefined;
  const suite = serverAndBrowser({
    started: async (srv) => {
      scene = await buildScene(srv, opts);
    },
    closing: () => scene?.close(),
  });
  return Object.defineProperty(suite, 'scene', {
    get: () => {
      if (!scene) throw new Error('the scene is used before beforeAll built it');
      return scene;
    },
  }) as SceneSuite;
}

/** `round: null` leaves the session before its start (the host's checklist, the waiting board). */
export async function buildScene(
  srv: TestServer,
  opts: { locale?: 'nl' | 'en'; round?: number | null } = {},
): Promise<Scene> {
  const session = await createSession(srv.url, {
    title: 'Intervisie Kruiskamp',
    city: 'Amersfoort',
    question: 'Hoe maken we van vijf partners één team met één doel voor de wijk?',
    caseHolderName: 'Anna Visser',
    locale: opts.locale ?? 'nl',
  });
  const anna = await joinWithConsent(srv.url, session.joinCode, 'Anna Visser', true);
  const bram = await joinWithConsent(srv.url, session.joinCode, 'Bram de Vries', true);
  const control = await connectControl(srv.url, session.hostToken);
  const settings = await command(control, 'host:settings', { caseHolderId: anna.participantId });
  if (!settings.ok) throw new Error(`host:settings failed: ${JSON.stringify(settings)}`);
  const peer = connectPeer(srv.wsUrl, session.docName, session.hostToken);
  await synced(peer);
  const cards: [string, 'question' | 'pitfall' | 'opportunity' | 'advice', string, 'anna' | 'bram'][] = [
    ['q1', 'question', 'Wie beslist als de partners het oneens zijn?', 'bram'],
    ['p1', 'pitfall', 'Iedere partner wacht op de eerste stap van een ander', 'bram'],
    ['p2', 'pitfall', 'De begroting rekent op subsidies die nog niet toegezegd zijn', 'anna'],
    ['o1', 'opportunity', 'Jongeren uit de wijk willen zelf een plek inrichten', 'bram'],
    ['a1', 'advice', 'Stel één kwartiermaker aan die de partners aan tafel houdt', 'bram'],
    ['a2', 'advice', 'Begin klein: één straat, één half jaar, zichtbaar resultaat', 'anna'],
  ];
  // The host adds the cluster and sorts p1 into it (the facilitator writes every column at any time).
  const cluster = (): void =>
    Y.transact(peer.doc, () => {
      addCluster(peer.doc, { id: 'k1', title: 'Samenwerking', column: 'pitfall', createdAt: 1 });
      setCardCluster(peer.doc, 'p1', 'k1');
    });
  if (opts.round === null) {
    // Before the start only the facilitator writes: the cards are the host's own preparation.
    Y.transact(peer.doc, () =>
      cards.forEach(([id, column, text], i) =>
        addCard(peer.doc, { id, column, text, authorId: 'host', createdAt: 10 + i }),
      ),
    );
    cluster();
    await stored(srv, session, (doc) => doc.getMap('cards').size === 6);
  } else {
    // Everyone writes as themself, in a round (added in front) with every column and dots open
    // whose kind lets the case holder react; it is removed again once the scene's round runs.
    await openBoard(srv.url, session.hostToken, 'reaction');
    const people = { anna, bram };
    const peers = {
      anna: connectPeer(srv.wsUrl, anna.docName, anna.token),
      bram: connectPeer(srv.wsUrl, bram.docName, bram.token),
    };
    try {
      await Promise.all([synced(peers.anna), synced(peers.bram)]);
      cards.forEach(([id, column, text, who], i) =>
        addCard(peers[who].doc, { id, column, text, authorId: people[who].participantId, createdAt: 10 + i }),
      );
      await waitFor('the cards at everyone', () =>
        [peer, peers.anna, peers.bram].every((p) => p.doc.getMap('cards').size === cards.length),
      );
      cluster();
      setReaction(peers.anna.doc, 'a1', 'adopt', 'Na de zomer');
      changeDots(peers.bram.doc, bram.participantId, 'a1', 1, 3);
      changeDots(peers.bram.doc, bram.participantId, 'a2', 1, 3);
      await stored(srv, session, (doc) => {
        const a1 = doc.getMap('cards').get('a1') as Y.Map<unknown> | undefined;
        const p1 = doc.getMap('cards').get('p1') as Y.Map<unknown> | undefined;
        return (
          doc.getMap('cards').size === 6 &&
          a1?.get('reaction') === 'adopt' &&
          p1?.get('clusterId') === 'k1' &&
          readOwnDots(doc, bram.participantId).size === 2
        );
      });
    } finally {
      peers.anna.destroy();
      peers.bram.destroy();
    }
    const target = (opts.round ?? ADVICE_ROUND) + 1;
    for (const [event, payload] of [
      ['host:command', { type: 'goto', index: target }],
      ['host:rounds', { type: 'remove', index: 0 }],
    ] as const) {
      const ack = await command(control, event, payload);
      if (!ack.ok) throw new Error(`${event} failed: ${JSON.stringify(ack)}`);
    }
  }
  return {
    session,
    anna,
    bram,
    control,
    peer,
    hostCredentials: {
      token: session.hostToken,
      role: 'host',
      docName: session.docName,
      name: null,
      participantId: null,
    },
    annaCredentials: {
      token: anna.token,
      role: 'participant',
      docName: anna.docName,
      name: anna.name,
      participantId: anna.participantId,
    },
    bramCredentials: {
      token: bram.token,
      role: 'participant',
      docName: bram.docName,
      name: bram.name,
      participantId: bram.participantId,
    },
    close: () => {
      control.disconnect();
      peer.destroy();
    },
  };
}

/** Waits until a fresh reader of the board finds `check` true: what it sees has been stored. */
async function stored(srv: TestServer, session: CreateSessionResponse, check: (doc: Y.Doc) => boolean): Promise<void> {
  const reader = connectPeer(srv.wsUrl, session.docName, session.hostToken);
  try {
    await waitFor('the board on the server', () => check(reader.doc));
  } finally {
    reader.destroy();
  }
}

/**
 * The app's pages of a scene, each opened in its own browser context (1280×720 unless `device`
 * says otherwise, as personPage), ready to read.
 */
export async function openPage(
  browser: Browser,
  srv: TestServer,
  scene: Scene,
  which: 'home' | 'join' | 'board' | 'host' | 'beamer',
  errors: string[],
  as: 'anna' | 'bram' = 'anna',
  device: BrowserContextOptions = {},
): Promise<Page> {
  const id = scene.session.sessionId;
  const stored =
    which === 'board'
      ? { sessionId: id, credentials: as === 'anna' ? scene.annaCredentials : scene.bramCredentials }
      : which === 'host' || which === 'beamer'
        ? { sessionId: id, credentials: scene.hostCredentials }
        : undefined;
  const page = await personPage(browser, which, errors, stored, device);
  switch (which) {
    case 'home':
      await page.goto(srv.url);
      await page.getByTestId('join-code').waitFor();
      break;
    case 'join':
      await page.goto(`${srv.url}/join/${scene.session.joinCode}`);
      await page.getByTestId('join-name').waitFor();
      // The case and the running round with its one-sentence task, before the name is typed.
      await page.getByTestId('join-preview-task').waitFor();
      break;
    case 'board':
      await page.goto(`${srv.url}/s/${id}`);
      await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
      await page.locator('[data-testid="round-banner"]:not(.loading)').waitFor();
      await page.locator('[data-testid="card"][data-card-id="a2"]').waitFor();
      break;
    case 'host':
      await page.goto(`${srv.url}/s/${id}/host`);
      await page.locator('[data-testid="host-status"][data-state="online"]').waitFor();
      await page.locator('[data-testid="table-card"]').first().waitFor();
      break;
    case 'beamer':
      await page.goto(`${srv.url}/s/${id}/beamer`);
      await page.locator('[data-testid="beamer-clock"]').first().waitFor();
      break;
  }
  return page;
}

/** Hands the session over and opens the report page at 1280×720 (in `lang`, or the session's language). */
export async function openReport(
  browser: Browser,
  srv: TestServer,
  scene: Scene,
  errors: string[],
): Promise<{ page: Page; reportUrl: string }> {
  const { reportUrl } = await handOver(srv.url, scene.session.sessionId, scene.session.hostToken);
  const page = await personPage(browser, 'report', errors);
  await page.goto(reportUrl);
  await page.locator('ol.advice').waitFor();
  return { page, reportUrl };
}
