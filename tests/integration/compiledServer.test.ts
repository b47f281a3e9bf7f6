import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, readCards, type HandoverResponse } from '@casusbord/shared';
import { ROOT, tempDataDir } from '../helpers/server';
import { createSession, join, postJson } from '../helpers/api';
import { openBoard } from '../helpers/control';
import { connectPeer, synced } from '../helpers/yjs';
import { waitFor } from '../helpers/wait';

/**
 * `npm start` runs the server compiled by scripts/build-server.mjs (server/dist), not the
 * TypeScript sources the other suites run through tsx. This starts that build and walks one
 * edit and one lazily loaded export through it.
 */
let child: ChildProcess;
let url = '';
let wsUrl = '';

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
  child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: tempDataDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`compiled server did not start:\n${output}`)), 20000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /casusbord:listening port=(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`compiled server exited with ${code}:\n${output}`)));
  });
  url = `http://127.0.0.1:${port}`;
  wsUrl = `ws://127.0.0.1:${port}`;
}, 40000);

afterAll(() => {
  child?.kill('SIGKILL');
});

describe('the compiled server (npm start)', () => {
  it('serves health, relays and stores an edit, and renders the Word and PDF reports', async () => {
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
});
