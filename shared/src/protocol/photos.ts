import { z } from 'zod';
import { LIMITS } from './limits';

/*
 * Site-visit photos (issue 16), as both sides see them: which files are photos (by their first
 * bytes, never by a name or a declared type), the upload's query, its answer, and the reference a
 * card holds. The server re-encodes every photo (server/src/photos/processPhoto.ts); the client
 * runs the same checks before it uploads, so an honest user hears at once what will not do.
 */

/** The formats an upload may be in. Stored photos are always re-encoded as JPEG. */
export const PHOTO_FORMATS = ['jpeg', 'png', 'webp'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** The bytes a file must start with to be read as a photo; 12 are enough for all three. */
export const PHOTO_SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

/** The format a file's first bytes announce, or null for anything else (GIF, HEIC, text, …). */
export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // RIFF <size> WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/** What the server answers when a file is not a photo it takes (415), and the client says the same. */
export const PHOTO_TYPE_MESSAGE = 'Only JPEG, PNG and WebP photos are accepted';
export const photoTooLargeMessage = () =>
  `A photo may be at most ${LIMITS.photoUploadBytes / (1024 * 1024)} MiB; take a smaller one or lower the camera resolution`;

/** Photo ids are issued by the server (random, 16 letters and digits); nothing else is one. */
const PHOTO_ID = /^[A-Za-z0-9]{16}$/;
export function isPhotoId(value: unknown): value is string {
  return typeof value === 'string' && PHOTO_ID.test(value);
}

/**
 * The `photo` field of a card: written by the server when a photo is uploaded to that card, never
 * by a client (writeRules.ts). `width` and `height` are the stored photo's, in pixels.
 */
export interface PhotoRef {
  id: string;
  caption: string;
  width: number;
  height: number;
}

const dimension = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= LIMITS.photoEdgePx;

export function isPhotoRef(value: unknown): value is PhotoRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    Object.keys(v).length === 4 &&
    isPhotoId(v.id) &&
    typeof v.caption === 'string' &&
    v.caption.length <= LIMITS.photoCaptionChars &&
    dimension(v.width) &&
    dimension(v.height)
  );
}

/** A card's photo as read from the doc; null when there is none or it is not one the server wrote. */
export function readPhotoRef(value: unknown): PhotoRef | null {
  return isPhotoRef(value) ? { id: value.id, caption: value.caption, width: value.width, height: value.height } : null;
}

/** `POST /api/sessions/:id/photos?doc=&card=&caption=`: the photo is the request body. */
export const photoUploadQuery = z.strictObject({
  /** The board document the card is on (a table's board, the plenary board, or one's own draft). */
  doc: z.string().min(1).max(200),
  card: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a card id'),
  /** What the photo shows: its caption in the report and its alt text on screen. */
  caption: z.string().trim().min(1).max(LIMITS.photoCaptionChars),
});
export type PhotoUploadQuery = z.infer<typeof photoUploadQuery>;

/** The sizes a photo is served in: the stored photo, or the preview the board and the web report show. */
export const PHOTO_SIZES = ['full', 'preview'] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];

/** `GET /api/sessions/:id/photos/:photoId?size=` */
export const photoGetQuery = z.strictObject({ size: z.enum(PHOTO_SIZES).optional() });

/** 201 answer of an upload: the reference now on the card. */
export type PhotoUploadResponse = PhotoRef;

/** Where a session's photo is served (the token goes in the Authorization header). */
export function photoPath(sessionId: string, photoId: string, size: PhotoSize = 'full'): string {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/photos/${encodeURIComponent(photoId)}`;
  return size === 'full' ? base : `${base}?size=${size}`;
}
