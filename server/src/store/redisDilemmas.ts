import type { Redis } from 'ioredis';
import { AppError, DILEMMA_REVEALED, NO_DILEMMA, dilemmaLimit, type DilemmaMarker } from '@casusbord/shared';
import { LuaScript } from './redisClient';
import { dilemmaRecordSchema, refusalError, type DilemmaRecord, type DilemmaStore } from './DilemmaStore';
import * as records from './records';

/**
 * The dilemma line in Redis (issue 16), three hashes under the session:
 *   session:<id>:dilemmas           HASH dilemma id → record JSON (what never changes)
 *   session:<id>:dilemmas-revealed  HASH dilemma id → ms of the reveal
 *   session:<id>:dilemma-markers    HASH "<dilemma id>\n<participant id>" → position
 * Each write is one Lua script, so its check holds across instances. DELETE_SESSION
 * (redisScripts.ts) removes the three with the session.
 */

/** KEYS: session, dilemmas. ARGV: id, JSON, max. 'gone' | 'full' | 'ok'. */
const ADD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'gone' end
if redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[3]) then return 'full' end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 'ok'
`;
/** KEYS: dilemmas, revealed, markers. ARGV: dilemma id, marker field, position. 'missing' | 'revealed' | 'ok'. */
const PLACE = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 'missing' end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 'revealed' end
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
return 'ok'
`;
/** KEYS: dilemmas, revealed. ARGV: dilemma id, ms. The record JSON and the reveal's time, or false. */
const REVEAL = `
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then return false end
redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2])
return { json, redis.call('HGET', KEYS[2], ARGV[1]) }
`;
const scripts = { add: new LuaScript(ADD, 2), place: new LuaScript(PLACE, 3), reveal: new LuaScript(REVEAL, 2) };

const markerField = (dilemmaId: string, participantId: string) => `${dilemmaId}\n${participantId}`;

export class RedisDilemmas implements DilemmaStore {
  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly sessionKey: (sessionId: string) => string,
    private readonly log: records.StoreLog,
  ) {}

  private keys(sessionId: string) {
    const base = `${this.prefix}session:${sessionId}`;
    return { dilemmas: `${base}:dilemmas`, revealed: `${base}:dilemmas-revealed`, markers: `${base}:dilemma-markers` };
  }

  private record(sessionId: string, json: string, revealedAt: string | null | undefined): DilemmaRecord {
    const stored = records.parseStored(dilemmaRecordSchema, json, `dilemma in ${sessionId}`, this.log);
    return { ...stored, revealedAt: revealedAt == null ? null : Number(revealedAt) };
  }

  async add(record: DilemmaRecord, max: number): Promise<void> {
    const k = this.keys(record.sessionId);
    const json = JSON.stringify({ ...record, revealedAt: null });
    const result = await scripts.add.run(
      this.client,
      [this.sessionKey(record.sessionId), k.dilemmas],
      [record.id, json, max],
    );
    if (result === 'gone') throw new AppError('session_not_found');
    if (result === 'full') throw refusalError(dilemmaLimit(max));
  }

  async list(sessionId: string): Promise<DilemmaRecord[]> {
    const k = this.keys(sessionId);
    const [all, revealed] = await Promise.all([this.client.hgetall(k.dilemmas), this.client.hgetall(k.revealed)]);
    return Object.entries(all)
      .map(([id, json]) => this.record(sessionId, json, revealed[id]))
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async place(sessionId: string, dilemmaId: string, participantId: string, position: number): Promise<void> {
    const k = this.keys(sessionId);
    const field = markerField(dilemmaId, participantId);
    const result = await scripts.place.run(
      this.client,
      [k.dilemmas, k.revealed, k.markers],
      [dilemmaId, field, position],
    );
    if (result === 'missing') throw refusalError(NO_DILEMMA);
    if (result === 'revealed') throw refusalError(DILEMMA_REVEALED);
  }

  async reveal(sessionId: string, dilemmaId: string, at: number): Promise<DilemmaRecord> {
    const k = this.keys(sessionId);
    const result = (await scripts.reveal.run(this.client, [k.dilemmas, k.revealed], [dilemmaId, at])) as
      [string, string] | null;
    if (!result) throw refusalError(NO_DILEMMA);
    return this.record(sessionId, result[0], result[1]);
  }

  async markers(sessionId: string, dilemmaId: string): Promise<DilemmaMarker[]> {
    const all = await this.client.hgetall(this.keys(sessionId).markers);
    const out: DilemmaMarker[] = [];
    for (const [field, position] of Object.entries(all)) {
      const cut = field.indexOf('\n');
      if (field.slice(0, cut) === dilemmaId)
        out.push({ participantId: field.slice(cut + 1), position: Number(position) });
    }
    return out;
  }
}
