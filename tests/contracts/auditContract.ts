import { describe, expect, it } from 'vitest';
import type { AuditEntry, Store } from '../../server/src/store/Store';
import { cardUpdates, id, newSession, participant, token } from './fixtures';

/**
 * The audit log and the deletion records (issue 18), for every engine. Registered inside the store
 * contract (storeContract.ts); `other` is a second handle on the same database.
 */

function entry(sessionId: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: 5_000,
    sessionId,
    role: 'host',
    participantId: null,
    address: '192.0.2.7',
    action: 'host:command',
    detail: { type: 'start', groupId: 't1' },
    ...overrides,
  };
}

export function registerAuditContract(store: () => Store, other: () => Store): void {
  describe('audit log', () => {
    it('keeps each session’s entries in the order they were appended, for every handle', async () => {
      const { session: a } = await newSession(store());
      const { session: b } = await newSession(store());
      const first = entry(a.id, { at: 9_000 });
      const second = entry(a.id, {
        at: 1_000,
        role: 'recipient',
        address: null,
        action: 'report:download',
        detail: { format: 'pdf', lang: null, large: false, n: 3 },
      });
      const third = entry(a.id, { role: 'participant', participantId: id(), action: 'host:move', detail: {} });
      await store().appendAudit(first);
      await other().appendAudit(second);
      await store().appendAudit(entry(b.id, { action: 'code:rotate' }));
      await store().appendAudit(third);
      // Appended order, not the order of `at` (clocks of two instances may differ).
      expect(await other().listAudit(a.id)).toEqual([first, second, third]);
      expect(await store().listAudit(b.id)).toEqual([entry(b.id, { action: 'code:rotate' })]);
      expect(await store().listAudit('missing')).toEqual([]);
    });

    it('drops an entry for a session that does not exist (or no longer does)', async () => {
      const ghost = id();
      await store().appendAudit(entry(ghost));
      expect(await store().listAudit(ghost)).toEqual([]);

      const { session } = await newSession(store());
      await store().deleteSession(session.id);
      await other().appendAudit(entry(session.id));
      expect(await store().listAudit(session.id)).toEqual([]);
    });

    it('deleteSession removes the audit log and leaves exactly one deletion record', async () => {
      const { session: gone } = await newSession(store());
      const { session: kept } = await newSession(store());
      const p = participant(gone.id);
      await store().addParticipant(p, token(gone.id, 'participant', p.id), 10);
      await store().appendUpdate(`${gone.id}.t1`, cardUpdates(1)[0]!);
      for (const s of [gone, kept]) {
        await store().appendAudit(entry(s.id));
        await store().appendAudit(entry(s.id, { action: 'session:handover', detail: {} }));
      }

      await other().deleteSession(gone.id, { at: 7_000, by: 'host' });
      expect(await store().listAudit(gone.id)).toEqual([]);
      expect(await store().getDeletion(gone.id)).toEqual({ sessionId: gone.id, at: 7_000, by: 'host' });
      // The other session's log is untouched, and it has no deletion record.
      expect(await store().listAudit(kept.id)).toHaveLength(2);
      expect(await store().getDeletion(kept.id)).toBeNull();

      // Deleting again (another instance catching up) neither adds nor replaces a record.
      await store().deleteSession(gone.id, { at: 8_000, by: 'retention' });
      await store().deleteSession(gone.id);
      expect(await other().getDeletion(gone.id)).toEqual({ sessionId: gone.id, at: 7_000, by: 'host' });
    });

    it('records the retention purge, and nothing for a deletion without a cause or of no session', async () => {
      const { session: old } = await newSession(store());
      await store().appendAudit(entry(old.id));
      await store().deleteSession(old.id, { at: 9_000, by: 'retention' });
      expect(await other().getDeletion(old.id)).toEqual({ sessionId: old.id, at: 9_000, by: 'retention' });

      const { session: quiet } = await newSession(store());
      await store().appendAudit(entry(quiet.id));
      await store().deleteSession(quiet.id);
      expect(await store().listAudit(quiet.id)).toEqual([]);
      expect(await store().getDeletion(quiet.id)).toBeNull();

      const never = id();
      await store().deleteSession(never, { at: 1, by: 'host' });
      expect(await store().getDeletion(never)).toBeNull();
    });
  });
}
