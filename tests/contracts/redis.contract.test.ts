import { Redis } from 'ioredis';
import { expect, it } from 'vitest';
import { RedisStore, redisKeys } from '../../server/src/store/RedisStore';
import { REDIS_URL, deleteKeys, describeWithRedis, listKeys, uniquePrefix } from '../helpers/redis';
import type { StoredKind } from './damagedContract';
import { controlRecord } from './damagedContract';
import { archiveRecord, cardUpdates, newSession, participant, token } from './fixtures';
import { registerStoreContract } from './storeContract';

// One prefix per run, so runs never see each other's data; every key under it is deleted after.
const prefix = uniquePrefix('contract');

// The keys of the records a damaged-record case overwrites (layout: RedisStore.ts, redisArchive.ts).
const keys = redisKeys(prefix);
const keyOf: Record<StoredKind, (id: string) => string> = {
  session: keys.session,
  participant: keys.participant,
  token: keys.token,
  control: keys.control,
  community: (id) => `${prefix}community:${id}`,
  archive: (id) => `${prefix}archive:${id}`,
};

await describeWithRedis('redis store', () => {
  registerStoreContract('redis', {
    open: async (log) => RedisStore.connect(REDIS_URL, prefix, log && { ...log, warn: () => undefined }),
    corrupt: async (kind, id, raw) => {
      const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        // XX: only an existing record is overwritten, so a wrong key fails the test instead of passing it.
        if ((await client.set(keyOf[kind](id), raw, 'XX')) !== 'OK') throw new Error(`no ${kind} ${id} to damage`);
      } finally {
        client.disconnect();
      }
    },
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
      await store.setControlState(session.id, controlRecord(1));
      await store.appendAudit({
        at: 1,
        sessionId: session.id,
        role: 'host',
        participantId: null,
        address: null,
        action: 'code:rotate',
        detail: {},
      });
      await store.addPhoto(
        {
          id: 'Photo0000000000a',
          sessionId: session.id,
          type: 'image/jpeg',
          width: 4,
          height: 3,
          uploadedBy: 'host',
          createdAt: 1,
          full: new Uint8Array([1, 2, 3]),
          preview: new Uint8Array([4]),
        },
        10,
      );
      expect(await listKeys(own)).toContain(redisKeys(own).photoData(session.id));
      await store.putPrivateNote({
        sessionId: session.id,
        participantId: p.id,
        text: 'x',
        inReport: true,
        updatedAt: 1,
      });
      expect(await listKeys(own)).toContain(redisKeys(own).notes(session.id));
      const dilemma = {
        id: 'd1',
        sessionId: session.id,
        text: '',
        left: 'a',
        right: 'b',
        createdAt: 1,
        revealedAt: null,
      };
      await store.dilemmas.add(dilemma, 3);
      await store.dilemmas.place(session.id, 'd1', p.id, 50);
      await store.dilemmas.reveal(session.id, 'd1', 2);
      expect((await listKeys(own)).filter((k) => k.includes(':dilemma'))).toHaveLength(3);
      expect((await listKeys(own)).length).toBeGreaterThan(8);
      expect(await listKeys(own)).toContain(redisKeys(own).audit(session.id));
      await store.deleteSession(session.id, { at: 2, by: 'host' });
      // Only the deletion record is left (issue 18), in the one hash of all deletions.
      expect(await listKeys(own)).toEqual([redisKeys(own).deletions()]);
    } finally {
      await store.close();
      await deleteKeys(own);
    }
  });

  it('leaves no key of a deleted community behind: entries, index, terms, tokens', async () => {
    const own = uniquePrefix('contract-community');
    const store = RedisStore.connect(REDIS_URL, own);
    try {
      const community = {
        id: 'c1',
        name: 'CoP',
        createdAt: 1,
        memberTokenHash: 'm'.repeat(64),
        facilitatorKeyHash: 'f'.repeat(64),
      };
      await store.createCommunity(community);
      const kept = await newSession(store, { communityId: 'c1' });
      const gone = await newSession(store, { communityId: 'c1' });
      for (const { session } of [kept, gone]) {
        await store.addCommunitySession('c1', session.id);
        await store.putArchiveEntry(archiveRecord('c1', session.id, 5, [['advice', `Wijkteam ${session.id}`]]));
      }
      // A deleted session takes its index rows and its words along; the other stays findable.
      await store.deleteSession(gone.session.id);
      expect((await listKeys(own)).filter((k) => k.includes(gone.session.id.toLowerCase()))).toEqual([]);
      await store.deleteSession(kept.session.id);
      await store.deleteCommunity('c1');
      expect(await listKeys(own)).toEqual([]);
    } finally {
      await store.close();
      await deleteKeys(own);
    }
  });
});
