import { afterAll, beforeAll } from 'vitest';
import type { CreateSessionResponse, JoinResponse, Round } from '@casusbord/shared';
import type { Config } from '../../server/src/config';
import { createSession, join } from './api';
import { command, connectControl, openBoard, type ControlClient } from './control';
import { startServer, type TestServer } from './server';
import { connectPeer, synced, type Peer } from './yjs';

/** Where a peer connects: a document name and the token it connects with. */
export type PeerSpec = readonly [docName: string, token: string];

/** How a suite that runs on several store engines starts its server (startServer, redisServers(…)). */
export type StartServer = (overrides?: Partial<Config>) => Promise<TestServer>;

/**
 * The file's one server, usable as a TestServer inside the tests, plus what the tests open
 * against it: every peer in `peers` is destroyed and every client in `sockets` closed after the
 * file, before the server closes.
 */
export interface FileServer extends TestServer {
  readonly peers: Peer[];
  readonly sockets: { close(): unknown }[];
  /** A y-websocket peer on this server, destroyed after the file. */
  peer(docName: string, token: string): Peer;
  /** Peers as `peer` does, resolved once every one of them has synced. */
  syncedPeers<const S extends readonly PeerSpec[]>(...specs: S): Promise<{ [K in keyof S]: Peer }>;
  /** A control client on this server (or on `url`), closed after the file. */
  control(token: string, url?: string): Promise<ControlClient>;
  /** Runs `fn` after the file's tests, after the peers and sockets close and before the server does. */
  afterFile(fn: () => unknown): void;
}

/** A TestServer whose every field reads the server `now()` returns (one a beforeAll starts later). */
export function lateServer(now: () => TestServer): TestServer {
  return {
    get url() {
      return now().url;
    },
    get wsUrl() {
      return now().wsUrl;
    },
    get port() {
      return now().port;
    },
    get dataDir() {
      return now().dataDir;
    },
    get app() {
      return now().app;
    },
    close: () => now().close(),
  };
}

/**
 * Starts a server before the file's tests (`start`, SQLite by default, with `overrides`) and closes
 * it after them, with everything the tests registered on it. Call it at the top of the file or of
 * a suite's register function.
 */
export function useTestServer(start: StartServer = startServer, overrides: Partial<Config> = {}): FileServer {
  let started: TestServer | undefined;
  const peers: Peer[] = [];
  const sockets: { close(): unknown }[] = [];
  const closers: (() => unknown)[] = [];
  const now = (): TestServer => {
    if (!started) throw new Error('the file server is used before beforeAll started it');
    return started;
  };
  beforeAll(async () => {
    started = await start(overrides);
  });
  afterAll(async () => {
    for (const p of peers) p.destroy();
    for (const s of sockets) s.close();
    for (const fn of closers) await fn();
    await started?.close();
  });
  const peer = (docName: string, token: string): Peer => {
    const p = connectPeer(now().wsUrl, docName, token);
    peers.push(p);
    return p;
  };
  const extras: Omit<FileServer, keyof TestServer> = {
    peers,
    sockets,
    peer,
    syncedPeers: async <const S extends readonly PeerSpec[]>(...specs: S) => {
      const opened = specs.map(([docName, token]) => peer(docName, token));
      await Promise.all(opened.map((p) => synced(p)));
      return opened as { [K in keyof S]: Peer };
    },
    control: async (token, url = now().url) => {
      const c = await connectControl(url, token);
      sockets.push(c);
      return c;
    },
    afterFile: (fn) => {
      closers.push(fn);
    },
  };
  // Object.assign keeps lateServer's getters (a spread would read them now, before beforeAll).
  return Object.assign(lateServer(now), extras);
}

export interface SessionSpec<Names extends readonly string[] = readonly string[]> {
  /** Fields of the create request (method, title, options …) over the defaults of createSession. */
  create?: Record<string, unknown>;
  /** host:tables before anyone joins (case days). */
  tables?: number;
  /** Opens every table's board (openBoard) before anyone joins: true, or the kind of round to open. */
  open?: boolean | Round['kind'];
  /** Who joins, in this order, after the tables and the open round. */
  people?: Names;
}

export interface SessionWith<Names extends readonly string[] = readonly string[]> {
  session: CreateSessionResponse;
  /** One join answer per name of `people`, in the same order. */
  people: { [K in keyof Names]: JoinResponse };
}

/**
 * A session on the server at `url` made as most tests need it: created (with `create`), split into
 * `tables`, its boards opened, and `people` joined.
 */
export async function sessionWith<const Names extends readonly string[] = []>(
  url: string,
  spec: SessionSpec<Names> = {},
): Promise<SessionWith<Names>> {
  const session = await createSession(url, spec.create);
  if (spec.tables !== undefined) {
    const host = await connectControl(url, session.hostToken);
    try {
      const ack = await command(host, 'host:tables', { count: spec.tables });
      if (!ack.ok) throw new Error(`host:tables refused: ${JSON.stringify(ack)}`);
    } finally {
      host.disconnect();
    }
  }
  if (spec.open) await openBoard(url, session.hostToken, spec.open === true ? undefined : spec.open);
  const people: JoinResponse[] = [];
  for (const name of spec.people ?? []) people.push(await join(url, session.joinCode, name));
  return { session, people: people as { [K in keyof Names]: JoinResponse } };
}
