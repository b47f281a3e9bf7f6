import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  addCard,
  plenaryDocName,
  type CohostLinkResponse,
  type CohostListResponse,
} from '@casusbord/shared';
import { io } from 'socket.io-client';
import { postJson } from '../helpers/api';
import { command, latest } from '../helpers/control';
import { sessionWith, useTestServer } from '../helpers/testServer';
import { nextEvent, waitFor } from '../helpers/wait';
import { connectPeer, synced } from '../helpers/yjs';

const server = useTestServer();

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function call(method: string, path: string, token: string) {
  const res = await fetch(`${server.url}${path}`, { method, headers: bearer(token) });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

async function makeCohost(sessionId: string, hostToken: string): Promise<CohostLinkResponse> {
  const res = await postJson(`${server.url}/api/sessions/${sessionId}/cohosts`, {}, bearer(hostToken));
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as unknown as CohostLinkResponse;
}

describe('co-host links', () => {
  it('a co-host runs the session beside the host; both see one sequence of states; revoking ends it everywhere', async () => {
    const {
      session,
      people: [anna],
    } = await sessionWith(server.url, { people: ['Anna'] });
    const link = await makeCohost(session.sessionId, session.hostToken);
    expect(link.url).toMatch(new RegExp(`/s/${session.sessionId}/host#cohost=${link.token}$`));
    expect(link.cohost).toMatchObject({ revokedAt: null });
    expect(link.cohost.id).toMatch(/^c/);

    const host = await server.control(session.hostToken);
    const cohost = await server.control(link.token);
    const participant = await server.control(anna.token);

    // The co-host's view says what it is, and it gets the host's view of the session.
    const view = await call('GET', `/api/sessions/${session.sessionId}`, link.token);
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ you: { role: 'host', cohost: true }, joinCode: session.joinCode });

    // Commands from both go through the one control plane: versions rise by one each, in one order.
    const acks = await Promise.all([
      command(host, 'host:command', { type: 'start' }),
      command(cohost, 'host:command', { type: 'extend', ms: 60_000 }),
      command(host, 'host:rounds', { type: 'setMinutes', index: 2, minutes: 7 }),
      command(cohost, 'host:command', { type: 'next' }),
    ]);
    for (const ack of acks) expect(ack.ok, JSON.stringify(ack)).toBe(true);
    const versions = acks.map((a) => (a.ok ? a.state.version : -1)).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(4);
    expect(versions[3]! - versions[0]!).toBe(3);
    await waitFor('every client at the last version', () =>
      [host, cohost, participant].every((c) => latest(c).version === versions[3]),
    );
    expect(latest(cohost).tables).toEqual(latest(host).tables);
    expect(latest(host).tables[0]!.round.roundIndex).toBe(1);

    // Only the session's own host manages links and deletes the session.
    const refused = await postJson(`${server.url}/api/sessions/${session.sessionId}/cohosts`, {}, bearer(link.token));
    expect(refused.status).toBe(403);
    expect(refused.json.error?.code).toBe('forbidden');
    expect((await call('GET', `/api/sessions/${session.sessionId}/cohosts`, link.token)).status).toBe(403);
    expect((await call('DELETE', `/api/sessions/${session.sessionId}`, link.token)).status).toBe(403);
    const other = await call('DELETE', `/api/sessions/${session.sessionId}/cohosts/${link.cohost.id}`, anna.token);
    expect(other.status).toBe(403);

    // The co-host watches a board with its token.
    const board = connectPeer(server.wsUrl, session.docName, link.token);
    server.peers.push(board);
    await synced(board);

    // The host revokes: the co-host's socket is told, its board connection closes with 4401.
    const told = nextEvent<{ code: string }>(cohost, 'cohost:revoked');
    const revoke = await call(
      'DELETE',
      `/api/sessions/${session.sessionId}/cohosts/${link.cohost.id}`,
      session.hostToken,
    );
    expect(revoke.status, JSON.stringify(revoke.json)).toBe(200);
    expect((revoke.json!.cohost as { revokedAt: number | null }).revokedAt).toEqual(expect.any(Number));
    expect((await told).code).toBe('cohost_revoked');
    await waitFor('the board connection closed', () => board.closes.some((c) => c.code === 4401));
    board.destroy();

    // Its next command is refused with a clear code; the state does not change.
    const before = latest(host).version;
    const after = await command(cohost, 'host:command', { type: 'pause' });
    expect(after).toMatchObject({ ok: false, error: { code: 'cohost_revoked' } });
    const get = await command(cohost, 'session:get', {});
    expect(get).toMatchObject({ ok: false, error: { code: 'cohost_revoked' } });
    // No more state reaches it, while the host's commands still go to everyone else.
    const seen = cohost.states.length;
    const pause = await command(host, 'host:command', { type: 'pause' });
    expect(pause.ok).toBe(true);
    await waitFor('the participant sees the pause', () => latest(participant).version > before);
    expect(cohost.states.length).toBe(seen);

    // HTTP answers 401 cohost_revoked (a new socket is refused at the handshake: next test).
    const http = await call('GET', `/api/sessions/${session.sessionId}`, link.token);
    expect(http.status).toBe(401);
    expect(http.json).toMatchObject({ error: { code: 'cohost_revoked' } });

    // The list keeps the revoked link; revoking again is no error. The audit log names both acts.
    const list = await call('GET', `/api/sessions/${session.sessionId}/cohosts`, session.hostToken);
    expect((list.json as unknown as CohostListResponse).cohosts).toEqual([
      { id: link.cohost.id, createdAt: link.cohost.createdAt, revokedAt: expect.any(Number) },
    ]);
    const again = await call(
      'DELETE',
      `/api/sessions/${session.sessionId}/cohosts/${link.cohost.id}`,
      session.hostToken,
    );
    expect(again.status).toBe(200);
    const missing = await call('DELETE', `/api/sessions/${session.sessionId}/cohosts/cnothere`, session.hostToken);
    expect(missing.status).toBe(404);
    const audit = await fetch(`${server.url}/api/sessions/${session.sessionId}/audit.csv`, {
      headers: bearer(session.hostToken),
    });
    const csv = await audit.text();
    expect(csv).toContain('cohost:create');
    expect(csv).toContain('cohost:revoke');
    // The co-host's own commands are logged under its id.
    expect(csv).toContain(link.cohost.id);
  });

  it('a socket refused at the handshake says the link was revoked', async () => {
    const { session } = await sessionWith(server.url);
    const link = await makeCohost(session.sessionId, session.hostToken);
    await call('DELETE', `/api/sessions/${session.sessionId}/cohosts/${link.cohost.id}`, session.hostToken);
    const socket = io(server.url, {
      auth: { protocol: PROTOCOL_VERSION, token: link.token },
      transports: ['websocket'],
      reconnection: false,
    });
    const err = await nextEvent<Error & { data?: { code: string } }>(socket, 'connect_error');
    socket.close();
    expect(err.data?.code).toBe('cohost_revoked');
  });
});

