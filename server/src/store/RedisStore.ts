import type { Redis } from 'ioredis';
import { AppError, sessionOfDoc } from '@casusbord/shared';
import type { z } from 'zod';
import { LuaScript, createRedisClient } from './redisClient';
import type { ControlRecord, ParticipantRecord, SessionRecord, Store, StoredDoc, TokenRecord } from './Store';
import * as lua from './redisScripts';
import { RedisArchive } from './redisArchive';
import { RedisPhotos } from './redisPhotos';
import { RedisNotes } from './redisNotes';
import { RedisDilemmas } from './redisDilemmas';
import { RedisBuddies } from './redisBuddies';
import { DelegatesStoreParts } from './BuddyStore';
import { GroupCommit } from './groupCommit';
import * as records from './records';

/** The app's logger as the Redis store uses it: connection trouble (warn) and damaged records (error). */
export type RedisStoreLog = records.StoreLog & { warn(obj: object, msg: string): void };

/**
 * Key layout under the prefix (the Lua scripts in redisScripts.ts build the same names):
 *   session:<id>                JSON SessionRecord;  sessions  ZSET session id, score createdAt
 *   code:<joinCode>             session id (uniqueness of join codes)
 *   session:<id>:participants   ZSET participant id, score createdAt (ties ordered by id)
 *   session:<id>:tokens         SET of token hashes;  session:<id>:docs  SET of doc names
 *   session:<id>:control        control state JSON;  session:<id>:audit  LIST of audit entry JSON
 *   deletions                   HASH session id → deletion record JSON (kept after the session)
 *   participant:<id>            JSON ParticipantRecord;  token:<hash>  JSON TokenRecord
 *   doc:<name>:seq              last sequence number handed out (INCR)
 *   doc:<name>:log              STREAM of updates, entry id `<seq>-0`, field `u`
 *   doc:<name>:snapshot         HASH { through, data }
 *   session:<id>:photos, session:<id>:photo-data   the session's photos (redisPhotos.ts)
 *   session:<id>:notes          HASH participant id → private note JSON (redisNotes.ts)
 *   session:<id>:dilemmas, :dilemmas-revealed, :dilemma-markers   the dilemma line (redisDilemmas.ts)
 * Multi-key operations run as Lua scripts, so each is atomic. The scripts derive some key names
 * at run time, which a single Redis (or a Sentinel pair) allows and Redis Cluster would not.
 */
export function redisKeys(prefix: string) {
  return {
    session: (id: string) => `${prefix}session:${id}`,
    sessionsByAge: () => `${prefix}sessions`,
    code: (code: string) => `${prefix}code:${code}`,
    participants: (sessionId: string) => `${prefix}session:${sessionId}:participants`,
    tokens: (sessionId: string) => `${prefix}session:${sessionId}:tokens`,
    docs: (sessionId: string) => `${prefix}session:${sessionId}:docs`,
    control: (sessionId: string) => `${prefix}session:${sessionId}:control`,
    audit: (sessionId: string) => `${prefix}session:${sessionId}:audit`,
    deletions: () => `${prefix}deletions`,
    participant: (id: string) => `${prefix}participant:${id}`,
    token: (hash: string) => `${prefix}token:${hash}`,
    docSeq: (name: string) => `${prefix}doc:${name}:seq`,
    docLog: (name: string) => `${prefix}doc:${name}:log`,
    docSnapshot: (name: string) => `${prefix}doc:${name}:snapshot`,
    photos: (sessionId: string) => `${prefix}session:${sessionId}:photos`,
    notes: (sessionId: string) => `${prefix}session:${sessionId}:notes`,
    photoData: (sessionId: string) => `${prefix}session:${sessionId}:photo-data`,
  };
}

const scripts = {
  createSession: new LuaScript(lua.CREATE_SESSION, 5),
  updateSession: new LuaScript(lua.UPDATE_SESSION, 2),
  addParticipant: new LuaScript(lua.ADD_PARTICIPANT, 4),
  updateParticipant: new LuaScript(lua.UPDATE_PARTICIPANT, 2),
  appendUpdate: new LuaScript(lua.APPEND_UPDATE, 3),
  compactDoc: new LuaScript(lua.COMPACT_DOC, 3),
  deleteSession: new LuaScript(lua.DELETE_SESSION, 8),
  appendAudit: new LuaScript(lua.APPEND_AUDIT, 2),
};

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** What the scripts store of a token beside its keys (RedisStore.tokenKeys): its JSON, and its hash for the set. */
function tokenArgs(token: TokenRecord): [string, string] {
  return [JSON.stringify(token), token.tokenHash];
}

/** Stream entry ids are `<seq>-0`; this reads the seq back. */
function seqOf(id: Buffer | string): number {
  return Number.parseInt(id.toString().split('-')[0]!, 10);
}

/**
 * The scale-out store: everything in one Redis, shared by every instance. A write has been
 * acknowledged by Redis when its promise resolves; with `appendonly yes` and `appendfsync always`
 * (docker-compose.yml) that means it is on disk.
 */
