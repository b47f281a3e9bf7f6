import type { Redis } from 'ioredis';
import { AppError } from '@casusbord/shared';
import { LuaScript } from './redisClient';
import { memberRecordSchema, type BuddyStore, type MemberRecord } from './BuddyStore';
import * as records from './records';

/**
 * Community members with their buddy and pins in Redis (issue 16). Keys under the prefix:
 *   member:<id>                    HASH record (JSON of id, communityId, name, keyHash, createdAt), buddy, pins
 *   memberkey:<hash>               member id
 *   community:<cid>:members        SET of member ids
 * buddy and pins are hash fields of their own, so pairing and pinning never overwrite each other.
 */

/** KEYS: member, member key, community members. ARGV: record JSON, member id, pins JSON. */
const ADD_MEMBER = `
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'record', ARGV[1], 'buddy', '', 'pins', ARGV[3])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[2])
return 1
`;

/** KEYS: member. ARGV: field, value. Only while the member exists. */
const SET_FIELD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
`;

/** KEYS: community members. ARGV: key prefix. Removes every member with its key. */
const DELETE_MEMBERS = `
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local rec = redis.call('HGET', ARGV[1] .. 'member:' .. id, 'record')
  if rec then redis.call('DEL', ARGV[1] .. 'memberkey:' .. cjson.decode(rec).keyHash) end
  redis.call('DEL', ARGV[1] .. 'member:' .. id)
end
redis.call('DEL', KEYS[1])
return 1
`;

const scripts = {
  add: new LuaScript(ADD_MEMBER, 3),
  setField: new LuaScript(SET_FIELD, 1),
  deleteMembers: new LuaScript(DELETE_MEMBERS, 1),
};

export class RedisBuddies implements BuddyStore {
  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly log: records.StoreLog,
  ) {}

  private member = (id: string) => `${this.prefix}member:${id}`;
  private memberKey = (hash: string) => `${this.prefix}memberkey:${hash}`;
  private members = (communityId: string) => `${this.prefix}community:${communityId}:members`;

  async addMember(m: MemberRecord): Promise<void> {
    const { buddyId: _b, pins, ...record } = m;
    const added = await scripts.add.run(
      this.client,
      [this.member(m.id), this.memberKey(m.keyHash), this.members(m.communityId)],
      [JSON.stringify(record), m.id, JSON.stringify(pins)],
    );
    if (added !== 1) throw new AppError('conflict', 'Member id or key already in use');
  }

  async getMember(memberId: string): Promise<MemberRecord | null> {
    const h = await this.client.hgetall(this.member(memberId));
    if (!h.record) return null;
    let value: unknown;
    try {
      value = { ...JSON.parse(h.record), buddyId: h.buddy || null, pins: JSON.parse(h.pins ?? '[]') };
    } catch {
      value = null;
    }
    return records.checkStored(memberRecordSchema, value, `community member ${memberId}`, this.log);
  }

  async findMemberByKey(keyHash: string): Promise<MemberRecord | null> {
    const id = await this.client.get(this.memberKey(keyHash));
    return id ? this.getMember(id) : null;
  }

  async listMembers(communityId: string): Promise<MemberRecord[]> {
    const ids = await this.client.smembers(this.members(communityId));
    const found = await Promise.all(ids.map((id) => this.getMember(id)));
    return found
      .filter((m): m is MemberRecord => m !== null)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async setBuddy(memberId: string, buddyId: string | null): Promise<void> {
    await scripts.setField.run(this.client, [this.member(memberId)], ['buddy', buddyId ?? '']);
  }

  async setPins(memberId: string, pins: MemberRecord['pins']): Promise<void> {
    await scripts.setField.run(this.client, [this.member(memberId)], ['pins', JSON.stringify(pins)]);
  }

  async deleteMembers(communityId: string): Promise<void> {
    await scripts.deleteMembers.run(this.client, [this.members(communityId)], [this.prefix]);
  }
}
