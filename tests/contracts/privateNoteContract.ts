import { describe, expect, it } from 'vitest';
import type { PrivateNoteRecord } from '../../server/src/store/PrivateNoteStore';
import type { Store } from '../../server/src/store/Store';
import { codeOf, id, newSession } from './fixtures';

/**
 * The case holder's private notes (issue 15), for every engine. Registered inside the store
 * contract (storeContract.ts); `other` is a second handle on the same database (a second instance).
 */

function note(sessionId: string, overrides: Partial<PrivateNoteRecord> = {}): PrivateNoteRecord {
  return {
    sessionId,
    participantId: id(),
    text: 'Ze zien niet dat de wethouder al ja zei.\nVragen: wie belt Ahmed?',
    inReport: false,
    updatedAt: 5_000,
    ...overrides,
  };
}

export function registerPrivateNoteContract(store: () => Store, other: () => Store): void {
  describe('private notes', () => {
    it('keeps one note per session and participant, replaced by the next save, found under nothing else', async () => {
      const { session: a } = await newSession(store());
      const { session: b } = await newSession(store());
      const carla = note(a.id);
      await store().putPrivateNote(carla);
      expect(await other().getPrivateNote(a.id, carla.participantId)).toEqual(carla);

      const saved = { ...carla, text: 'Alleen dit nog', inReport: true, updatedAt: 6_000 };
      await other().putPrivateNote(saved);
      expect(await store().getPrivateNote(a.id, carla.participantId)).toEqual(saved);
      // Another participant, or the same participant id under another session, finds nothing.
      expect(await store().getPrivateNote(a.id, id())).toBeNull();
      expect(await store().getPrivateNote(b.id, carla.participantId)).toBeNull();
    });

    it('refuses a note for a session that does not exist', async () => {
      await expect(store().putPrivateNote(note('no-such-session'))).rejects.toSatisfy(
        (e) => codeOf(e) === 'session_not_found',
      );
    });

    it('deletes the notes with their session, leaving other sessions alone', async () => {
      const { session: gone } = await newSession(store());
      const { session: kept } = await newSession(store());
      const goneNote = note(gone.id, { inReport: true });
      const keptNote = note(kept.id);
      await store().putPrivateNote(goneNote);
      await store().putPrivateNote(keptNote);

      await other().deleteSession(gone.id, { at: 7_000, by: 'retention' });
      expect(await store().getPrivateNote(gone.id, goneNote.participantId)).toBeNull();
      expect(await store().getPrivateNote(kept.id, keptNote.participantId)).toEqual(keptNote);
      // And a save after the deletion does not bring the session's notes back.
      await expect(store().putPrivateNote(goneNote)).rejects.toSatisfy((e) => codeOf(e) === 'session_not_found');
      expect(await other().getPrivateNote(gone.id, goneNote.participantId)).toBeNull();
    });
  });
}
