import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, readCards, type HandoverResponse } from '@casusbord/shared';
import { ROOT, spawnServer, tempDataDir, type ServerProcess } from '../helpers/server';
import { createSession, join, postJson } from '../helpers/api';
import { openBoard } from '../helpers/control';
import { connectPeer, synced } from '../helpers/yjs';
import { waitFor } from '../helpers/wait';

/**
 * `npm start` runs the server compiled by scripts/build-server.mjs (server/dist), not the
 * TypeScript sources the other suites run through tsx. This starts that build and walks one
 * edit and one lazily loaded export through it.
 */
let server: ServerProcess;

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
  server = await spawnServer({ DATA_DIR: tempDataDir() }, 20000, 'compiled');
}, 40000);

afterAll(() => server?.kill());

describe('the compiled server (npm start)', () => {
  it('serves health, relays and stores an edit, and renders the Word and PDF reports', async () => {
    const { url, wsUrl } = server;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const session = await createSession(url);
    await openBoard(url, session.hostToken);
    const anna = await join(url, session.joinCode, 'Anna');
    const writer = connectPeer(wsUrl, anna.docName, anna.token);
    const reader = connectPeer(wsUrl, anna.docName, session.hostToken);
    try {
      await Promise.all([synced(writer), synced(reader)]);
      addCard(writer.doc, { id: 'c1', column: 'advice', text: 'Begin klein', authorId: anna.participantId, createdAt: 1 });
      await waitFor('the edit reaches the reader', () => readCards(reader.doc).some((c) => c.text === 'Begin klein'));
    } finally {
      writer.destroy();
      reader.destroy();
    }
    const handover = await postJson(`${url}/api/sessions/${session.sessionId}/handover`, {}, {
      authorization: `Bearer ${session.hostToken}`,
    });
    expect(handover.status).toBe(200);
    const { downloads } = handover.json as unknown as HandoverResponse;
    const docx = Buffer.from(await (await fetch(downloads.docx)).arrayBuffer());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const pdf = Buffer.from(await (await fetch(downloads.pdf)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is ASCII and carries its own yjs and zod (V8 keeps module sources at one byte per character only then)', () => {
    const dist = path.join(ROOT, 'server', 'dist');
    const files = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const text = fs.readFileSync(path.join(dist, file), 'utf8');
      expect(/[^\x20-\x7e\t\n\r]/.exec(text)?.[0], file).toBeUndefined();
      // Bundled: no second copy of yjs can load beside this one.
      expect(text, file).not.toMatch(/from "(yjs|lib0|y-protocols|zod)(\/[^"]*)?"/);
    }
  });
});