export class RedisStore extends DelegatesStoreParts implements Store {
  readonly kind = 'redis';
  /** Issue 16: the dilemma line (keys and scripts in redisDilemmas.ts). */
  readonly dilemmas: RedisDilemmas;
  private readonly keys;
  protected readonly archive: RedisArchive;

  /** `log` hears of stored records that fail their schema (records.ts). */
  constructor(
    readonly client: Redis,
    readonly prefix: string,
    private readonly log: records.StoreLog = records.consoleLog,
  ) {
    super();
    this.keys = redisKeys(prefix);
    this.archive = new RedisArchive(client, prefix, log);
    this.photos = new RedisPhotos(client, this.keys, log);
    this.notes = new RedisNotes(client, this.keys, log);
    this.dilemmas = new RedisDilemmas(client, prefix, this.keys.session, log);
    this.buddies = new RedisBuddies(client, prefix, log);
  }

  static connect(url: string, prefix: string, log?: RedisStoreLog): RedisStore {
    return new RedisStore(createRedisClient(url, 'casusbord-store', log), prefix, log);
  }

  /** One stored JSON value (or null) read through its schema; `what` names it in the log and the error. */
  private read<S extends z.ZodType>(schema: S, json: string | null, what: string): z.output<S> | null {
    return json === null ? null : records.parseStored(schema, json, what, this.log);
  }

  /** A token's record and its entry in the session's token set (which deleteSession clears), as KEYS. */
  private tokenKeys(token: TokenRecord): [string, string] {
    return [this.keys.token(token.tokenHash), this.keys.tokens(token.sessionId)];
  }

  private docsKeyOf(docName: string): string {
    return this.keys.docs(sessionOfDoc(docName) ?? '_');
  }

  async createSession(session: SessionRecord, hostToken: TokenRecord): Promise<void> {
    const k = this.keys;
    const created = await scripts.createSession.run(
      this.client,
      [k.session(session.id), k.code(session.joinCode), ...this.tokenKeys(hostToken), k.sessionsByAge()],
      [JSON.stringify(session), session.id, ...tokenArgs(hostToken), session.createdAt],
    );
    if (created !== 1) throw new AppError('conflict', 'Session id or join code already in use');
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    return this.read(records.sessionRecordSchema, await this.client.get(this.keys.session(id)), `session ${id}`);
  }

  async getSessionByCode(joinCode: string): Promise<SessionRecord | null> {
    const id = await this.client.get(this.keys.code(joinCode));
    return id ? this.getSession(id) : null;
  }

  async updateSession(session: SessionRecord): Promise<void> {
    const k = this.keys;
    const ok = await scripts.updateSession.run(
      this.client,
      [k.session(session.id), k.code(session.joinCode)],
      [JSON.stringify(session), session.id, k.code('')],
    );
    if (ok !== 1) throw new AppError('conflict', 'Join code already in use');
  }

  async addParticipant(participant: ParticipantRecord, token: TokenRecord, maxParticipants: number): Promise<void> {
    const k = this.keys;
    const result = await scripts.addParticipant.run(
      this.client,
      [k.participants(participant.sessionId), k.participant(participant.id), ...this.tokenKeys(token)],
      [maxParticipants, participant.id, participant.createdAt, JSON.stringify(participant), ...tokenArgs(token)],
    );
    if (result === 0) throw new AppError('session_full', `This session already has ${maxParticipants} participants`);
    if (result !== 1) throw new AppError('conflict', 'Participant id or token already in use');
  }

  async getParticipant(id: string): Promise<ParticipantRecord | null> {
    return this.read(
      records.participantRecordSchema,
      await this.client.get(this.keys.participant(id)),
      `participant ${id}`,
    );
  }

  async updateParticipant(participant: ParticipantRecord): Promise<void> {
    const k = this.keys;
    await scripts.updateParticipant.run(
      this.client,
      [k.participant(participant.id), k.participants(participant.sessionId)],
      [JSON.stringify(participant), participant.sessionId, participant.createdAt, participant.id],
    );
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    const ids = await this.client.zrange(this.keys.participants(sessionId), 0, -1);
    if (ids.length === 0) return [];
    const rows = await this.client.mget(ids.map((id) => this.keys.participant(id)));
    return rows
      .map((r, i) => this.read(records.participantRecordSchema, r, `participant ${ids[i]}`))
      .filter((p): p is ParticipantRecord => p !== null);
  }

  async getToken(tokenHash: string): Promise<TokenRecord | null> {
    return this.read(records.tokenRecordSchema, await this.client.get(this.keys.token(tokenHash)), 'token');
  }

  async addToken(token: TokenRecord): Promise<void> {
    // MULTI/EXEC: the token and its entry in the session's set (which deleteSession clears) together.
    const [tokenKey, setKey] = this.tokenKeys(token);
    const [json, hash] = tokenArgs(token);
    const results = await this.client.multi().set(tokenKey, json).sadd(setKey, hash).exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('the token was not stored (transaction aborted)');
  }

  /** The appends of one event-loop turn share one pipeline (group commit, see groupCommit.ts). */
  private readonly appends = new GroupCommit<[docName: string, update: Uint8Array], number>((items) =>
    this.appendGroup(items),
  );

