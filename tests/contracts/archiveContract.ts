import { describe, expect, it } from 'vitest';
import { searchArchive } from '../../server/src/store/ArchiveStore';
import type { Store } from '../../server/src/store/Store';
import { archiveRecord, codeOf, community, id, newSession } from './fixtures';

/**
 * Communities, the archive and search (issue 9), for every engine: the same fixture corpus, the
 * same queries, the same ordered hits. Registered inside the store contract (storeContract.ts).
 */

/** The corpus: three sessions in one community, one in another that shares words with them. */
async function corpus(store: Store) {
  const a = community();
  const b = community();
  await store.createCommunity(a);
  await store.createCommunity(b);
  const [s1, s2, s3, s4] = [id(), id(), id(), id()];
  const entries: Parameters<typeof archiveRecord>[] = [
    [
      a.id,
      s1,
      1_000,
      [
        ['core', 'Hoe smeden we één team van alle partners in de wijk?'],
        ['pitfall', 'Partners werken langs elkaar heen; geen gedeeld doel'],
        ['advice', 'Stel één wijkteam samen met een gezamenlijke agenda'],
        ['question', 'Wie is de trekker van de wijkenaanpak?'],
      ],
    ],
    [
      a.id,
      s2,
      2_000,
      [
        ['core', 'Hoe houden we jongeren in beeld?'],
        ['pitfall', 'Jongeren en bewoners uit beeld'],
        ['advice', 'Betrek jongeren via het jongerenwerk bij de wijkagenda'],
        ['opportunity', 'Coördinatie door één wijkcoördinator'],
      ],
    ],
    [
      a.id,
      s3,
      3_000,
      [['advice', 'Partners: maak van de partners één team, met één doel voor de partners']],
      { followUpOf: s1 },
    ],
    [b.id, s4, 4_000, [['advice', 'Eén team met de partners']]],
  ];
  for (const entry of entries) await store.putArchiveEntry(archiveRecord(...entry));
  return { a, b, s1, s2, s3, s4 };
}

const hitsOf = async (store: Store, communityId: string, q: string, limit = 20) =>
  (await searchArchive(store, communityId, q, limit)).map((h) => `${h.sessionId}:${h.cardId ?? 'core'}`);

export function registerArchiveContract(open: () => Store) {
  describe('communities, archive and search', () => {
    it('creates communities and finds them by token hash; ids and hashes are unique', async () => {
      const store = open();
      const c = community();
      await store.createCommunity(c);
      expect(await store.getCommunity(c.id)).toEqual(c);
      expect(await store.findCommunityToken(c.memberTokenHash)).toEqual({ communityId: c.id, role: 'member' });
      expect(await store.findCommunityToken(c.facilitatorKeyHash)).toEqual({ communityId: c.id, role: 'facilitator' });
      expect(await store.findCommunityToken('nope')).toBeNull();
      expect(await store.getCommunity('missing')).toBeNull();
      await expect(store.createCommunity({ ...community(), id: c.id })).rejects.toSatisfy(
        (e) => codeOf(e) === 'conflict',
      );
      await expect(store.createCommunity({ ...community(), memberTokenHash: c.memberTokenHash })).rejects.toSatisfy(
        (e) => codeOf(e) === 'conflict',
      );
    });

    it('lists a community archive newest first and replaces an entry on a second handover', async () => {
      const store = open();
      const { a, b, s1, s2, s3, s4 } = await corpus(store);
      expect((await store.listArchive(a.id)).map((r) => r.entry.sessionId)).toEqual([s3, s2, s1]);
      expect((await store.listArchive(b.id)).map((r) => r.entry.sessionId)).toEqual([s4]);
      expect((await store.getArchiveEntry(s3))?.entry.followUpOf).toBe(s1);

      // A second handover replaces the entry and its index: old words are no longer found.
      await store.putArchiveEntry(archiveRecord(a.id, s2, 5_000, [['advice', 'Start een buurtbudget']]));
      expect((await store.listArchive(a.id)).map((r) => r.entry.sessionId)).toEqual([s2, s3, s1]);
      expect(await hitsOf(store, a.id, 'jongerenwerk')).toEqual([]);
      expect(await hitsOf(store, a.id, 'buurtbudget')).toEqual([`${s2}:c0`]);
    });

    it('ranks the same hits in the same order on every engine', async () => {
      const store = open();
      const { a, b, s1, s2, s3, s4 } = await corpus(store);
      // Diacritics and case do not matter; every term must occur; only this community is searched.
      expect(await hitsOf(store, a.id, 'EEN team')).toEqual([`${s3}:c0`, `${s1}:core`]);
      expect(await hitsOf(store, b.id, 'één team')).toEqual([`${s4}:c0`]);
      // The last term is a prefix: "wijk" finds wijkteam, wijkenaanpak, wijkagenda, wijkcoördinator, wijk.
      expect(await hitsOf(store, a.id, 'wijk')).toEqual([`${s1}:core`, `${s2}:c2`, `${s1}:c2`, `${s2}:c3`, `${s1}:c3`]);
      // Only the last term is a prefix: "wijk team" needs the word "team" exactly.
      expect(await hitsOf(store, a.id, 'team wijk')).toEqual([`${s1}:core`]);
      expect(await hitsOf(store, a.id, 'coordinatie')).toEqual([`${s2}:c3`]);
      expect(await hitsOf(store, a.id, 'partners')).toEqual([`${s3}:c0`, `${s1}:core`, `${s1}:c1`]);
      expect(await hitsOf(store, a.id, 'partners', 2)).toHaveLength(2);
      expect(await hitsOf(store, a.id, 'onbekendwoord')).toEqual([]);
      expect(await hitsOf(store, a.id, '  ?! ')).toEqual([]);
      expect(await hitsOf(store, 'no-such-community', 'team')).toEqual([]);

      const [hit] = await searchArchive(store, a.id, 'jongeren beeld', 5);
      expect(hit).toMatchObject({ sessionId: s2, kind: 'question', column: null, cardId: null });
      expect(hit!.snippet).toEqual([
        { text: 'Hoe houden we ', match: false },
        { text: 'jongeren', match: true },
        { text: ' in ', match: false },
        { text: 'beeld', match: true },
        { text: '?', match: false },
      ]);
    });

    it('deleting a session drops its entry and index rows; deleting a community drops everything of it', async () => {
      const store = open();
      const { a, b, s1, s3, s4 } = await corpus(store);
      const { session } = await newSession(store, { id: s1, communityId: a.id });
      await store.addCommunitySession(a.id, session.id);
      expect(await store.listCommunitySessions(a.id)).toEqual([s1]);
      await store.deleteSession(s1);
      expect(await store.getArchiveEntry(s1)).toBeNull();
      expect(await store.listCommunitySessions(a.id)).toEqual([]);
      expect(await hitsOf(store, a.id, 'trekker')).toEqual([]);
      expect(await hitsOf(store, a.id, 'team')).toEqual([`${s3}:c0`]);

      await store.deleteCommunity(a.id);
      expect(await store.getCommunity(a.id)).toBeNull();
      expect(await store.findCommunityToken(a.memberTokenHash)).toBeNull();
      expect(await store.listArchive(a.id)).toEqual([]);
      expect(await store.getArchiveEntry(s3)).toBeNull();
      expect(await hitsOf(store, a.id, 'team')).toEqual([]);
      // The other community is untouched.
      expect(await hitsOf(store, b.id, 'team')).toEqual([`${s4}:c0`]);
    });
  });
}
