import { describe, expect, it } from 'vitest';
import { createSession, join, postJson } from '../helpers/api';
import { command, openBoard } from '../helpers/control';
import { fetchReport, handOver } from '../helpers/handover';
import { startServer } from '../helpers/server';
import { useTestServer } from '../helpers/testServer';
import { purgeExpired } from '../../server/src/sessions';
import { auditCsv, csvCell } from '../../server/src/export/auditCsv';

// TRUST_PROXY on, so a test can choose the client address (X-Forwarded-For) the log records.
const server = useTestServer(startServer, { trustProxy: true });

/** A strict RFC 4180 reader: CRLF rows, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length) throw new Error('last row without CRLF');
  return rows;
}

const getCsv = (sessionId: string, token?: string) =>
  fetch(`${server.url}/api/sessions/${sessionId}/audit.csv`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

/** A client address that a spreadsheet would run as a formula, with quotes to escape. */
const FORMULA_ADDRESS = '=HYPERLINK("http://evil.example")';

describe('audit log', () => {
  it('records host commands, a code rotation, the handover and downloads; the host downloads it as CSV', async () => {
    const session = await createSession(server.url);
    const auth = { authorization: `Bearer ${session.hostToken}` };
    const anna = await join(server.url, session.joinCode, 'Anna');

    // Two host commands (host:rounds, host:command), one setting, one refused command (not logged).
    await openBoard(server.url, session.hostToken);
    const host = await server.control(session.hostToken);
    expect((await command(host, 'host:settings', { dotsPerPerson: 4 })).ok).toBe(true);
    expect((await command(host, 'host:move', { participantId: anna.participantId, groupId: 'nope' })).ok).toBe(false);
    // A participant's own change is no host command.
    const participant = await server.control(anna.token);
    expect((await command(participant, 'participant:ready', { ready: true })).ok).toBe(true);

    const rotated = await postJson(
      `${server.url}/api/sessions/${session.sessionId}/code`,
      {},
      {
        ...auth,
        'x-forwarded-for': FORMULA_ADDRESS,
      },
    );
    expect(rotated.status).toBe(200);
    const handover = await handOver(server.url, session.sessionId, session.hostToken);
    expect((await fetchReport(server.url, handover.reportToken, 'md')).status).toBe(200);
    const preview = await fetch(`${server.url}/api/sessions/${session.sessionId}/report?format=docx&lang=en`, {
      headers: auth,
    });
    expect(preview.status).toBe(200);

    const res = await getCsv(session.sessionId, session.hostToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="casusbord-audit-.+\.csv"$/);
    const text = await res.text();
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['time', 'role', 'participant_id', 'address', 'action', 'detail']);
    expect(rows.map((r) => [r[1], r[4]])).toEqual([
      ['host', 'host:rounds'],
      ['host', 'host:command'],
      ['host', 'host:settings'],
      ['host', 'code:rotate'],
      ['host', 'session:handover'],
      ['recipient', 'report:download'],
      ['host', 'report:download'],
    ]);
    for (const r of rows) {
      expect(r).toHaveLength(6);
      expect(Date.parse(r[0]!)).toBeGreaterThan(Date.now() - 60_000);
      expect(r[2]).toBe('');
    }
    expect(JSON.parse(rows[1]![5]!)).toEqual({ type: 'start', index: 0 });
    expect(JSON.parse(rows[2]![5]!)).toEqual({ dotsPerPerson: 4 });
    expect(JSON.parse(rows[5]![5]!)).toEqual({ format: 'md', lang: null });
    expect(JSON.parse(rows[6]![5]!)).toEqual({ format: 'docx', lang: 'en' });
    // The address the proxy header named, neutralised: an apostrophe in front, quotes doubled.
    expect(rows[3]![3]).toBe(`'${FORMULA_ADDRESS}`);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"")",code:rotate,`);
    // The socket's and the other requests' address: this machine.
    expect(rows[0]![3]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(rows[5]![3]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    // No cell of the file starts a formula.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/);

    // The download itself is in the next one.
    const again = parseCsv(await (await getCsv(session.sessionId, session.hostToken)).text());
    expect(again).toHaveLength(rows.length + 2);
    expect(again[again.length - 1]![4]).toBe('audit:download');
  });

  it('is for the host only: 401 without a token, 403 for a participant, the recipient or another host', async () => {
    const session = await createSession(server.url);
    const other = await createSession(server.url);
    const anna = await join(server.url, session.joinCode, 'Anna');
    const handover = await handOver(server.url, session.sessionId, session.hostToken);

    const none = await getCsv(session.sessionId);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    for (const token of [anna.token, handover.reportToken, other.hostToken]) {
      const res = await getCsv(session.sessionId, token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    expect((await getCsv(session.sessionId, session.hostToken)).status).toBe(200);
  });

  it('is deleted with its session; what is kept is the deletion record (by the host, or by retention)', async () => {
    const { store } = server.app.deps;
    const byHost = await createSession(server.url);
    await openBoard(server.url, byHost.hostToken);
    expect(await store.listAudit(byHost.sessionId)).toHaveLength(2);
    const deleted = await fetch(`${server.url}/api/sessions/${byHost.sessionId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${byHost.hostToken}` },
    });
    expect(deleted.status).toBe(204);
    expect(await store.listAudit(byHost.sessionId)).toEqual([]);
    expect(await store.getDeletion(byHost.sessionId)).toEqual({
      sessionId: byHost.sessionId,
      at: expect.any(Number) as number,
      by: 'host',
    });

    const old = await createSession(server.url);
    await openBoard(server.url, old.hostToken);
    const createdAt = (await store.getSession(old.sessionId))!.createdAt;
    const now = createdAt + (server.app.deps.config.retentionDays + 1) * 24 * 60 * 60_000;
    expect(await purgeExpired(server.app.deps, now)).toContain(old.sessionId);
    expect(await store.listAudit(old.sessionId)).toEqual([]);
    expect(await store.getDeletion(old.sessionId)).toEqual({ sessionId: old.sessionId, at: now, by: 'retention' });
  });
});

describe('audit CSV', () => {
  it('quotes per RFC 4180 and neutralises every formula start', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(parseCsv(`${csvCell(`${start}1+1`)}\r\n`)).toEqual([[`'${start}1+1`]]);
    }
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    const csv = auditCsv([
      {
        at: 0,
        sessionId: 's',
        role: 'host',
        participantId: null,
        address: '-1',
        action: 'host:rounds',
        detail: { title: '@SUM(A1)', n: 1 },
      },
    ]);
    expect(parseCsv(csv)).toEqual([
      ['time', 'role', 'participant_id', 'address', 'action', 'detail'],
      ['1970-01-01T00:00:00.000Z', 'host', '', "'-1", 'host:rounds', '{"title":"@SUM(A1)","n":1}'],
    ]);
  });
});
