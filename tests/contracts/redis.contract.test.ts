import { expect, it } from 'vitest';
import { RedisStore } from '../../server/src/store/RedisStore';
import { REDIS_URL, deleteKeys, describeWithRedis, listKeys, uniquePrefix } from '../helpers/redis';
import { cardUpdates, newSession, participant, token } from './fixtures';
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
      const { session } = await newSession(store);
      const p = participant(session.id);
      await store.addParticipant(p, token(session.id, 'participant', p.id), 10);
      await store.addToken(token(session.id, 'recipient'));
      const doc = `${session.id}.t1`;
      const seq = await store.appendUpdate(doc, cardUpdates(1)[0]!);
      await store.compactDoc(doc, cardUpdates(1)[0]!, seq);
      await store.appendUpdate(doc, cardUpdates(1, 1)[0]!);
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
