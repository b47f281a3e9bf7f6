import type { Redis } from 'ioredis';
import { AppError, type PhotoSize } from '@casusbord/shared';
import { LuaScript } from './redisClient';
import {
  photoLimitMessage,
  photoMetaSchema,
  type PhotoBytes,
  type PhotoMeta,
  type PhotoRecord,
  type PhotoStore,
} from './PhotoStore';
import * as records from './records';

/**
 * Photos in Redis (issue 16), two hashes under the session (names in redisKeys, RedisStore.ts):
 *   session:<id>:photos       HASH photo id → meta JSON (the count the limit is checked against)
 *   session:<id>:photo-data   HASH `<photo id>:full` / `<photo id>:preview` → JPEG bytes
 * DELETE_SESSION (redisScripts.ts) removes both with the session.
 */

/**
 * KEYS: session, session photos, session photo data. ARGV: limit, photo id, meta JSON, full bytes,
 * preview bytes. Returns -1 when the session is gone, 0 at the limit, 1 when stored.
 */
const ADD_PHOTO = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('HSET', KEYS[3], ARGV[2] .. ':full', ARGV[4], ARGV[2] .. ':preview', ARGV[5])
return 1
`;
const addPhotoScript = new LuaScript(ADD_PHOTO, 3);

export interface RedisPhotoKeys {
  session(sessionId: string): string;
  photos(sessionId: string): string;
  photoData(sessionId: string): string;
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export class RedisPhotos implements PhotoStore {
  constructor(
    private readonly client: Redis,
    private readonly keys: RedisPhotoKeys,
    private readonly log: records.StoreLog,
  ) {}

  async addPhoto(photo: PhotoRecord, maxPerSession: number): Promise<void> {
    const { full, preview, ...meta } = photo;
    const k = this.keys;
    const result = await addPhotoScript.run(
      this.client,
      [k.session(photo.sessionId), k.photos(photo.sessionId), k.photoData(photo.sessionId)],
      [maxPerSession, photo.id, JSON.stringify(meta), toBuffer(full), toBuffer(preview)],
    );
    if (result === -1) throw new AppError('session_not_found');
    if (result === 0) throw new AppError('photo_limit', photoLimitMessage(maxPerSession));
  }

  async getPhoto(sessionId: string, photoId: string, size: PhotoSize): Promise<PhotoBytes | null> {
    const results = await this.client
      .multi()
      .hget(this.keys.photos(sessionId), photoId)
      .hgetBuffer(this.keys.photoData(sessionId), `${photoId}:${size}`)
      .exec();
    if (!results) throw new Error('getPhoto transaction was aborted');
    for (const [err] of results) if (err) throw err;
    const [[, json], [, bytes]] = results as [[null, string | null], [null, Buffer | null]];
    if (json === null || bytes === null) return null;
    const meta = records.parseStored(photoMetaSchema, json, `photo ${photoId}`, this.log);
    return { type: meta.type, bytes: new Uint8Array(bytes) };
  }

  /** The session's photo records without their bytes, oldest first. */
  private async metasOf(sessionId: string): Promise<PhotoMeta[]> {
    const all = await this.client.hgetall(this.keys.photos(sessionId));
    return Object.entries(all)
      .map(([id, json]) => records.parseStored(photoMetaSchema, json, `photo ${id}`, this.log))
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async listPhotos(sessionId: string): Promise<PhotoRecord[]> {
    const metas = await this.metasOf(sessionId);
    if (metas.length === 0) return [];
    const fields = metas.flatMap((m) => [`${m.id}:full`, `${m.id}:preview`]);
    const data = await this.client.hmgetBuffer(this.keys.photoData(sessionId), ...fields);
    const out: PhotoRecord[] = [];
    metas.forEach((meta, i) => {
      const full = data[2 * i];
      const preview = data[2 * i + 1];
      if (full && preview) out.push({ ...meta, full: new Uint8Array(full), preview: new Uint8Array(preview) });
    });
    return out;
  }

  async listPhotoIds(sessionId: string): Promise<string[]> {
    return (await this.metasOf(sessionId)).map((meta) => meta.id);
  }

  async deletePhoto(sessionId: string, photoId: string): Promise<void> {
    const results = await this.client
      .multi()
      .hdel(this.keys.photos(sessionId), photoId)
      .hdel(this.keys.photoData(sessionId), `${photoId}:full`, `${photoId}:preview`)
      .exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('the photo was not deleted (transaction aborted)');
  }
}
