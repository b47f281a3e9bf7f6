import WebSocket from 'ws';

/**
 * A minimal Chrome DevTools Protocol client for a server started with --inspect=127.0.0.1:0. The
 * bench uses it on both servers alike, only between load phases: to force a full GC before memory
 * is read, so memory per room is not at the mercy of when V8 last collected.
 */
export class InspectorClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, (params: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) {
        if (msg.method) this.listeners.get(msg.method)?.(msg.params);
        return;
      }
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    });
  }

  static async connect(url: string, timeoutMs = 10000): Promise<InspectorClient> {
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new InspectorClient(ws);
  }

  send<T>(method: string, params: Record<string, unknown> = {}, timeoutMs = 30000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`inspector: ${method} timed out`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `fn` with the params of every event `method` (one listener per method). */
  on(method: string, fn: (params: unknown) => void): void {
    this.listeners.set(method, fn);
  }

  /** Full GC, then the JS heap in use (bytes). */
  async collectGarbage(): Promise<number> {
    await this.send('HeapProfiler.collectGarbage');
    await this.send('HeapProfiler.collectGarbage');
    const usage = await this.send<{ usedSize: number }>('Runtime.getHeapUsage');
    return usage.usedSize;
  }

  close(): void {
    this.ws.close();
  }
}

/** The inspector URL a node process prints when started with --inspect=127.0.0.1:0. */
export const INSPECTOR_LINE = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+)/;
