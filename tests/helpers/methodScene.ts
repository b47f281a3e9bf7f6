import type { Locator, Page } from 'playwright-core';
import type { Column, MethodId } from '@casusbord/shared';
import { cardIdIn, hasCardIn, joinByCode, personPage } from './boardPage';
import type { BrowserSuite } from './e2e';
import { command, latest, type ControlClient } from './control';
import { createThroughForm } from './pages';

/**
 * The steps every method's browser test shares (tests/e2e/method-*.test.ts): the host creates the
 * session with the method through the home page's form and keeps the host view open; Carla (the
 * case holder), Anouk and Bram join through the home page in browsers of their own; the host runs
 * the rounds one after another over the control socket, and each round shows on every board; at
 * the end the host hands over in the host view and the recipient opens the read-only link.
 */

export interface MethodScene {
  sessionId: string;
  hostToken: string;
  /** The host view the session was created in. */
  host: Page;
  ctl: ControlClient;
  carla: Page;
  anouk: Page;
  bram: Page;
  /** Carla, Anouk and Bram: their boards. */
  participants: Page[];
  ids: { carla: string; anouk: string; bram: string };
  /** Runs the rounds up to the one with this id ('start', then 'next'), each shown on every board. */
  runTo(roundId: string): Promise<void>;
  /** Types a card into `column` and resolves with its id once it is on the writer's board. */
  addCard(page: Page, column: Column, text: string): Promise<string>;
  /** The id of the card with `text` in `column`, once it shows on `page`. */
  cardId(page: Page, column: Column, text: string): Promise<string>;
  /** Whether the card shows on `page` right now (check after a sync point). */
  hasCard(page: Page, column: Column, text: string): Promise<boolean>;
  card(page: Page, id: string): Locator;
  /** A host command over the control socket; fails the test when it is refused. */
  hostCommand(event: 'host:command' | 'host:reveal' | 'host:lenses', payload: unknown): Promise<void>;
  /** Hands over in the host view and opens the recipient's read-only report. */
  openReport(): Promise<{ page: Page; text: string }>;
}

export interface MethodSceneOptions {
  /** Fills more of the create form before it is sent (a follow-up's community fields). */
  more?: (page: Page) => Promise<void>;
}

const column = (c: Column) => `[data-testid="column-${c}"]`;
const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export async function methodScene(
  e2e: BrowserSuite,
  method: MethodId,
  opts: MethodSceneOptions = {},
): Promise<MethodScene> {
  const { srv, pageErrors } = e2e;
  const newPage = (label: string) => personPage(e2e.browser, label, pageErrors);

  const host = await newPage('host');
  await createThroughForm(host, srv.url, 'Carla', { method, more: opts.more });
  const sessionId = new URL(host.url()).pathname.split('/')[2]!;
  const hostToken = await host.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token ?? '',
    `casusbord:session:${sessionId}`,
  );
  const ctl = await e2e.hostControl(hostToken);
  if (latest(ctl).method !== method) throw new Error(`the session follows ${latest(ctl).method}, not ${method}`);
  const joinCode = ((await host.getByTestId('join-code-display').textContent()) ?? '').trim();

  const [carla, anouk, bram] = await Promise.all([newPage('carla'), newPage('anouk'), newPage('bram')]);
  const ids = {
    carla: (await joinByCode(carla, srv.url, joinCode, 'Carla')).participantId!,
    anouk: (await joinByCode(anouk, srv.url, joinCode, 'Anouk')).participantId!,
    bram: (await joinByCode(bram, srv.url, joinCode, 'Bram')).participantId!,
  };
  const participants = [carla, anouk, bram];

  const hostCommand = async (
    event: 'host:command' | 'host:reveal' | 'host:lenses' | 'host:settings',
    payload: unknown,
  ) => {
    const ack = await command(ctl, event, payload);
    if (!ack.ok) throw new Error(`${event} ${JSON.stringify(payload)} refused: ${JSON.stringify(ack.error)}`);
  };
  await hostCommand('host:settings', { caseHolderId: ids.carla });
  await carla.getByTestId('case-holder-badge').waitFor();

  let at = -1;
  const runTo = async (roundId: string) => {
    const rounds = latest(ctl).tables[0]!.round.rounds;
    const target = rounds.findIndex((r) => r.id === roundId);
    if (target < 0) throw new Error(`${method} has no round ${roundId}: ${rounds.map((r) => r.id).join(', ')}`);
    if (target < at) throw new Error(`round ${roundId} is behind the current one`);
    while (at < target) {
      await hostCommand('host:command', { type: at < 0 ? 'start' : 'next' });
      at++;
      const title = exactly(rounds[at]!.title.nl);
      for (const page of participants) await page.getByTestId('round-title').filter({ hasText: title }).waitFor();
    }
  };

  const addCard = async (page: Page, c: Column, text: string) => {
    await page.getByTestId(`add-${c}-input`).fill(text);
    await page.getByTestId(`add-${c}-submit`).click();
    return cardIdIn(page, column(c), text);
  };

  const openReport = async () => {
    await host.getByTestId('handover-start').click();
    await host.getByTestId('handover-confirm').click();
    const url = ((await host.getByTestId('report-url').textContent()) ?? '').trim();
    const recipient = await newPage('recipient');
    await recipient.goto(`${srv.url}${new URL(url).pathname}`);
    await recipient.locator('main').waitFor();
    return { page: recipient, text: await recipient.locator('body').innerText() };
  };

  return {
    sessionId,
    hostToken,
    host,
    ctl,
    carla,
    anouk,
    bram,
    participants,
    ids,
    runTo,
    addCard,
    cardId: (page, c, text) => cardIdIn(page, column(c), text),
    hasCard: (page, c, text) => hasCardIn(page, column(c), text),
    card: (page, id) => page.locator(`[data-testid="card"][data-card-id="${id}"]`),
    hostCommand,
    openReport,
  };
}
