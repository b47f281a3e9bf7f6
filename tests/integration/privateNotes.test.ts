import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@casusbord/shared';
import { command } from '../helpers/control';
import { fetchReport, handOver } from '../helpers/handover';
import { docxXml, pdfToText } from '../helpers/reportFiles';
import { sessionWith, useTestServer } from '../helpers/testServer';

const server = useTestServer();

const NOTE = 'Niemand noemde de wethouder; morgen Ahmed bellen over het buurthuis.';

interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
  json: { error?: { code: string; message: string }; text?: string; inReport?: boolean; updatedAt?: string | null };
}

/** One request with an optional bearer token and JSON body (a string body is sent as it is). */
async function call(method: 'GET' | 'PUT', path: string, token?: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'text/plain' : 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  let json: Answer['json'] = {};
  try {
    json = JSON.parse(raw.toString('utf8')) as Answer['json'];
  } catch {
    // A report file, not JSON.
  }
  return { status: res.status, headers: res.headers, body: raw, json };
}

const notes = (s: CreateSessionResponse) => `/api/sessions/${s.sessionId}/notes`;
const copy = (s: CreateSessionResponse, format: string) => `${notes(s)}/report?format=${format}`;

/** The text a report file shows, whatever its format. */
async function shown(format: string, body: Buffer): Promise<string> {
  if (format === 'docx') return docxXml(body);
  if (format === 'pdf') return (pdfToText(body) ?? '').replace(/\s+/g, ' ');
  return body.toString('utf8');
}

describe('private notes of the case holder (issue 15, Roddelmethode)', () => {
  it('only the case holder reads and writes them; bad input gets a clear 4xx', async () => {
    const { session, people } = await sessionWith(server.url, {
      create: { method: 'gossip', caseHolderName: 'Carla' },
      people: ['Carla', 'Anouk'],
    });
    const [carla, anouk] = people;
    // Before the host names a case holder nobody keeps notes.
    expect((await call('GET', notes(session), carla.token)).status).toBe(403);
    const host = await server.control(session.hostToken);
    expect((await command(host, 'host:settings', { caseHolderId: carla.participantId })).ok).toBe(true);

    const empty = await call('GET', notes(session), carla.token);
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ text: '', inReport: false, updatedAt: null });
    expect(empty.headers.get('cache-control')).toBe('no-store');
    const saved = await call('PUT', notes(session), carla.token, { text: NOTE, inReport: false });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ text: NOTE, inReport: false });
    expect(typeof saved.json.updatedAt).toBe('string');

    // Nobody else: not another participant, not the host, not without a token or with another session's.
    const other = await sessionWith(server.url, { people: ['Mal'] });
    for (const [token, status] of [
      [anouk.token, 403],
      [session.hostToken, 403],
      [undefined, 401],
      [other.session.hostToken, 403],
      [other.people[0]!.token, 403],
    ] as const) {
      const read = await call('GET', notes(session), token);
      expect(read.status, `GET with ${token ?? 'no token'}`).toBe(status);
      expect(JSON.stringify(read.json)).not.toContain('wethouder');
      expect((await call('PUT', notes(session), token, { text: 'overschreven', inReport: true })).status).toBe(status);
      expect((await call('GET', copy(session, 'md'), token)).status).toBe(status);
    }
    expect((await call('GET', notes(session), anouk.token)).json.error?.message).toMatch(/case holder's own/);
    expect((await call('GET', notes(session), carla.token)).json.text).toBe(NOTE);

    // Bad input: a clear error, and the stored note unharmed.
    const tooLong = await call('PUT', notes(session), carla.token, { text: 'x'.repeat(8001), inReport: true });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error?.code).toBe('validation_failed');
    expect((await call('PUT', notes(session), carla.token, { text: 'zonder keuze' })).status).toBe(400);
    expect((await call('PUT', notes(session), carla.token, { text: 1, inReport: true })).status).toBe(400);
    expect((await call('PUT', notes(session), carla.token, 'platte tekst')).json.error?.code).toBe('validation_failed');
    expect((await call('GET', copy(session, 'exe'), carla.token)).status).toBe(400);
    expect((await call('GET', notes(session), carla.token)).json).toMatchObject({ text: NOTE, inReport: false });

    // The note is in no document anyone syncs.
    const [board] = await server.syncedPeers([anouk.docName, anouk.token]);
    expect(JSON.stringify(board!.doc.toJSON())).not.toContain('wethouder');
  });

  it("goes into the case holder's own copy only when they choose; no other report holds it; deleted with the session", async () => {
    const { session, people } = await sessionWith(server.url, {
      create: { method: 'gossip', caseHolderName: 'Carla' },
      people: ['Carla', 'Anouk'],
    });
    const [carla, anouk] = people;
    const host = await server.control(session.hostToken);
    expect((await command(host, 'host:settings', { caseHolderId: carla.participantId })).ok).toBe(true);
    await call('PUT', notes(session), carla.token, { text: NOTE, inReport: false });

    // Not chosen: the case holder's copy is the plain report.
    const plain = await call('GET', copy(session, 'md'), carla.token);
    expect(plain.status).toBe(200);
    expect(plain.body.toString('utf8')).not.toContain('wethouder');

    expect((await call('PUT', notes(session), carla.token, { text: NOTE, inReport: true })).status).toBe(200);
    for (const format of ['md', 'html', 'docx', 'pdf']) {
      const mine = await call('GET', copy(session, format), carla.token);
      expect(mine.status, format).toBe(200);
      expect(mine.headers.get('cache-control')).toBe('no-store');
      expect(await shown(format, mine.body), format).toContain(format === 'pdf' ? NOTE : 'Ahmed bellen');
      // The host's preview never holds it.
      const preview = await call(
        'GET',
        `/api/sessions/${session.sessionId}/report?format=${format}`,
        session.hostToken,
      );
      expect(await shown(format, preview.body), format).not.toContain('wethouder');
    }

    // After the handover: the recipient's report lacks it, and the recipient cannot open the note.
    const { reportToken } = await handOver(server.url, session.sessionId, session.hostToken);
    for (const format of ['md', 'html', 'docx', 'pdf']) {
      const report = await fetchReport(server.url, reportToken, format);
      expect(report.status).toBe(200);
      expect(await shown(format, report.body), format).not.toContain('wethouder');
    }
    const page = await fetch(`${server.url}/r/${reportToken}`);
    expect(await page.text()).not.toContain('wethouder');
    expect((await call('GET', notes(session), reportToken)).status).toBe(403);
    expect((await call('GET', copy(session, 'pdf'), anouk.token)).status).toBe(403);
    // The case holder still reads and downloads their own after the handover.
    expect((await call('GET', notes(session), carla.token)).json.text).toBe(NOTE);

    // The audit log names the copy, never the note.
    const log = JSON.stringify(await server.app.deps.store.listAudit(session.sessionId));
    expect(log).toContain('case-holder');
    expect(log).not.toContain('wethouder');

    const deleted = await fetch(`${server.url}/api/sessions/${session.sessionId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.hostToken}` },
    });
    expect(deleted.status).toBe(204);
    expect(await server.app.deps.store.getPrivateNote(session.sessionId, carla.participantId)).toBeNull();
  });
});
