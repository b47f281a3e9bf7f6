import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PhotoRecord } from '../../server/src/store/PhotoStore';
import type { Store } from '../../server/src/store/Store';
import { codeOf, newSession } from './fixtures';

/**
 * Site-visit photos (issue 16), for every engine. Registered inside the store contract
 * (storeContract.ts); `other` is a second handle on the same database (a second instance).
 */

/** A photo id as the server issues them (16 letters and digits). */
const photoId = () => randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');

function photo(sessionId: string, overrides: Partial<PhotoRecord> = {}): PhotoRecord {
  return {
    id: photoId(),
    sessionId,
    type: 'image/jpeg',
    width: 1600,
    height: 1200,
    uploadedBy: 'host',
    createdAt: 5_000,
    // Not a real JPEG: the store keeps bytes, the upload route checks them.
    full: new Uint8Array(randomBytes(3000)),
    preview: new Uint8Array(randomBytes(300)),
    ...overrides,
  };
}

export function registerPhotoContract(store: () => Store, other: () => Store): void {
  describe('photos', () => {
    it('keeps both sizes byte for byte, found only under their own session', async () => {
      const { session: a } = await newSession(store());
      const { session: b } = await newSession(store());
      const first = photo(a.id, { createdAt: 9_000 });
      const second = photo(a.id, { createdAt: 1_000, uploadedBy: 'p1' });
      await store().addPhoto(first, 10);
      await other().addPhoto(second, 10);

      const full = await other().getPhoto(a.id, first.id, 'full');
      expect(full).toEqual({ type: 'image/jpeg', bytes: first.full });
      expect((await store().getPhoto(a.id, first.id, 'preview'))?.bytes).toEqual(first.preview);
      // Another session's id with this photo's id finds nothing: ids are never enough on their own.
      expect(await store().getPhoto(b.id, first.id, 'full')).toBeNull();
      expect(await store().getPhoto(a.id, photoId(), 'full')).toBeNull();

      const listed = await store().listPhotos(a.id);
      expect(listed.map((p) => p.id)).toEqual([second.id, first.id]);
      expect(listed[0]).toEqual(second);
      expect(await store().listPhotos(b.id)).toEqual([]);
    });

    it('holds a session to its photo limit atomically, also from two handles at once', async () => {
      const { session } = await newSession(store());
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? other() : store()).addPhoto(photo(session.id), 4)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
      for (const r of results) if (r.status === 'rejected') expect(codeOf(r.reason)).toBe('photo_limit');
      expect(await store().listPhotos(session.id)).toHaveLength(4);
    });

    it('refuses a photo for a session that does not exist', async () => {
      await expect(store().addPhoto(photo('no-such-session'), 10)).rejects.toSatisfy(
        (e) => codeOf(e) === 'session_not_found',
      );
      expect(await store().listPhotos('no-such-session')).toEqual([]);
    });

    it('deletes one photo, and every photo with its session, leaving other sessions alone', async () => {
      const { session: gone } = await newSession(store());
      const { session: kept } = await newSession(store());
      const a = photo(gone.id, { createdAt: 1_000 });
      const b = photo(gone.id, { createdAt: 2_000 });
      const c = photo(kept.id);
      for (const p of [b, a, c]) await store().addPhoto(p, 10);
      // The ids alone, oldest first, for pruning at the handover.
      expect(await other().listPhotoIds(gone.id)).toEqual([a.id, b.id]);
      expect(await other().listPhotoIds(kept.id)).toEqual([c.id]);

      await other().deletePhoto(gone.id, a.id);
      await other().deletePhoto(gone.id, 'missing0000000000');
      expect(await store().getPhoto(gone.id, a.id, 'full')).toBeNull();
      expect((await store().listPhotos(gone.id)).map((p) => p.id)).toEqual([b.id]);
      expect(await store().listPhotoIds(gone.id)).toEqual([b.id]);

      await other().deleteSession(gone.id, { at: 7_000, by: 'host' });
      expect(await store().getPhoto(gone.id, b.id, 'full')).toBeNull();
      expect(await store().getPhoto(gone.id, b.id, 'preview')).toBeNull();
      expect(await store().listPhotos(gone.id)).toEqual([]);
      expect(await store().listPhotoIds(gone.id)).toEqual([]);
      expect(await store().getPhoto(kept.id, c.id, 'full')).toEqual({ type: 'image/jpeg', bytes: c.full });
    });
  });
}