describe('bring everyone here', () => {
  it('is host-only, case day only; participants of other tables may then read the board, never write it', async () => {
    const {
      session,
      people: [anna, bram],
    } = await sessionWith(server.url, {
      create: { method: 'case-day' },
      tables: 2,
      open: true,
      people: ['Anna', 'Bram'],
    });
    expect([anna.groupId, bram.groupId].sort()).toEqual(['t1', 't2']);
    const [atT1, atT2] = anna.groupId === 't1' ? [anna, bram] : [bram, anna];
    const host = await server.control(session.hostToken);
    const visitor = await server.control(atT2.token);

    // A participant may not bring anyone anywhere; a bad payload is refused with a reason.
    const byParticipant = await command(visitor, 'host:focus', { action: 'bring', groupId: 't1' });
    expect(byParticipant).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await command(host, 'host:focus', { action: 'bring', groupId: 't1', scrollY: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const noTable = await command(host, 'host:focus', { action: 'bring', groupId: 't9' });
    expect(noTable).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Before the bring, table 1's board is closed to a participant of table 2.
    const early = connectPeer(server.wsUrl, `${session.sessionId}.t1`, atT2.token);
    server.peers.push(early);
    await waitFor('refused', () => early.closes.some((c) => c.code === 4403));
    early.destroy();

    const bring = await command(host, 'host:focus', { action: 'bring', groupId: 't1', scrollY: 0.4 });
    expect(bring.ok, JSON.stringify(bring)).toBe(true);
    await waitFor('the participant sees the focus', () => latest(visitor).focus?.groupId === 't1');
    expect(latest(visitor).focus).toMatchObject({ id: 1, groupId: 't1', scrollX: 0, scrollY: 0.4 });

    // Now the visitor reads table 1's board live, and what they write there is not taken.
    const [writer] = await server.syncedPeers([`${session.sessionId}.t1`, atT1.token] as const);
    const reader = connectPeer(server.wsUrl, `${session.sessionId}.t1`, atT2.token);
    server.peers.push(reader);
    await synced(reader);
    addCard(writer!.doc, {
      id: 'k1',
      column: 'advice',
      text: 'Eén kwartiermaker',
      authorId: atT1.participantId,
      createdAt: 1,
    });
    await waitFor('the visitor sees the card', () => reader.doc.getMap('cards').has('k1'));
    addCard(reader.doc, { id: 'v1', column: 'advice', text: 'Bezoek', authorId: atT2.participantId, createdAt: 2 });
    const check = connectPeer(server.wsUrl, `${session.sessionId}.t1`, session.hostToken);
    server.peers.push(check);
    await synced(check);
    expect(check.doc.getMap('cards').has('v1')).toBe(false);

    // Letting everyone go ends the visit.
    const release = await command(host, 'host:focus', { action: 'release' });
    expect(release.ok).toBe(true);
    await waitFor('the visit ends', () => reader.closes.some((c) => c.code === 4403));
    expect(latest(visitor).focus ?? null).toBeNull();

    // The plenary board can be the place too; an intervision session has no such thing.
    expect((await command(host, 'host:focus', { action: 'bring', groupId: 'plenary' })).ok).toBe(true);
    expect(latest(host).plenaryDocName).toBe(plenaryDocName(session.sessionId));
    const { session: single } = await sessionWith(server.url);
    const singleHost = await server.control(single.hostToken);
    const refused = await command(singleHost, 'host:focus', { action: 'bring', groupId: 't1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_command' } });
  });
});

describe('move on at zero', () => {
  it('the server moves a round set to move on at zero into the next when its clock runs out; others go on in overtime', async () => {
    const { session } = await sessionWith(server.url);
    const host = await server.control(session.hostToken);
    for (const [event, payload] of [
      ['host:rounds', { type: 'setMinutes', index: 0, minutes: 0.01 }],
      ['host:rounds', { type: 'setMinutes', index: 1, minutes: 0.01 }],
      ['host:rounds', { type: 'setMoveOnAtZero', index: 0, on: true }],
      ['host:command', { type: 'start' }],
    ] as const) {
      const ack = await command(host, event, payload);
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
    }
    const zero = latest(host).tables[0]!.round.endsAt!;
    // Round 0 lasts 0.6 s and moves on by itself; round 1 (0.6 s too) does not.
    await waitFor('the server moved on', () => latest(host).tables[0]!.round.roundIndex === 1, 5000);
    const moved = latest(host).tables[0]!.round;
    expect(moved.status).toBe('running');
    expect(moved.rounds[0]!.moveOnAtZero).toBe(true);
    // The next round began at the zero of the first, as every screen saw it.
    expect(moved.endsAt).toBe(zero + 600);
    // Round 1 reaches its zero and goes on in overtime.
    const version = latest(host).version;
    await waitFor('round 1 in overtime', () => Date.now() > moved.endsAt! + 1000, 5000);
    const get = await command(host, 'session:get', {});
    expect(get.ok && get.state.tables[0]!.round).toMatchObject({ roundIndex: 1, status: 'running' });
    expect(latest(host).version).toBe(version);
    const bad = await command(host, 'host:rounds', { type: 'setMoveOnAtZero', index: 0, on: 'ja' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
