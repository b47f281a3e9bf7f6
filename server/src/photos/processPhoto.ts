import type { Sharp, SharpOptions } from 'sharp';
import { AppError, LIMITS, PHOTO_TYPE_MESSAGE, photoTooLargeMessage, sniffPhotoFormat } from '@casusbord/shared';

/**
 * Turns an uploaded file into the photo the server keeps: only JPEG, PNG and WebP (by their first
 * bytes), at most LIMITS.photoInputPixels, turned upright by its EXIF orientation, then re-encoded
 * by sharp (libvips) as a JPEG of at most LIMITS.photoEdgePx plus a preview. Re-encoding writes no
 * metadata at all: EXIF (with the GPS position of the camera), XMP, IPTC and ICC are gone, the
 * colours converted to sRGB. Transparency is flattened onto white (Word, PDF and JPEG need no alpha).
 *
 * sharp is loaded on the first photo, like the report renderers: a server that never gets a photo
 * does not load libvips. At most PARALLEL photos are decoded at once per instance, so a burst of
 * uploads cannot starve the boards of CPU; a few more wait, the rest hear 503.
 */

export interface ProcessedPhoto {
  /** JPEG, long edge ≤ LIMITS.photoEdgePx. */
  full: Buffer;
  /** JPEG, long edge ≤ LIMITS.photoPreviewEdgePx. */
  preview: Buffer;
  width: number;
  height: number;
}

const PARALLEL = 2;
const WAITING_MAX = 8;
/** libvips gives up on one image after this long (a crafted file that decodes slowly). */
const TIMEOUT_SECONDS = 20;
const QUALITY = 82;
const PREVIEW_QUALITY = 76;

let running = 0;
const waiting: Array<() => void> = [];

async function loadSharp(): Promise<(input: Buffer, options: SharpOptions) => Sharp> {
  const { default: sharp } = await import('sharp');
  // Every upload is a new image: libvips' operation cache would only hold memory.
  sharp.cache(false);
  return sharp;
}
let sharpLoaded: ReturnType<typeof loadSharp> | null = null;

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) {
    if (waiting.length >= WAITING_MAX) {
      throw new AppError('unavailable', 'The server is busy with other photos; try again in a moment');
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await fn();
  } finally {
    // A waiting upload takes the slot over; otherwise it is freed.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

const OPTIONS: SharpOptions = {
  limitInputPixels: LIMITS.photoInputPixels,
  // Truncated or broken pixel data is refused instead of stored half grey.
  failOn: 'error',
  autoOrient: true,
  // An animated WebP keeps its first frame.
  pages: 1,
};

function unreadable(): AppError {
  return new AppError('bad_request', 'The photo could not be read; the file may be damaged or incomplete');
}

/** Checks and re-encodes one upload; throws AppError 415 / 413 / 400 / 503 for what it refuses. */
export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  if (bytes.length === 0) throw new AppError('bad_request', 'Send the photo as the request body');
  if (bytes.length > LIMITS.photoUploadBytes) throw new AppError('payload_too_large', photoTooLargeMessage());
  const format = sniffPhotoFormat(bytes);
  if (!format) throw new AppError('unsupported_media_type', PHOTO_TYPE_MESSAGE);
  sharpLoaded ??= loadSharp();
  const sharp = await sharpLoaded;
  return withSlot(async () => {
    // The header only, without the pixel limit, so that a photo over it hears why (413, not 400).
    const meta = await sharp(bytes, { ...OPTIONS, limitInputPixels: false })
      .metadata()
      .catch(() => {
        throw unreadable();
      });
    // libvips decides by content as well; a file that only starts like a photo is not one.
    if (meta.format !== format || !meta.width || !meta.height) throw unreadable();
    if (meta.width * meta.height > LIMITS.photoInputPixels) {
      const mp = Math.round(LIMITS.photoInputPixels / 1_000_000);
      throw new AppError('payload_too_large', `A photo may have at most ${mp} million pixels`);
    }
    try {
      const edge = LIMITS.photoEdgePx;
      const { data: full, info } = await sharp(bytes, OPTIONS)
        .timeout({ seconds: TIMEOUT_SECONDS })
        .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: QUALITY })
        .toBuffer({ resolveWithObject: true });
      const previewEdge = LIMITS.photoPreviewEdgePx;
      const preview = await sharp(full, { failOn: 'error' })
        .timeout({ seconds: TIMEOUT_SECONDS })
        .resize({ width: previewEdge, height: previewEdge, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: PREVIEW_QUALITY })
        .toBuffer();
      return { full, preview, width: info.width, height: info.height };
    } catch {
      throw unreadable();
    }
  });
}
