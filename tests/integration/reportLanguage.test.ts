import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api';
import { fetchReport, handOver } from '../helpers/handover';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('the report in either language (?lang=nl|en)', () => {
  it("shows the session's language by default, the other one on request, and refuses an unknown one", async () => {
    const session = await createSession(server.url, { title: 'Casus Kruiskamp' });
    const { reportToken, reportUrl } = await handOver(server.url, session.sessionId, session.hostToken);

    const md = (await fetchReport(server.url, reportToken, 'md')).body.toString('utf8');
    expect(md).toContain('Kernvraag');
    const mdEn = (await fetchReport(server.url, reportToken, 'md&lang=en')).body.toString('utf8');
    expect(mdEn).toContain('Core question');
    expect(mdEn).not.toContain('Kernvraag');
    // What people wrote is not translated.
    expect(mdEn).toContain('Casus Kruiskamp');

    const page = await (await fetch(`${reportUrl}?lang=en`)).text();
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain('href="?lang=nl"');
    // On the page a person followed, an unknown language shows the report in the session's.
    const fallback = await fetch(`${reportUrl}?lang=xx`);
    expect(fallback.status).toBe(200);
    expect(await fallback.text()).toContain('<html lang="nl-NL">');

    const bad = await fetchReport(server.url, reportToken, 'pdf&lang=fr');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8')).error.code).toBe('validation_failed');
    const preview = await fetch(`${server.url}/api/sessions/${session.sessionId}/report?format=md&lang=en`, {
      headers: { authorization: `Bearer ${session.hostToken}` },
    });
    expect(await preview.text()).toContain('Core question');
  });
});
