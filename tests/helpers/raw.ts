import net from 'node:net';

/** What one raw request got back. */
export interface RawAnswer {
  /**
   * `response`: an HTTP answer (status, headers, body); `upgraded`: 101 and then the first frame,
   * a close frame (`closeCode`) or data (an accepted connection); `closed`: the server ended the
   * connection without a complete answer; `timeout`: nothing within the time limit.
   */
  outcome: 'response' | 'upgraded' | 'closed' | 'timeout';
  status: number | null;
  headers: Record<string, string>;
  body: string;
  closeCode: number | null;
}

/** The error shape of every HTTP error the server sends (docs/API.md "Errors"). */
export function isErrorBody(body: string): boolean {
  try {
    const json = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof json.error?.code === 'string' && typeof json.error.message === 'string';
  } catch {
    return false;
  }
}

function parseHead(head: string): { status: number | null; headers: Record<string, string> } {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: match ? Number(match[1]) : null, headers };
}

/** Removes chunked transfer-encoding framing from a complete body. */
function unchunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Sends `request` as raw bytes to 127.0.0.1:`port` over a fresh TCP connection and reads one
 * answer, so requests no HTTP client library would send (bad percent-encoding, NUL bytes, odd
 * headers) reach the server as they are. Always settles within `timeoutMs`.
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 3000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (answer: Omit<RawAnswer, 'headers' | 'body' | 'status'> & Partial<RawAnswer>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: null, headers: {}, body: '', ...answer });
    };
    const timer = setTimeout(
      () => finish({ outcome: 'timeout', closeCode: null, body: data.toString('latin1') }),
      timeoutMs,
    );
    /** Settles as soon as the answer is complete; `ended` when the server has closed its side. */
    const tryParse = (ended: boolean) => {
      const headEnd = data.indexOf('\r\n\r\n');
      if (headEnd < 0)
        return ended ? finish({ outcome: 'closed', closeCode: null, body: data.toString('latin1') }) : undefined;
      const { status, headers } = parseHead(data.subarray(0, headEnd).toString('latin1'));
      const rest = data.subarray(headEnd + 4);
      if (status === 101) {
        if (rest.length < 2) return ended ? finish({ outcome: 'closed', status, headers, closeCode: null }) : undefined;
        const opcode = rest[0]! & 0x0f;
        const length = rest[1]! & 0x7f;
        if (opcode !== 8) return finish({ outcome: 'upgraded', status, headers, closeCode: null });
        if (rest.length < 2 + Math.min(length, 2))
          return ended ? finish({ outcome: 'closed', status, headers, closeCode: null }) : undefined;
        return finish({ outcome: 'upgraded', status, headers, closeCode: length >= 2 ? rest.readUInt16BE(2) : 1005 });
      }
      const declared = headers['content-length'] === undefined ? null : Number(headers['content-length']);
      if (declared !== null && rest.length >= declared) {
        return finish({
          outcome: 'response',
          status,
          headers,
          body: rest.subarray(0, declared).toString('utf8'),
          closeCode: null,
        });
      }
      if (headers['transfer-encoding'] === 'chunked' && rest.includes('\r\n0\r\n\r\n')) {
        return finish({ outcome: 'response', status, headers, body: unchunk(rest).toString('utf8'), closeCode: null });
      }
      if (ended) {
        const body = headers['transfer-encoding'] === 'chunked' ? unchunk(rest) : rest;
        return finish({
          outcome: declared === null ? 'response' : 'closed',
          status,
          headers,
          body: body.toString('utf8'),
          closeCode: null,
        });
      }
    };
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      tryParse(false);
    });
    socket.on('end', () => tryParse(true));
    socket.on('close', () => tryParse(true));
    // A reset after the answer is normal (the server destroys a refused socket); before it, `closed`.
    socket.on('error', () => tryParse(true));
  });
}

/** A WebSocket upgrade request for `target` with the headers a browser sends, plus `extra` header lines. */
export function upgradeRequest(target: string, extra: string[] = [], host = '127.0.0.1'): string {
  return [
    `GET ${target} HTTP/1.1`,
    `Host: ${host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...extra,
    '',
    '',
  ].join('\r\n');
}

/** A plain HTTP/1.1 request that asks the server to close the connection after its answer. */
export function httpRequest(method: string, target: string, extra: string[] = [], body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...extra];
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
