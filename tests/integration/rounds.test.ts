import { describe, expect, it } from 'vitest';
import { addCard, draftDocName, readCards } from '@casusbord/shared';
import { spawnServer, tempDataDir } from '../helpers/server';
import { createSession } from '../helpers/api';
import { allAt, command, latest, withoutNow } from '../helpers/control';
import { sessionWith, useTestServer } from '../helpers/testServer';
import { waitFor } from '../helpers/wait';

const server = useTestServer();
const { peer } = server;

/** A session Anna and Bram joined, with a control client for the host and for each of them. */
async function threePeople() {
  const {
    session,
    people: [anna, bram],
  } = await sessionWith(server.url, { people: ['Anna', 'Bram'] });
  const host = await server.control(session.hostToken);
  const a = await server.control(anna.token);
  const b = await server.control(bram.token);
  return { session, anna, bram, host, a, b };
}

describe('server-owned rounds and clock', () => {
  it('start, pause, extend, next: host and participants receive identical state', async () => {
    const { host, a, b } = await threePeople();
    const everyone = [host, a, b];
    const steps = [
      { type: 'start' },
      { type: 'pause' },
      { type: 'extend', ms: 60_000 },
      { type: 'resume' },
      { type: 'next' },
    ];
    for (const step of steps) {
      const ack = await command(host, 'host:command', step);
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
      if (!ack.ok) return;
      await allAt(everyone, ack.state.version);
      const seen = everyone.map((c) => withoutNow(c.states.find((s) => s.version === ack.state.version)!));
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[2]).toEqual(seen[0]);
    }
    const table = latest(a).tables[0]!;
    expect(table.round).toMatchObject({ status: 'running', roundIndex: 1 });
    // The clock is absolute: endsAt lies one round duration after the server's send time.
    const minutes = table.round.rounds[1]!.minutes;
    expect(table.round.endsAt! - latest(a).serverNow).toBeGreaterThan(minutes * 60_000 - 5000);
    expect(table.round.endsAt! - latest(a).serverNow).toBeLessThanOrEqual(minutes * 60_000);
  });

  it('a participant or an invalid command changes nothing', async () => {
    const { host, a } = await threePeople();
    const before = latest(host).version;
    for (const event of ['host:command', 'host:rounds', 'host:settings', 'host:reveal', 'host:tables'] as const) {
      const ack = await command(
        a,
        event,
        event === 'host:command'
          ? { type: 'start' }
          : event === 'host:tables'
            ? { count: 2 }
            : event === 'host:settings'
              ? { dotsPerPerson: 5 }
              : event === 'host:rounds'
                ? { type: 'remove', index: 0 }
                : {},
      );
      expect(ack, event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await command(host, 'host:command', { type: 'resume' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_command' },
    });
    expect(await command(host, 'host:command', { type: 'warp' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await command(host, 'host:command', { type: 'extend', ms: -5 })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    const now = await command(host, 'session:get', {});
    expect(now.ok && now.state.version).toBe(before);
    expect(now.ok && now.state.tables[0]!.round.status).toBe('idle');
  });

  it('the host edits rounds and settings; participants see them', async () => {
    const { host, a, anna } = await threePeople();
    let ack = await command(host, 'host:rounds', { type: 'setMinutes', index: 2, minutes: 20 });
    expect(ack.ok).toBe(true);
    ack = await command(host, 'host:settings', { dotsPerPerson: 5, caseHolderId: anna.participantId });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    await allAt([a], ack.state.version);
    expect(latest(a)).toMatchObject({ dotsPerPerson: 5, caseHolderId: anna.participantId });
    expect(latest(a).tables[0]!.round.rounds[2]!.minutes).toBe(20);
    const ready = await command(a, 'participant:ready', { ready: true });
    expect(ready.ok && ready.state.ready).toEqual([anna.participantId]);
  });
});

describe('private writing', () => {
  it("a participant's draft is in nobody else's document until the host reveals it", async () => {
    const { session, anna, bram, host } = await threePeople();
    // Go to the analysis round (private writing in intervision-90).
    const state = latest(host);
    const analysis = state.tables[0]!.round.rounds.findIndex((r) => r.privateWriting);
    expect(analysis).toBeGreaterThan(0);
    expect((await command(host, 'host:command', { type: 'start', index: analysis })).ok).toBe(true);

    const [draftA, boardB] = await server.syncedPeers(
      [draftDocName(session.sessionId, anna.participantId), anna.token],
      [bram.docName, bram.token],
    );
    addCard(draftA.doc, { id: 'secret', column: 'pitfall', text: 'Geen gedeeld doel', authorId: anna.participantId, createdAt: 1 });

    // Nobody else may open the draft, not even the host.
    for (const token of [bram.token, session.hostToken]) {
      const spy = peer(draftDocName(session.sessionId, anna.participantId), token);
      await waitFor('refusal', () => spy.closes.length > 0);
      expect(spy.closes[0]!.code).toBe(4403);
      spy.provider.disconnect();
    }
    // Give the server time to relay anything it (wrongly) would: a fresh reader of the board syncs fully.
    const [reader] = await server.syncedPeers([bram.docName, session.hostToken]);
    expect(readCards(reader.doc)).toHaveLength(0);
    expect(readCards(boardB.doc)).toHaveLength(0);

    const ack = await command(host, 'host:reveal', {});
    expect(ack.ok).toBe(true);
    await waitFor('revealed card at B', () => readCards(boardB.doc).some((c) => c.id === 'secret'));
    expect(readCards(boardB.doc)[0]).toMatchObject({ text: 'Geen gedeeld doel', authorId: anna.participantId });
    await waitFor('draft emptied', () => readCards(draftA.doc).length === 0);
    expect(ack.ok && ack.state.tables[0]!.revealedRounds.length).toBe(1);
  });
});

describe('case day', () => {
  it('tables in parallel; a card promoted from each table appears on the plenary board', async () => {
    const {
      session,
      people: [anna, bram],
    } = await sessionWith(server.url, { create: { method: 'case-day' }, tables: 2, open: true, people: ['Anna', 'Bram'] });
    const host = await server.control(session.hostToken);
    expect(new Set([anna.groupId, bram.groupId])).toEqual(new Set(['t1', 't2']));
    const [a, b] = await server.syncedPeers([anna.docName, anna.token], [bram.docName, bram.token]);
    addCard(a.doc, {
      id: 'ka',
      column: 'advice',
      text: 'Maak één regiegroep',
      authorId: anna.participantId,
      createdAt: 1,
    });
    addCard(b.doc, {
      id: 'kb',
      column: 'advice',
      text: 'Betrek de jongeren',
      authorId: bram.participantId,
      createdAt: 2,
    });
    // B cannot see table 1's board.
    expect(readCards(b.doc).map((c) => c.id)).toEqual(['kb']);

    const annaCtl = await server.control(anna.token);
    await waitFor(
      'card stored at table 1',
      async () => (await command(annaCtl, 'card:promote', { groupId: 't1', cardId: 'ka' })).ok,
    );
    // Anna may not promote for table 2; the host may.
    expect(await command(annaCtl, 'card:promote', { groupId: 't2', cardId: 'kb' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await waitFor(
      'card stored at table 2',
      async () => (await command(host, 'card:promote', { groupId: 't2', cardId: 'kb' })).ok,
    );

    const plenaryDoc = latest(host).plenaryDocName!;
    const [plenary] = await server.syncedPeers([plenaryDoc, anna.token]);
    const texts = readCards(plenary.doc)
      .map((c) => c.text)
      .sort();
    expect(texts).toEqual(['Betrek de jongeren', 'Maak één regiegroep']);
  });
});

describe('restart', () => {
  it('a server killed mid-round resumes the same round with the same endsAt', async () => {
    const dataDir = tempDataDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    try {
      const session = await createSession(first.url);
      const host = await server.control(session.hostToken, first.url);
      await command(host, 'host:command', { type: 'start' });
      const ack = await command(host, 'host:command', { type: 'next' });
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      const before = ack.state.tables[0]!.round;
      await first.kill('SIGKILL');
      const second = await spawnServer({ DATA_DIR: dataDir });
      try {
        const again = await server.control(session.hostToken, second.url);
        const after = latest(again).tables[0]!.round;
        expect(after).toMatchObject({ status: 'running', roundIndex: 1, endsAt: before.endsAt });
      } finally {
        await second.kill();
      }
    } finally {
      await first.kill();
    }
  });
});
