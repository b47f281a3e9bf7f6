import { describe, expect, it } from 'vitest';
import { createRoundState, methodRounds } from '@casusbord/shared';
import type { ControlRecord, Store } from '../../server/src/store/Store';
import type { StoreLog } from '../../server/src/store/records';
import { archiveRecord, codeOf, community, id, newSession, participant, token } from './fixtures';

/** What a stored value is, for writing a damaged one straight into an engine's database. */
export type StoredKind = 'session' | 'participant' | 'token' | 'control' | 'community' | 'archive';

/** Overwrites the stored value of one record (by its id; a token by its hash) with `raw`. */
export type CorruptRecord = (kind: StoredKind, id: string, raw: string) => Promise<void>;

export function controlRecord(version: number): ControlRecord {
  return {
    version,
    tables: { t1: { round: createRoundState(methodRounds('intervision-90')), revealedRounds: [] } },
    dotsPerPerson: 3,
    caseHolderId: null,
    ready: [],
  };
}

const isDamaged = (e: unknown) => codeOf(e) === 'internal' && /damaged/.test((e as Error).message);

/**
 * Records read back through their schemas (server/src/store/records.ts): a damaged one fails
 * the one request that reads it with a logged AppError('internal'); everything else stays
 * readable; archive entries from before the reaction spelling was unified still read.
 */
export function registerDamagedRecordContract(open: (log: StoreLog) => Promise<Store>, corrupt: CorruptRecord) {
  describe('damaged stored records', () => {
    it('fail the one read that meets them, logged, and leave other sessions readable', async () => {
      const logged: object[] = [];
      const store = await open({ error: (obj) => logged.push(obj) });
      try {
        const { session: bad, host } = await newSession(store);
        const { session: good, host: goodHost } = await newSession(store);
        const p = participant(bad.id);
        await store.addParticipant(p, token(bad.id, 'participant', p.id), 10);
        const goodP = participant(good.id);
        await store.addParticipant(goodP, token(good.id, 'participant', goodP.id), 10);
        for (const s of [bad, good]) await store.setControlState(s.id, controlRecord(1));

        const damaged: [StoredKind, string, string, () => Promise<unknown>][] = [
          ['session', bad.id, '{"id": "half a rec', () => store.getSession(bad.id)],
          ['participant', p.id, JSON.stringify({ ...p, groupId: 7 }), () => store.getParticipant(p.id)],
          ['token', host.tokenHash, 'admin', () => store.getToken(host.tokenHash)],
          [
            'control',
            bad.id,
            JSON.stringify({ ...controlRecord(2), tables: 'none' }),
            () => store.getControlState(bad.id),
          ],
        ];
        for (const [kind, key, raw, read] of damaged) {
          await corrupt(kind, key, raw);
          await expect(read()).rejects.toSatisfy(isDamaged);
        }
        await expect(store.getSessionByCode(bad.joinCode)).rejects.toSatisfy(isDamaged);
        await expect(store.listParticipants(bad.id)).rejects.toSatisfy(isDamaged);
        expect(logged).toHaveLength(damaged.length + 2);
        expect(logged[0]).toMatchObject({ record: `session ${bad.id}` });

        expect(await store.getSession(good.id)).toEqual(good);
        expect(await store.getSessionByCode(good.joinCode)).toEqual(good);
        expect(await store.getToken(goodHost.tokenHash)).toEqual(goodHost);
        expect(await store.listParticipants(good.id)).toEqual([goodP]);
        expect(await store.getControlState(good.id)).toEqual(controlRecord(1));

        // A damaged session can still be deleted (the retention purge, the host), with all of it.
        await store.deleteSession(bad.id);
        expect(await store.getSession(bad.id)).toBeNull();
        expect(await store.getParticipant(p.id)).toBeNull();
        expect(await store.getToken(host.tokenHash)).toBeNull();
        expect(await store.getControlState(bad.id)).toBeNull();
        expect(await store.getSession(good.id)).toEqual(good);
      } finally {
        await store.close();
      }
    });

    it('damaged communities and archive entries fail their reads; the rest of the archive stays readable', async () => {
      const logged: object[] = [];
      const store = await open({ error: (obj) => logged.push(obj) });
      try {
        const [kept, broken] = [community(), community()];
        for (const c of [kept, broken]) await store.createCommunity(c);
        const advice = [{ cardId: 'c0', text: 'Wijkteam', dots: 2, reaction: 'not-now' as const, reactionNote: null }];
        const entry = () => archiveRecord(kept.id, id(), 5, [['advice', 'Wijkteam']], { advice });
        const [good, legacy, gone] = [entry(), entry(), entry()];
        for (const r of [good, legacy, gone]) await store.putArchiveEntry(r);

        // An entry written before the spelling was unified says not_now: it reads as not-now.
        const written = JSON.stringify(legacy).replace('"not-now"', '"not_now"');
        expect(written).toContain('"reaction":"not_now"');
        await corrupt('archive', legacy.entry.sessionId, written);
        expect(await store.getArchiveEntry(legacy.entry.sessionId)).toEqual(legacy);

        await corrupt('community', broken.id, '{}');
        await expect(store.getCommunity(broken.id)).rejects.toSatisfy(isDamaged);
        expect(await store.getCommunity(kept.id)).toEqual(kept);

        await corrupt('archive', gone.entry.sessionId, JSON.stringify({ ...gone, documents: null }));
        await expect(store.getArchiveEntry(gone.entry.sessionId)).rejects.toSatisfy(isDamaged);
        await expect(store.listArchive(kept.id)).rejects.toSatisfy(isDamaged);
        expect(await store.getArchiveEntry(good.entry.sessionId)).toEqual(good);
        expect(logged).toHaveLength(3);
      } finally {
        await store.close();
      }
    });
  });
}
