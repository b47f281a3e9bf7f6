import { describe, expect, it } from 'vitest';
import type { DilemmaRecord } from '../../server/src/store/DilemmaStore';
import type { Store } from '../../server/src/store/Store';
import { codeOf, id, newSession } from './fixtures';

/**
 * The dilemma line (issue 16), for every engine. Registered inside the store contract
 * (storeContract.ts); `other` is a second handle on the same database (a second instance).
 */

function dilemma(sessionId: string, createdAt: number): DilemmaRecord {
  return {
    id: id(),
    sessionId,
    text: 'Regie of ruimte?',
    left: 'Wij sturen',
    right: 'Bewoners sturen',
    createdAt,
    revealedAt: null,
  };
}

const byParticipant = (m: { participantId: string }[]) =>
  [...m].sort((a, b) => (a.participantId < b.participantId ? -1 : 1));

export function registerDilemmaContract(store: () => Store, other: () => Store): void {
  describe('dilemma lines', () => {
    it('keeps dilemmas oldest first and one marker per participant, moved until the reveal and fixed after', async () => {
      const { session: s } = await newSession(store());
      const second = dilemma(s.id, 9_000);
      const first = dilemma(s.id, 1_000);
      await store().dilemmas.add(second, 3);
      await other().dilemmas.add(first, 3);
      expect(await store().dilemmas.list(s.id)).toEqual([first, second]);

      await store().dilemmas.place(s.id, first.id, 'anna', 10);
      await other().dilemmas.place(s.id, first.id, 'anna', 25);
      await store().dilemmas.place(s.id, first.id, 'ben', 90);
      expect(byParticipant(await other().dilemmas.markers(s.id, first.id))).toEqual([
        { participantId: 'anna', position: 25 },
        { participantId: 'ben', position: 90 },
      ]);
      expect(await store().dilemmas.markers(s.id, second.id)).toEqual([]);

      const revealed = await other().dilemmas.reveal(s.id, first.id, 20_000);
      expect(revealed).toEqual({ ...first, revealedAt: 20_000 });
      // A second reveal keeps the first time.
      expect((await store().dilemmas.reveal(s.id, first.id, 30_000)).revealedAt).toBe(20_000);
      expect((await store().dilemmas.list(s.id))[0]!.revealedAt).toBe(20_000);
      const late = await store()
        .dilemmas.place(s.id, first.id, 'carla', 50)
        .catch((e: unknown) => e);
      expect(codeOf(late)).toBe('invalid_command');
      expect(await store().dilemmas.markers(s.id, first.id)).toHaveLength(2);
      // The other dilemma is still open.
      await store().dilemmas.place(s.id, second.id, 'carla', 50);
    });

    it('refuses an unknown dilemma, a session that is gone, and more dilemmas than the limit', async () => {
      const { session: s } = await newSession(store());
      expect(
        codeOf(
          await store()
            .dilemmas.place(s.id, 'nope', 'anna', 5)
            .catch((e: unknown) => e),
        ),
      ).toBe('not_found');
      expect(
        codeOf(
          await store()
            .dilemmas.reveal(s.id, 'nope', 5)
            .catch((e: unknown) => e),
        ),
      ).toBe('not_found');
      await store().dilemmas.add(dilemma(s.id, 1), 2);
      await store().dilemmas.add(dilemma(s.id, 2), 2);
      expect(
        codeOf(
          await other()
            .dilemmas.add(dilemma(s.id, 3), 2)
            .catch((e: unknown) => e),
        ),
      ).toBe('invalid_command');
      expect(
        codeOf(
          await store()
            .dilemmas.add(dilemma(id(), 1), 2)
            .catch((e: unknown) => e),
        ),
      ).toBe('session_not_found');
      // Another session's dilemma is not found under this one.
      const { session: t } = await newSession(store());
      const [mine] = await store().dilemmas.list(s.id);
      expect(
        codeOf(
          await store()
            .dilemmas.place(t.id, mine!.id, 'anna', 5)
            .catch((e: unknown) => e),
        ),
      ).toBe('not_found');
    });

    it('deleteSession removes the dilemmas and their markers', async () => {
      const { session: s } = await newSession(store());
      const d = dilemma(s.id, 1);
      await store().dilemmas.add(d, 3);
      await store().dilemmas.place(s.id, d.id, 'anna', 40);
      await store().deleteSession(s.id);
      expect(await other().dilemmas.list(s.id)).toEqual([]);
      expect(await other().dilemmas.markers(s.id, d.id)).toEqual([]);
    });
  });
}
