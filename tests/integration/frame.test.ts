import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { binaryFrame, frameSink } from '../../server/src/yjs/frame';

const payload = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/**
 * A ws server on 127.0.0.1 that, once a client is connected, runs `serve` with the accepted ws and
 * the frame sink of its socket; resolves with every message the ws client then receives.
 */
async function received(count: number, serve: (ws: WebSocket, sink: ReturnType<typeof frameSink>) => void) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const server = http.createServer();
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, frameSink(ws, socket))),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  close = async () => {
    client.terminate();
    for (const ws of wss.clients) ws.terminate();
    await new Promise((resolve) => server.close(resolve));
  };
  return new Promise<{ binary: boolean; data: Buffer }[]>((resolve, reject) => {
    const got: { binary: boolean; data: Buffer }[] = [];
    client.on('message', (data: Buffer, binary: boolean) => {
      got.push({ binary, data });
      if (got.length === count) resolve(got);
    });
    client.on('error', reject);
    client.on('close', (code) => reject(new Error(`closed with ${code} after ${got.length} messages`)));
  });
}

describe('relays framed once (server/src/yjs/frame.ts)', () => {
  it('reach a ws client at every length form, in order with what ws itself sends', async () => {
    // The edges of RFC 6455's three length forms (7-bit, 16-bit, 64-bit), and an empty message.
    const sizes = [0, 1, 125, 126, 127, 65535, 65536, 70001];
    const got = await received(sizes.length * 2, (ws, sink) => {
      expect(sink).not.toBeNull();
      for (const n of sizes) {
        sink!.write(binaryFrame(payload(n)));
        ws.send(`after ${n}`); // through ws's own sender, between the direct frames
      }
    });
    sizes.forEach((n, i) => {
      const frame = got[2 * i]!;
      expect(frame.binary).toBe(true);
      expect(frame.data.equals(Buffer.from(payload(n)))).toBe(true);
      expect(got[2 * i + 1]!.data.toString()).toBe(`after ${n}`);
    });
  });

  it('writes the header RFC 6455 §5.2 gives: FIN and binary, unmasked, the shortest length form', () => {
    expect([...binaryFrame(payload(3)).subarray(0, 2)]).toEqual([0x82, 3]);
    expect([...binaryFrame(payload(300)).subarray(0, 4)]).toEqual([0x82, 126, 0x01, 0x2c]);
    expect([...binaryFrame(payload(65536)).subarray(0, 10)]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(binaryFrame(payload(300)).length).toBe(304);
  });

  it('offers no sink when an extension was negotiated (ws may then hold frames back to compress them)', async () => {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: true });
    const server = http.createServer();
    const sinks: unknown[] = [];
    server.on('upgrade', (req, socket, head) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        sinks.push(frameSink(ws, socket));
        ws.send('hello');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, {
      perMessageDeflate: true,
    });
    close = async () => {
      client.terminate();
      for (const ws of wss.clients) ws.terminate();
      await new Promise((resolve) => server.close(resolve));
    };
    await new Promise((resolve) => client.once('message', resolve));
    expect(client.extensions).toContain('permessage-deflate');
    expect(sinks).toEqual([null]);
  });
});
