import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, addCard, readCards } from '@casusbord/shared';
import { ROOT, spawnServer, tempDataDir, type ServerProcess } from '../helpers/server';
import { createSession, join } from '../helpers/api';
import { openBoard } from '../helpers/control';
import { httpRequest, rawRequest, upgradeRequest } from '../helpers/raw';
import { connectPeer, synced, type Peer } from '../helpers/yjs';
import { nextEvent, waitFor } from '../helpers/wait';

/**
 * The exception policy of server/src/main.ts, on the real server process: outsiders' requests
 * never reach it (the process stays up, nothing is logged at fatal level); a throw nobody
 * caught is logged at fatal level with its kind and ends the process with exit code 1 after a
 * graceful close, and every edit another client saw is there after the restart.
 */
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

function track<T extends Peer | ServerProcess>(thing: T): T {
  cleanup.push(() => ('destroy' in thing ? thing.destroy() : thing.kill()));
  return thing;
}

/** pino's fatal level. */
const FATAL = '"level":60';

function exited(proc: ServerProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (proc.child.exitCode !== null) return resolve(proc.child.exitCode);
    const timer = setTimeout(
      () => reject(new Error(`still running after ${timeoutMs} ms:\n${proc.output()}`)),
      timeoutMs,
    );
    proc.child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** An upgrade that is reset by the client half-way, and one reset right after it was sent. */
function resetMidway(port: number, request: string, cut: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(request.slice(0, cut));
      socket.resetAndDestroy();
      resolve();
    });
    socket.on('error', () => resolve());
  });
}

describe('exception policy', () => {
  it('outsiders’ requests never reach it: the process stays up and logs nothing at fatal level', async () => {
    const proc = track(await spawnServer({ DATA_DIR: tempDataDir() }));
    const regression = upgradeRequest('/yjs/%E0%A4%A?token=abc');
    const requests = [
      regression,
      upgradeRequest('/yjs/ab%00cd?token=abc'),
      upgradeRequest(`/yjs/${'a'.repeat(5000)}?token=abc`),
      upgradeRequest('/yjs/a.t1?token=a&token=b', ['Origin: http://[', 'Origin: null']),
      upgradeRequest('/yjs/a.t1?token=abc').replace(/Sec-WebSocket-Key.*\r\n/, ''),
      upgradeRequest('/nowhere'),
      httpRequest('GET', '/api/sessions/%E0%A4%A'),
      httpRequest('GET', `/api/reports/${'x'.repeat(500)}`),
      'GET /\u0000 HTTP/1.1\r\n\r\n',
      httpRequest('POST', '/api/join', ['Content-Type: application/json'], '{"code":'),
    ];
    for (const request of requests) await rawRequest(proc.port, request);
    for (let cut = 10; cut < regression.length; cut += 40) await resetMidway(proc.port, regression, cut);
    await resetMidway(proc.port, regression, regression.length);
    // A Socket.io client with a token of the wrong type, and a CONNECT packet that is no object.
    const sio = io(proc.url, { auth: { protocol: PROTOCOL_VERSION, token: { $ne: null } }, transports: ['websocket'], reconnection: false });
    await nextEvent(sio, 'connect_error');
    sio.close();
    const ws = new WebSocket(`${proc.wsUrl}/socket.io/?EIO=4&transport=websocket`);
    await new Promise<void>((resolve) => {
      ws.on('message', () => ws.send('40[1]'));
      ws.on('close', () => resolve());
      ws.on('error', () => resolve());
    });

    expect((await fetch(`${proc.url}/healthz`)).status).toBe(200);
    expect(proc.child.exitCode, proc.output()).toBeNull();
    expect(proc.output()).not.toContain(FATAL);
  });

  for (const fault of ['exception', 'rejection'] as const) {
    it(`an uncaught ${fault} is logged at fatal level, the app closes and the process exits with 1; nothing seen is lost`, async () => {
      const dataDir = tempDataDir();
      const preload = pathToFileURL(path.join(ROOT, 'tests', 'helpers', 'faultPreload.mjs')).href;
      const proc = track(
        await spawnServer({
          DATA_DIR: dataDir,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(),
          CASUSBORD_TEST_FAULT: fault === 'rejection' ? 'reject' : 'throw',
        }),
      );
      const session = await createSession(proc.url);
      const anna = await join(proc.url, session.joinCode, 'Anna');
      await openBoard(proc.url, session.hostToken);
      const a = track(connectPeer(proc.wsUrl, anna.docName, anna.token));
      const b = track(connectPeer(proc.wsUrl, anna.docName, session.hostToken));
      await Promise.all([synced(a), synced(b)]);
      addCard(a.doc, {
        id: 'seen',
        column: 'pitfall',
        text: 'Gezien door B',
        authorId: anna.participantId,
        createdAt: 1,
      });
      await waitFor('B saw the card', () => readCards(b.doc).some((c) => c.id === 'seen'));

      const started = Date.now();
      proc.child.kill('SIGUSR2');
      // FATAL_CLOSE_MS (3 s) bounds the close; a little more for the process to end.
      expect(await exited(proc, 6000)).toBe(1);
      expect(Date.now() - started).toBeLessThan(6000);
      const fatal = proc
        .output()
        .split('\n')
        .find((line) => line.includes(FATAL));
      expect(fatal, proc.output()).toBeDefined();
      const entry = JSON.parse(fatal!) as { kind: string; err: { message: string }; msg: string };
      expect(entry.kind).toBe(fault === 'rejection' ? 'unhandledRejection' : 'uncaughtException');
      expect(entry.err.message).toBe(`injected ${fault}`);
      expect(entry.msg).toMatch(/exiting with 1/);
      // The close was graceful: open board connections were told the server is going away.
      await waitFor('A got close 1001', () => a.closes.some((c) => c.code === 1001));

      a.provider.disconnect();
      b.provider.disconnect();
      const again = track(await spawnServer({ DATA_DIR: dataDir }));
      const fresh = track(connectPeer(again.wsUrl, anna.docName, session.hostToken));
      await synced(fresh);
      expect(readCards(fresh.doc).map((c) => c.id)).toEqual(['seen']);
    });
  }
});
