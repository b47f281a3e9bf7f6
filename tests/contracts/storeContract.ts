import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../../server/src/store/Store';
import type { StoreLog } from '../../server/src/store/records';
import { cardUpdates, code, codeOf, id, newSession, participant, replay, token } from './fixtures';
import { registerArchiveContract } from './archiveContract';
import { registerAuditContract } from './auditContract';
import { registerPhotoContract } from './photoContract';
import { registerPrivateNoteContract } from './privateNoteContract';
import { registerDilemmaContract } from './dilemmaContract';
import { controlRecord, registerDamagedRecordContract, type CorruptRecord } from './damagedContract';

/**
 * One behaviour, every engine: each Store implementation registers this suite with a factory.
 * `open()` must return a new handle on the SAME database each time (two handles stand for two
 * server instances racing); `cleanup()` removes whatever the run stored.
 */
export interface StoreHarness {
  /** `log` (default: the console) hears of damaged records. */
  open(log?: StoreLog): Promise<Store>;
  /** Writes a value straight into the engine's database, past the store (see damagedContract.ts). */
  corrupt: CorruptRecord;
  cleanup?(): Promise<void>;
}

export function registerStoreContract(name: string, harness: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let other: Store;
    beforeAll(async () => {
      store = await harness.open();
      other = await harness.open();
    });
    afterAll(async () => {
      await store?.close();
      await other?.close();
      await harness.cleanup?.();
    });

    it('creates, finds and updates a session', async () => {
      const { session: s, host } = await newSession(store, { caseHolderName: 'Bram', context: 'Wijk Kruiskamp' });
      expect(await other.getSession(s.id)).toEqual(s);
      expect(await store.getSessionByCode(s.joinCode)).toEqual(s);
      expect(await store.getToken(host.tokenHash)).toEqual(host);
      expect(await store.getSession('missing')).toBeNull();
      expect(await store.getSessionByCode('NOPE')).toBeNull();

      const renamed = {
        ...s,
        title: 'Casusdag',
        joinCode: code(),
        groups: [...s.groups, { id: 't2', name: 'Tafel 2' }],
      };
      await store.updateSession(renamed);
      expect(await store.getSession(s.id)).toEqual(renamed);
      expect(await store.getSessionByCode(renamed.joinCode)).toEqual(renamed);
      expect(await store.getSessionByCode(s.joinCode)).toBeNull();
    });

    it('keeps join codes unique, also under concurrent creation', async () => {
      const { session: first } = await newSession(store);
      await expect(newSession(store, { joinCode: first.joinCode })).rejects.toSatisfy((e) => codeOf(e) === 'conflict');
      await expect(newSession(store, { id: first.id })).rejects.toSatisfy((e) => codeOf(e) === 'conflict');

      const shared = code();
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => newSession(i % 2 ? store : other, { joinCode: shared })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(codeOf(r.reason)).toBe('conflict');

      const { session: second } = await newSession(store);
      await expect(store.updateSession({ ...second, joinCode: first.joinCode })).rejects.toSatisfy(
        (e) => codeOf(e) === 'conflict',
      );
      expect((await store.getSessionByCode(first.joinCode))?.id).toBe(first.id);
      expect((await store.getSession(second.id))?.joinCode).toBe(second.joinCode);
    });

    it('adds, lists (by join time) and updates participants with their tokens', async () => {
      const { session: s } = await newSession(store);
      // Same join time: ordered by id.
      const late = participant(s.id, { name: 'Cas', createdAt: 3000, id: `b${id()}` });
      const tie = participant(s.id, { name: 'Bram', createdAt: 3000, id: `a${id()}` });
      const early = participant(s.id, { name: 'Anna', createdAt: 1500 });
      for (const p of [late, early, tie]) await store.addParticipant(p, token(s.id, 'participant', p.id), 10);
      expect(await other.getParticipant(early.id)).toEqual(early);
      expect((await store.listParticipants(s.id)).map((p) => p.name)).toEqual(['Anna', 'Bram', 'Cas']);

      const pt = token(s.id, 'participant', early.id);
      const extra = participant(s.id);
      await store.addParticipant(extra, pt, 10);
      expect(await store.getToken(pt.tokenHash)).toEqual(pt);

      const moved = { ...early, groupId: 't2' };
      await store.updateParticipant(moved);
      expect(await store.getParticipant(early.id)).toEqual(moved);
      // A record claiming another session changes nothing.
      await store.updateParticipant({ ...early, sessionId: 'elsewhere', name: 'Eve' });
      expect((await store.getParticipant(early.id))?.name).toBe('Anna');
      expect(await store.listParticipants('elsewhere')).toEqual([]);
    });

    it('enforces the participant limit atomically, also from two handles at once', async () => {
      const { session: s } = await newSession(store);
      const limit = 5;
      const candidates = Array.from({ length: 20 }, (_, i) =>
        participant(s.id, { name: `P${i}`, createdAt: 2000 + i }),
      );
      const tokens = candidates.map((p) => token(s.id, 'participant', p.id));
      const results = await Promise.allSettled(
        candidates.map((p, i) => (i % 2 ? store : other).addParticipant(p, tokens[i]!, limit)),
      );
      const added = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(added).toHaveLength(limit);
      for (const r of results) if (r.status === 'rejected') expect(codeOf(r.reason)).toBe('session_full');
      expect(await store.listParticipants(s.id)).toHaveLength(limit);
      // The refused ones left nothing behind.
      for (let i = 0; i < candidates.length; i++) {
        if (added.includes(i)) continue;
        expect(await store.getParticipant(candidates[i]!.id)).toBeNull();
        expect(await store.getToken(tokens[i]!.tokenHash)).toBeNull();
      }
    });

    it('resolves tokens and nothing else', async () => {
      const { session: s, host } = await newSession(store);
      const p = participant(s.id);
      const pt = token(s.id, 'participant', p.id);
      await store.addParticipant(p, pt, 10);
      expect(await other.getToken(host.tokenHash)).toMatchObject({
        role: 'host',
        sessionId: s.id,
        participantId: null,
      });
      expect(await other.getToken(pt.tokenHash)).toEqual(pt);
      expect(await store.getToken('f'.repeat(64))).toBeNull();

      // A later token of the session (the recipient's, at the handover) goes with it on delete.
      const recipient = token(s.id, 'recipient');
      await other.addToken(recipient);
      expect(await store.getToken(recipient.tokenHash)).toEqual(recipient);
      await store.deleteSession(s.id);
      expect(await store.getToken(recipient.tokenHash)).toBeNull();
    });

    it('lists sessions created before a time, oldest first', async () => {
      const base = 1_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
      const made: string[] = [];
      for (const offset of [300, 100, 200])
        made.push((await newSession(store, { createdAt: base + offset })).session.id);
      const ours = (ids: string[]) => ids.filter((i) => made.includes(i));
      expect(ours(await other.listSessionsCreatedBefore(base + 250))).toEqual([made[1], made[2]]);
      expect(ours(await store.listSessionsCreatedBefore(base + 100))).toEqual([]);
      await store.deleteSession(made[1]!);
      expect(ours(await store.listSessionsCreatedBefore(base + 1000))).toEqual([made[2], made[0]]);
    });

    it('appends updates in order and loads them back byte for byte', async () => {
      const doc = `${id()}.t1`;
      expect(await store.loadDoc(doc)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      const every = new Uint8Array(256).map((_, i) => i);
      const updates = [new Uint8Array([1, 2, 3]), every, new Uint8Array([0])];
      const seqs: number[] = [];
      for (const [i, u] of updates.entries()) seqs.push(await (i % 2 ? other : store).appendUpdate(doc, u));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      const loaded = await store.loadDoc(doc);
      expect(loaded.snapshot).toBeNull();
      expect(loaded.updates.map((u) => [...u])).toEqual(updates.map((u) => [...u]));
      expect(loaded.lastSeq).toBe(seqs[2]);
      // Documents do not share a log.
      expect((await store.loadDoc(`${id()}.t1`)).updates).toEqual([]);
    });

    it('compacts: the snapshot replaces the updates up to throughSeq, later ones stay', async () => {
      const doc = `${id()}.t1`;
      const updates = cardUpdates(6);
      const seqs: number[] = [];
      for (const u of updates) seqs.push(await store.appendUpdate(doc, u));

      // The snapshot holds the first four updates only.
      const partial = new Y.Doc();
      for (const u of updates.slice(0, 4)) Y.applyUpdate(partial, u);
      await store.compactDoc(doc, Y.encodeStateAsUpdate(partial), seqs[3]!);
      let loaded = await other.loadDoc(doc);
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.updates).toHaveLength(2);
      expect(loaded.lastSeq).toBe(seqs[5]);
      expect(Object.keys(replay(loaded))).toHaveLength(6);

      // Appends after a compaction come after the snapshot.
      const later = cardUpdates(2, 6);
      for (const u of later) seqs.push(await other.appendUpdate(doc, u));
      loaded = await store.loadDoc(doc);
      expect(loaded.updates).toHaveLength(4);
      expect(loaded.lastSeq).toBe(seqs[7]);
      expect(Object.keys(replay(loaded)).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);

      // Compacting everything leaves the snapshot alone, and lastSeq where it was.
      const full = new Y.Doc();
      Y.applyUpdate(full, Y.mergeUpdates([loaded.snapshot!, ...loaded.updates]));
      await store.compactDoc(doc, Y.encodeStateAsUpdate(full), seqs[7]!);
      loaded = await store.loadDoc(doc);
      expect(loaded.updates).toEqual([]);
      expect(loaded.lastSeq).toBe(seqs[7]);
      expect(Object.keys(replay(loaded))).toHaveLength(8);

      // A late, older compaction never replaces the newer snapshot.
      await store.compactDoc(doc, Y.encodeStateAsUpdate(partial), seqs[3]!);
      expect(Object.keys(replay(await store.loadDoc(doc)))).toHaveLength(8);

      // New appends get higher sequence numbers than everything compacted.
      const next = await store.appendUpdate(doc, cardUpdates(1, 8)[0]!);
      expect(next).toBeGreaterThan(seqs[7]!);
      expect((await store.loadDoc(doc)).lastSeq).toBe(next);
    });

    it('hands out higher seqs after the newest updates were compacted away or deleted', async () => {
      const doc = `${id()}.t1`;
      const { session: gone } = await newSession(store);
      const first = await store.appendUpdate(doc, cardUpdates(1)[0]!);
      // The store's newest update belongs to a session that is deleted; this doc is compacted.
      await store.appendUpdate(`${gone.id}.t1`, cardUpdates(1)[0]!);
      await store.compactDoc(doc, cardUpdates(1)[0]!, first);
      await other.deleteSession(gone.id);
      const next = await other.appendUpdate(doc, cardUpdates(1, 1)[0]!);
      expect(next).toBeGreaterThan(first);
      const loaded = await store.loadDoc(doc);
      expect(loaded.lastSeq).toBe(next);
      expect(Object.keys(replay(loaded)).sort()).toEqual(['c0', 'c1']);
    });

    it('loads a long log back in order from a new handle, each document appended in groups by its own handle', async () => {
      const docs = [`${id()}.t1`, `${id()}.t2`];
      const sent: Uint8Array[][] = [[], []];
      for (let i = 0; i < 1200; i += 40) {
        const group = Array.from({ length: 40 }, (_, k) => {
          const n = i + k;
          const update = new Uint8Array([n & 255, n >> 8, k % 2]);
          sent[k % 2]!.push(update);
          return (k % 2 ? other : store).appendUpdate(docs[k % 2]!, update);
        });
        await Promise.all(group);
      }
      const fresh = await harness.open();
      try {
        for (const [i, doc] of docs.entries()) {
          const loaded = await fresh.loadDoc(doc);
          expect(loaded.updates.map((u) => [...u])).toEqual(sent[i]!.map((u) => [...u]));
        }
      } finally {
        await fresh.close();
      }
    });

    it('keeps control state per session', async () => {
      const { session: a } = await newSession(store);
      const { session: b } = await newSession(store);
      expect(await store.getControlState(a.id)).toBeNull();
      await store.setControlState(a.id, controlRecord(1));
      await other.setControlState(a.id, controlRecord(2));
      expect(await store.getControlState(a.id)).toEqual(controlRecord(2));
      expect(await store.getControlState(b.id)).toBeNull();
    });

    it('deleteSession removes the session and everything of it, and nothing else', async () => {
      const { session: gone, host } = await newSession(store);
      const { session: kept, host: keptHost } = await newSession(store);
      const p = participant(gone.id);
      const pt = token(gone.id, 'participant', p.id);
      await store.addParticipant(p, pt, 10);
      const keptP = participant(kept.id);
      await store.addParticipant(keptP, token(kept.id, 'participant', keptP.id), 10);
      for (const s of [gone, kept]) {
        await store.setControlState(s.id, controlRecord(1));
        const seq = await store.appendUpdate(`${s.id}.t1`, cardUpdates(1)[0]!);
        await store.appendUpdate(`${s.id}.t2`, cardUpdates(1)[0]!);
        await store.compactDoc(`${s.id}.t1`, cardUpdates(1)[0]!, seq);
      }

      await other.deleteSession(gone.id);
      expect(await store.getSession(gone.id)).toBeNull();
      expect(await store.getSessionByCode(gone.joinCode)).toBeNull();
      expect(await store.getParticipant(p.id)).toBeNull();
      expect(await store.listParticipants(gone.id)).toEqual([]);
      expect(await store.getToken(host.tokenHash)).toBeNull();
      expect(await store.getToken(pt.tokenHash)).toBeNull();
      expect(await store.getControlState(gone.id)).toBeNull();
      expect(await store.loadDoc(`${gone.id}.t1`)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      expect(await store.loadDoc(`${gone.id}.t2`)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });

      expect(await store.getSession(kept.id)).toEqual(kept);
      expect(await store.getToken(keptHost.tokenHash)).toEqual(keptHost);
      expect(await store.listParticipants(kept.id)).toHaveLength(1);
      expect(await store.getControlState(kept.id)).toEqual(controlRecord(1));
      expect((await store.loadDoc(`${kept.id}.t1`)).snapshot).not.toBeNull();
      expect((await store.loadDoc(`${kept.id}.t2`)).updates).toHaveLength(1);

      // The code is free again.
      await newSession(store, { joinCode: gone.joinCode });
    });

    registerArchiveContract(() => store);
    registerAuditContract(
      () => store,
      () => other,
    );
    registerDamagedRecordContract((log) => harness.open(log), harness.corrupt);
    registerPhotoContract(
      () => store,
      () => other,
    );
    registerPrivateNoteContract(
      () => store,
      () => other,
    );
    registerDilemmaContract(
      () => store,
      () => other,
    );
  });
}
