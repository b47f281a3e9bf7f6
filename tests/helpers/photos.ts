import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { PhotoRef } from '@casusbord/shared';

/**
 * Photos for the issue 16 tests, made here: a real camera-like JPEG with GPS EXIF, a GIF, a PNG
 * that claims more pixels than allowed, and a reader of EXIF that tells whether a GPS block is in it.
 */

/** Where the "camera" was: Amersfoort, Kruiskamp (degrees, minutes, seconds as EXIF rationals). */
export const GPS_EXIF = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '52/1 9/1 2230/100',
  GPSLongitudeRef: 'E',
  GPSLongitude: '5/1 24/1 1580/100',
};

/**
 * A JPEG as a phone writes it: `width`×`height` pixels stored sideways with EXIF Orientation 6
 * (shown upright it is `height`×`width`), camera make and model, and the GPS position.
 */
export async function siteVisitJpeg(width = 1200, height = 900): Promise<Buffer> {
  // A gradient with some texture, so the JPEG is a few hundred KB like a photo, not a flat colour.
  const channels = 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = (x * y) % 251;
    }
  }
  return sharp(pixels, { raw: { width, height, channels } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'Casusbord test camera', Model: 'Werkbezoek', Orientation: '6' }, IFD3: GPS_EXIF })
    .toBuffer();
}

export function gifBytes(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: '#3366cc' } })
    .gif()
    .toBuffer();
}

export function pngBytes(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A small valid-looking PNG whose header claims `width`×`height` (a decompression bomb's shape). */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether EXIF (as sharp's metadata().exif gives it) has a GPS block: IFD0 tag 0x8825. */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const le = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  const entries = u16(ifd0);
  for (let i = 0; i < entries; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

export interface UploadResult {
  status: number;
  json: (PhotoRef & { error?: undefined }) | { error: { code: string; message: string } };
  headers: Headers;
}

/** POST /api/sessions/:id/photos with `body` as it is, like a browser's file upload. */
export async function uploadPhoto(
  base: string,
  sessionId: string,
  token: string | null,
  query: { doc: string; card: string; caption: string },
  body: Buffer,
  contentType = 'image/jpeg',
): Promise<UploadResult> {
  const params = new URLSearchParams(query);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}/api/sessions/${sessionId}/photos?${params}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as UploadResult['json'], headers: res.headers };
}

/** GET a session's photo with a bearer token (or none). */
export async function fetchPhoto(
  base: string,
  sessionId: string,
  photoId: string,
  token: string | null,
  size?: 'full' | 'preview',
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${base}/api/sessions/${sessionId}/photos/${photoId}${size ? `?size=${size}` : ''}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
