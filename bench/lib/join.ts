import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { readCards } from '@casusbord/shared';
import type { SqliteStore as SqliteStoreClass } from '../../server/src/store/SqliteStore';
import type { DocRoom as DocRoomClass } from '../../server/src/yjs/DocRoom';
import { LeanClient } from './leanClient';
import type { RunningServer } from './servers';
import { createSession, joinSession, referenceDocName } from './setup';
import { median, percentiles, sleep, type Percentiles } from './stats';
import type { Trace } from './trace';

/**
 * Time for a fresh client to sync a board with a long history. The trace is written through a
 * client (as updates of `batchSeconds` each, paced under our rate limit), then fresh clients join
 * one after another. For ours the server-side time is also measured in-process: loading the room
 * from the store (snapshot + update tail, as DocRoom.load does) and encoding sync step 2.
 */

export interface ClientJoin {
  /** new WebSocket() → sync step 2 applied: what a person waits for. */
  totalMs: Percentiles;
  /** Socket open → server's sync step 2 received: the server's share plus loopback transfer. */
  serverReplyMs: Percentiles;
  /** Applying the 500-card state in the client. */
  applyMs: Percentiles;
  step2Bytes: number;
}

export interface JoinResult {
  server: string;
  cards: number;
  writeMs: number;
  /** Joins while the document is loaded (another client is connected). */
  warm: ClientJoin;
  /** Ours only: joins after the room was released (loaded from the store first). */
  cold: ClientJoin | null;
  /** Ours only, in-process: DocRoom.load from the store as the running server left it, and step 2 encoding. */
  serverSide: {
    storedSnapshotBytes: number;
    storedUpdates: number;
    loadMs: Percentiles;
    encodeStep2Ms: Percentiles;
    /** load + encode, the server time of a cold join (median). */
    coldServerMs: number;
    /** encode only, the server time of a warm join (median). */
    warmServerMs: number;
  } | null;
}

async function writeTrace(url: string, trace: Trace): Promise<number> {
  const writer = new LeanClient({ url });
  const t0 = performance.now();
  await writer.connect();
  await writer.whenSynced();
  for (let i = 0; i < trace.updates.length; i++) {
    writer.sendUpdate(trace.updates[i]!);
    // 100 frames per 0.6 s stays under our limit of 200 frames per second per connection.
    if (i % 100 === 99) await sleep(600);
  }
  await writer.roundTrip(120_000);
  const ms = performance.now() - t0;
  const got = readCards(writer.doc).length;
  writer.destroy();
  if (got !== trace.options.cards) throw new Error(`after writing the trace the server returned ${got} cards`);
  return ms;
}

async function timedJoins(url: string, count: number, expectedCards: number, pauseMs: number): Promise<ClientJoin> {
  const total: number[] = [];
  const reply: number[] = [];
  const apply: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const client = new LeanClient({ url, awarenessState: { user: { name: 'Nieuwkomer' } } });
    const t0 = performance.now();
    await client.connect();
    await client.whenSynced(60_000);
    total.push(client.step2AppliedAt - t0);
    reply.push(client.step2ReceivedAt - client.openedAt);
    apply.push(client.step2AppliedAt - client.step2ReceivedAt);
    bytes = client.step2Bytes;
    if (i === 0 && readCards(client.doc).length !== expectedCards) throw new Error('a fresh client did not get the whole board');
    client.destroy();
    await sleep(pauseMs);
  }
  return { totalMs: percentiles(total), serverReplyMs: percentiles(reply), applyMs: percentiles(apply), step2Bytes: bytes };
}

/** Our DocRoom and SqliteStore from the working tree `root`, imported only when measuring ours. */
async function serverSide(root: string, dataDir: string, docName: string, repeats: number): Promise<NonNullable<JoinResult['serverSide']>> {
  const src = (p: string) => pathToFileURL(path.join(root, 'server', 'src', p)).href;
  const { SqliteStore } = (await import(src('store/SqliteStore.ts'))) as { SqliteStore: typeof SqliteStoreClass };
  const { DocRoom } = (await import(src('yjs/DocRoom.ts'))) as { DocRoom: typeof DocRoomClass };
  const file = path.join(dataDir, 'casusbord.sqlite');
  if (!fs.existsSync(file)) throw new Error(`no store at ${file}`);
  // A second connection to the live WAL database, as a reader; nothing is written (no compaction).
  const store = new SqliteStore(file);
  const silent = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined };
  try {
    const stored = await store.loadDoc(docName);
    const load: number[] = [];
    const encode: number[] = [];
    const emptyStateVector = Y.encodeStateVector(new Y.Doc());
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const room = await DocRoom.load(docName, store, { compactAfterUpdates: 1e9, log: silent } as Parameters<typeof DocRoom.load>[2]);
      const t1 = performance.now();
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep2(encoder, room.doc, emptyStateVector);
      encoding.toUint8Array(encoder);
      const t2 = performance.now();
      load.push(t1 - t0);
      encode.push(t2 - t1);
      await room.close(1001, 'bench', false);
    }
    const loadMs = percentiles(load);
    const encodeStep2Ms = percentiles(encode);
    return {
      storedSnapshotBytes: stored.snapshot?.byteLength ?? 0,
      storedUpdates: stored.updates.length,
      loadMs,
      encodeStep2Ms,
      coldServerMs: median(load.map((l, i) => l + encode[i]!)),
      warmServerMs: encodeStep2Ms.p50,
    };
  } finally {
    await store.close();
  }
}

export async function measureJoin(
  server: RunningServer,
  trace: Trace,
  options: { joins: number; coldJoins: number; root: string; log: (line: string) => void },
): Promise<JoinResult> {
  const { log } = options;
  let docName: string;
  let writerUrl: string;
  let joinUrl: string;
  if (server.kind === 'ours') {
    const session = await createSession(server.url, 'Bench join');
    const participant = await joinSession(server.url, session.joinCode, 'Nieuwkomer');
    docName = session.docName;
    writerUrl = `${server.wsUrl}/yjs/${docName}?token=${encodeURIComponent(session.hostToken)}`;
    joinUrl = `${server.wsUrl}/yjs/${docName}?token=${encodeURIComponent(participant.token)}`;
  } else {
    docName = referenceDocName(9999);
    writerUrl = joinUrl = `${server.wsUrl}/yjs/${docName}`;
  }
  log(`${server.label}: writing the ${trace.options.cards}-card trace (${trace.updates.length} updates)`);
  const writeMs = await writeTrace(writerUrl, trace);
  // A holder keeps the document loaded for the warm joins, as a table in use would.
  const holder = new LeanClient({ url: writerUrl });
  await holder.connect();
  await holder.whenSynced(60_000);
  let side: JoinResult['serverSide'] = null;
  if (server.kind === 'ours' && server.dataDir) {
    side = await serverSide(options.root, server.dataDir, docName, 12);
  }
  log(`${server.label}: ${options.joins} warm joins`);
  const warm = await timedJoins(joinUrl, options.joins, trace.options.cards, 50);
  holder.destroy();
  let cold: ClientJoin | null = null;
  if (server.kind === 'ours' && options.coldJoins > 0) {
    // DOC_IDLE_MS is 1000 for the bench: wait for the release (and its final compaction) before each join.
    log(`${server.label}: ${options.coldJoins} cold joins`);
    await sleep(2500);
    cold = await timedJoins(joinUrl, options.coldJoins, trace.options.cards, 2500);
  }
  return { server: server.label, cards: trace.options.cards, writeMs, warm, cold, serverSide: side };
}