  private async appendGroup(items: [string, Uint8Array][]): Promise<(number | Error)[]> {
    const k = this.keys;
    const answers = await scripts.appendUpdate.runMany(
      this.client,
      items.map(([docName, update]) => ({
        keys: [k.docSeq(docName), k.docLog(docName), this.docsKeyOf(docName)],
        args: [toBuffer(update), docName],
      })),
    );
    return answers.map((a) => (a instanceof Error ? a : Number(a)));
  }

  /** Resolves with the update's seq once its group is stored. */
  appendUpdate(docName: string, update: Uint8Array): Promise<number> {
    return this.appends.add([docName, update]);
  }

  async loadDoc(docName: string): Promise<StoredDoc> {
    // MULTI: the snapshot and the log are read at one instant, never across a compaction.
    const results = await this.client
      .multi()
      .hmgetBuffer(this.keys.docSnapshot(docName), 'through', 'data')
      .xrangeBuffer(this.keys.docLog(docName), '-', '+')
      .exec();
    if (!results) throw new Error('loadDoc transaction was aborted');
    const [snapResult, logResult] = results;
    if (snapResult?.[0]) throw snapResult[0];
    if (logResult?.[0]) throw logResult[0];
    const [throughRaw, data] = snapResult![1] as [Buffer | null, Buffer | null];
    const through = throughRaw ? Number(throughRaw.toString()) : 0;
    const entries = (logResult![1] as [Buffer, Buffer[]][])
      .map(([id, fields]) => ({ seq: seqOf(id), data: fields[1] }))
      .filter((e): e is { seq: number; data: Buffer } => e.seq > through && e.data !== undefined);
    return {
      snapshot: data ? new Uint8Array(data) : null,
      updates: entries.map((e) => new Uint8Array(e.data)),
      lastSeq: entries.length ? entries[entries.length - 1]!.seq : through,
    };
  }

  async compactDoc(docName: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const k = this.keys;
    await scripts.compactDoc.run(
      this.client,
      [k.docSnapshot(docName), k.docLog(docName), this.docsKeyOf(docName)],
      [toBuffer(snapshot), throughSeq, docName],
    );
  }

  async getControlState(sessionId: string): Promise<ControlRecord | null> {
    const json = await this.client.get(this.keys.control(sessionId));
    return this.read(records.controlRecordSchema, json, `control state of session ${sessionId}`);
  }

  async setControlState(sessionId: string, record: ControlRecord): Promise<void> {
    await this.client.set(this.keys.control(sessionId), JSON.stringify(record));
  }

  async listSessionsCreatedBefore(createdBefore: number): Promise<string[]> {
    return this.client.zrangebyscore(this.keys.sessionsByAge(), '-inf', `(${createdBefore}`);
  }

  async appendAudit(entry: records.AuditEntry): Promise<void> {
    const k = this.keys;
    await scripts.appendAudit.run(
      this.client,
      [k.session(entry.sessionId), k.audit(entry.sessionId)],
      [JSON.stringify(entry)],
    );
  }

  async listAudit(sessionId: string): Promise<records.AuditEntry[]> {
    const rows = await this.client.lrange(this.keys.audit(sessionId), 0, -1);
    return rows.map((r) => this.read(records.auditEntrySchema, r, `audit entry of session ${sessionId}`)!);
  }

  async getDeletion(sessionId: string): Promise<records.DeletionRecord | null> {
    const json = await this.client.hget(this.keys.deletions(), sessionId);
    return this.read(records.deletionRecordSchema, json, `deletion of ${sessionId}`);
  }

  async deleteSession(sessionId: string, deletion?: Omit<records.DeletionRecord, 'sessionId'>): Promise<void> {
    const k = this.keys;
    // An append requested before the delete must not land after it and outlive the session.
    await this.appends.flush();
    // A damaged session record (logged by getSession) is deleted all the same.
    const communityId = (await this.getSession(sessionId).catch(() => null))?.communityId ?? null;
    await scripts.deleteSession.run(
      this.client,
      [
        k.session(sessionId),
        k.participants(sessionId),
        k.tokens(sessionId),
        k.docs(sessionId),
        k.control(sessionId),
        k.sessionsByAge(),
        k.audit(sessionId),
        k.deletions(),
      ],
      [this.prefix, sessionId, deletion ? JSON.stringify({ sessionId, at: deletion.at, by: deletion.by }) : ''],
    );
    await this.archive.deleteSessionRows(sessionId, communityId);
  }

  /** Issue 16: site-visit photos (keys and script in redisPhotos.ts; methods in DelegatesArchiveAndPhotos). */
  protected readonly photos: RedisPhotos;

  /** Issue 15: the case holder's private notes (key and script in redisNotes.ts; methods in DelegatesArchivePhotosAndNotes). */
  protected readonly notes: RedisNotes;

  /** Issue 16: community members, buddies and pins (tables and queries in redisBuddies.ts; methods in DelegatesStoreParts). */
  protected readonly buddies: RedisBuddies;

  async close(): Promise<void> {
    if (this.client.status === 'ready') await this.appends.flush();
    // QUIT would wait for a Redis that is away; then just drop the connection.
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}
