import { afterEach, describe, expect, it } from 'vitest';
import { addCard, cardText, readCards } from '@casusbord/shared';
import { spawnServer, tempDataDir, type ServerProcess } from '../helpers/server';
import { sessionWith } from '../helpers/testServer';
import { connectPeer, synced, type Peer } from '../helpers/yjs';
import { waitFor } from '../helpers/wait';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

function track(peer: Peer): Peer {
  cleanup.push(() => peer.destroy());
  return peer;
}
function trackServer(proc: ServerProcess): ServerProcess {
  cleanup.push(() => proc.kill());
  return proc;
}

/** A spawned server on a fresh DATA_DIR; a session on it with its board open, Anna joined and her peer connected. */
async function annaOnSpawnedServer() {
  const dataDir = tempDataDir();
  const first = trackServer(await spawnServer({ DATA_DIR: dataDir }));
  const {
    session,
    people: [anna],
  } = await sessionWith(first.url, { open: true, people: ['Anna'] });
  const a = track(connectPeer(first.wsUrl, anna.docName, anna.token));
  return { dataDir, first, session, anna, a };
}

describe('nothing lost', () => {
  it('every edit another client saw survives kill -9 and a restart on the same DATA_DIR', async () => {
    const { dataDir, first, session, anna, a } = await annaOnSpawnedServer();
    const b = track(connectPeer(first.wsUrl, anna.docName, session.hostToken));
    await Promise.all([synced(a), synced(b)]);

    for (let i = 0; i < 20; i++) {
      addCard(a.doc, { id: `c${i}`, column: 'pitfall', text: `Valkuil ${i}`, authorId: anna.participantId, createdAt: i });
    }
    cardText(a.doc, 'c7')!.insert(0, 'Bewerkt: ');
    await waitFor('B saw every edit', () => readCards(b.doc).length === 20 && cardText(b.doc, 'c7')?.toString() === 'Bewerkt: Valkuil 7');

    await first.kill('SIGKILL');
    a.provider.disconnect();
    b.provider.disconnect();

    const second = trackServer(await spawnServer({ DATA_DIR: dataDir }));
    const fresh = track(connectPeer(second.wsUrl, anna.docName, session.hostToken));
    await synced(fresh);
    const cards = readCards(fresh.doc);
    expect(cards).toHaveLength(20);
    expect(cards.find((c) => c.id === 'c7')?.text).toBe('Bewerkt: Valkuil 7');
    // The session and the participant's token survived too.
    const again = await fetch(`${second.url}/api/sessions/${session.sessionId}`, {
      headers: { authorization: `Bearer ${anna.token}` },
    });
    expect(again.status).toBe(200);
  });

  it('a client reconnects by itself after a restart and its offline edits reach the others', async () => {
    const { dataDir, first, session, anna, a } = await annaOnSpawnedServer();
    await synced(a);
    addCard(a.doc, { id: 'before', column: 'question', text: 'Wie is eigenaar?', authorId: anna.participantId, createdAt: 1 });
    const fresh0 = track(connectPeer(first.wsUrl, anna.docName, session.hostToken));
    await waitFor('stored', () => readCards(fresh0.doc).length === 1);
    fresh0.destroy();

    await first.kill('SIGKILL');
    await waitFor('A notices the loss', () => !a.provider.wsconnected);
    // Written while the server is down.
    addCard(a.doc, { id: 'offline', column: 'opportunity', text: 'Buurtteam als motor', authorId: anna.participantId, createdAt: 2 });

    // Same port, so the provider's own reconnect loop finds it.
    const second = trackServer(await spawnServer({ DATA_DIR: dataDir, PORT: String(first.port) }));
    const other = track(connectPeer(second.wsUrl, anna.docName, session.hostToken));
    await waitFor('offline edit arrives after automatic reconnect', () => readCards(other.doc).some((c) => c.id === 'offline'), 15000);
    expect(readCards(other.doc).map((c) => c.id)).toEqual(['before', 'offline']);
  });
});
