import type { Redis } from 'ioredis';
import { AppError } from '@casusbord/shared';
import { LuaScript } from './redisClient';
import { privateNoteRecordSchema, type PrivateNoteRecord, type PrivateNoteStore } from './PrivateNoteStore';
import * as records from './records';

/**
 * Private notes in Redis (issue 15), one hash under the session (name in redisKeys, RedisStore.ts):
 *   session:<id>:notes   HASH participant id → note JSON
 * DELETE_SESSION (redisScripts.ts) removes it with the session.
 */

/** KEYS: session, session notes. ARGV: participant id, note JSON. Returns 0 when the session is gone. */
const PUT_NOTE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
`;
const putNoteScript = new LuaScript(PUT_NOTE, 2);

export interface RedisNoteKeys {
  session(sessionId: string): string;
  notes(sessionId: string): string;
}

export class RedisNotes implements PrivateNoteStore {
  constructor(
    private readonly client: Redis,
    private readonly keys: RedisNoteKeys,
    private readonly log: records.StoreLog,
  ) {}

  async putPrivateNote(note: PrivateNoteRecord): Promise<void> {
    const k = this.keys;
    const stored = await putNoteScript.run(
      this.client,
      [k.session(note.sessionId), k.notes(note.sessionId)],
      [note.participantId, JSON.stringify(note)],
    );
    if (stored !== 1) throw new AppError('session_not_found');
  }

  async getPrivateNote(sessionId: string, participantId: string): Promise<PrivateNoteRecord | null> {
    const json = await this.client.hget(this.keys.notes(sessionId), participantId);
    return json === null
      ? null
      : records.parseStored(privateNoteRecordSchema, json, `private note in ${sessionId}`, this.log);
  }
}
