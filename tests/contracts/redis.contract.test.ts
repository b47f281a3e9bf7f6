import { expect, it } from 'vitest';
import { RedisStore } from '../../server/src/store/RedisStore';
import { REDIS_URL, deleteKeys, describeWithRedis, listKeys, uniquePrefix } from '../helpers/redis';
import { registerStoreContract } from './storeContract';

// One prefix per run, so runs never see each other's data; every key under it is deleted after.
const prefix = uniquePrefix('contract');

await describeWithRedis('redis store', () => {
  registerStoreContract('redis', {
    open: async () => RedisStore.connect(REDIS_URL, prefix),
    cleanup: async () => {
      await deleteKeys(prefix);
    },
  });

  it('keeps every key under its prefix and leaves none of a deleted session behind', async () => {
    const own = uniquePrefix('contract-keys');
    const store = RedisStore.connect(REDIS_URL, own);
    try {
      const session = {
        id: 'sessionkeys01',
        joinCode: 'KEYS01',
        title: 't',
        city: 'c',
        question: 'q',
        caseHolderName: null,
        context: null,
        method: 'intervision-90' as const,
        locale: 'nl' as const,
        createdAt: 1,
        groups: [{ id: 't1', name: 'Tafel 1' }],
      };
      await store.createSession(session, { tokenHash: 'h'.repeat(64), role: 'host', sessionId: session.id, participantId: null, createdAt: 1 });
      await store.addParticipant(
        { id: 'p1', sessionId: session.id, name: 'Anna', groupId: 't1', createdAt: 2, consentToBeNamed: true },
        { tokenHash: 'p'.repeat(64), role: 'participant', sessionId: session.id, participantId: 'p1', createdAt: 2 },
        10,
      );
      const seq = await store.appendUpdate(`${session.id}.t1`, new Uint8Array([0, 0]));
      await store.compactDoc(`${session.id}.t1`, new Uint8Array([0, 0]), seq);
      await store.appendUpdate(`${session.id}.t1`, new Uint8Array([0, 0]));
      await store.setControlState(session.id, '{}');
      expect((await listKeys(own)).length).toBeGreaterThan(8);
      await store.deleteSession(session.id);
      expect(await listKeys(own)).toEqual([]);
    } finally {
      await store.close();
      await deleteKeys(own);
    }
  });
});
