import { describe, expect, it } from 'vitest';
import { addCard, readCards } from '@casusbord/shared';
import { createSession, join } from '../helpers/api';
import { openBoard } from '../helpers/control';
import { startServer } from '../helpers/server';
import { useTestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/wait';
import { connectPeer, recordRefusals } from '../helpers/yjs';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';
const off = useTestServer();
const on = useTestServer(startServer, { metricsToken: TOKEN });

const scrape = (base: string, authorization?: string) =>
  fetch(`${base}/metrics`, { headers: authorization ? { authorization } : {} });

/** One sample's value from Prometheus text, e.g. `casusbord_connections{plane="yjs"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function metricsText(): Promise<string> {
  const res = await scrape(on.url, `Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  return res.text();
}

describe('/metrics', () => {
  it('is a JSON 404 while METRICS_TOKEN is unset', async () => {
    for (const auth of [undefined, `Bearer ${TOKEN}`]) {
      const res = await scrape(off.url, auth);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('answers 401 without the token or with another one, Prometheus text with it', async () => {
    for (const auth of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await scrape(on.url, auth);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    const res = await scrape(on.url, `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const name of [
      'casusbord_connections',
      'casusbord_rooms_loaded',
      'casusbord_updates_applied_total',
      'casusbord_updates_persisted_total',
      'casusbord_persist_seconds',
      'casusbord_refusals_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('moves with an edit: connections, rooms, updates applied and persisted, persist latency, refusals', async () => {
    const before = await metricsText();
    const session = await createSession(on.url);
    const [ben, mal] = [await join(on.url, session.joinCode, 'Ben'), await join(on.url, session.joinCode, 'Mal')];
    await openBoard(on.url, session.hostToken);
    const host = await on.control(session.hostToken);
    const honest = on.peer(ben.docName, ben.token);
    const forger = on.peer(mal.docName, mal.token);
    const refusals = recordRefusals(forger);
    await waitFor('both synced', () => honest.provider.synced && forger.provider.synced);

    const card = { column: 'advice' as const, createdAt: Date.now() };
    addCard(honest.doc, { ...card, id: 'c1', text: 'Begin klein', authorId: ben.participantId });
    // Mal claims Ben wrote this: the write policy corrects it and says why.
    addCard(forger.doc, { ...card, id: 'c2', text: 'Ben wil dit', authorId: ben.participantId });
    await waitFor(
      'both cards at both peers',
      () => readCards(honest.doc).length === 2 && readCards(forger.doc).length === 2,
    );
    await waitFor('the refusal', () => refusals.some((r) => r.startsWith('not_allowed:')));
    // A token the server does not know.
    const stranger = connectPeer(on.wsUrl, ben.docName, 'x'.repeat(43));
    await waitFor('the stranger refused', () => stranger.closes.length > 0);
    stranger.destroy();

    const after = await metricsText();
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('casusbord_updates_applied_total')).toBeGreaterThanOrEqual(2);
    expect(moved('casusbord_updates_persisted_total')).toBeGreaterThanOrEqual(2);
    expect(moved('casusbord_persist_seconds_count')).toBe(moved('casusbord_updates_persisted_total'));
    expect(moved('casusbord_persist_seconds_sum')).toBeGreaterThan(0);
    expect(sample(after, 'casusbord_connections{plane="yjs"}')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'casusbord_connections{plane="socket.io"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'casusbord_rooms_loaded')).toBeGreaterThanOrEqual(1);
    expect(moved('casusbord_refusals_total{plane="yjs",reason="not_allowed"}')).toBeGreaterThanOrEqual(1);
    expect(moved('casusbord_refusals_total{plane="yjs",reason="unauthorized"}')).toBe(1);
    expect(sample(after, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);

    host.disconnect();
    await waitFor('the socket gone', async () => {
      const text = await metricsText();
      return (
        sample(text, 'casusbord_connections{plane="socket.io"}') <
        sample(after, 'casusbord_connections{plane="socket.io"}')
      );
    });
  });
});
