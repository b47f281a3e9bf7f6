import { z } from 'zod';
import type { PhotoSize } from '@casusbord/shared';
import { DelegatesArchive } from './ArchiveStore';

/**
 * Site-visit photos (issue 16) kept with their session, in both engines (sqlitePhotos.ts,
 * redisPhotos.ts) and through the same contract (tests/contracts/photoContract.ts). A photo is
 * found only under its own session's id, so a token of one session never reaches another's
 * photos, whatever id it names. deleteSession removes them with the session (and so retention).
 */

/** What is kept of a photo beside its bytes. */
export const photoMetaSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  /** Always 'image/jpeg' today: every upload is re-encoded. */
  type: z.literal('image/jpeg'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Who uploaded it: a participant id, or 'host'. */
  uploadedBy: z.string(),
  /** ms since epoch */
  createdAt: z.number(),
});
export type PhotoMeta = z.infer<typeof photoMetaSchema>;

export interface PhotoRecord extends PhotoMeta {
  full: Uint8Array;
  preview: Uint8Array;
}

/** One size of one photo, as served. */
export interface PhotoBytes {
  type: PhotoMeta['type'];
  bytes: Uint8Array;
}

export interface PhotoStore {
  /**
   * Stores a photo of an existing session. Throws AppError('photo_limit') when the session holds
   * `maxPerSession` photos already (checked atomically, also across instances) and
   * AppError('session_not_found') when the session is gone (a photo never outlives its session).
   */
  addPhoto(photo: PhotoRecord, maxPerSession: number): Promise<void>;
  /** One size of a photo of this session; null when the session has no photo with this id. */
  getPhoto(sessionId: string, photoId: string, size: PhotoSize): Promise<PhotoBytes | null>;
  /** Every photo of the session with both sizes, oldest first (for the report). */
  listPhotos(sessionId: string): Promise<PhotoRecord[]>;
  /** The ids of the session's photos, oldest first, without their bytes (pruning at the handover). */
  listPhotoIds(sessionId: string): Promise<string[]>;
  /** Removes one photo (replaced on its card, or its card was gone); a missing one is fine. */
  deletePhoto(sessionId: string, photoId: string): Promise<void>;
}

/** The base of both engines: the archive and the photos are each handed to their own part. */
export abstract class DelegatesArchiveAndPhotos extends DelegatesArchive implements PhotoStore {
  protected abstract readonly photos: PhotoStore;

  addPhoto(photo: PhotoRecord, maxPerSession: number): Promise<void> {
    return this.photos.addPhoto(photo, maxPerSession);
  }
  getPhoto(sessionId: string, photoId: string, size: PhotoSize): Promise<PhotoBytes | null> {
    return this.photos.getPhoto(sessionId, photoId, size);
  }
  listPhotos(sessionId: string): Promise<PhotoRecord[]> {
    return this.photos.listPhotos(sessionId);
  }
  listPhotoIds(sessionId: string): Promise<string[]> {
    return this.photos.listPhotoIds(sessionId);
  }
  deletePhoto(sessionId: string, photoId: string): Promise<void> {
    return this.photos.deletePhoto(sessionId, photoId);
  }
}

/** The message of the session's photo limit, for both engines. */
export function photoLimitMessage(max: number): string {
  return `This session already holds ${max} photos, the most it may have`;
}
