import {
  LIMITS,
  PHOTO_SNIFF_BYTES,
  photoPath,
  sniffPhotoFormat,
  type PhotoRef,
  type PhotoSize,
  type PhotoUploadQuery,
} from '@casusbord/shared';
import { ApiRequestError, isApiError } from './api';

/**
 * Site-visit photos over HTTP (issue 16; docs/API.md, "Photos"). Uploads go through
 * XMLHttpRequest, the one browser API that reports upload progress; photos are fetched with the
 * token in a header (never in a URL) and shown from blob: URLs, kept for the page's life.
 */

/** What the server would refuse, known before a byte is sent: the same rules (shared/) as its own. */
export async function checkPhotoFile(file: Blob): Promise<'payload_too_large' | 'unsupported_media_type' | null> {
  if (file.size > LIMITS.photoUploadBytes) return 'payload_too_large';
  const head = new Uint8Array(await file.slice(0, PHOTO_SNIFF_BYTES).arrayBuffer());
  return sniffPhotoFormat(head) ? null : 'unsupported_media_type';
}

/** Sends one photo for a card; `onProgress` hears the fraction sent (0–1). Rejects with ApiRequestError. */
export function uploadPhoto(
  sessionId: string,
  token: string,
  query: PhotoUploadQuery,
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<PhotoRef> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ doc: query.doc, card: query.card, caption: query.caption });
    xhr.open('POST', `/api/sessions/${encodeURIComponent(sessionId)}/photos?${params}`);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    // The server reads the first bytes, not this; it is only what the file says it is.
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiRequestError('network', 'The photo could not be sent', 0));
    xhr.onload = () => {
      const payload: unknown = xhr.response;
      if (xhr.status === 201) return resolve(payload as PhotoRef);
      const error =
        typeof payload === 'object' && payload !== null ? (payload as { error?: unknown }).error : undefined;
      if (isApiError(error)) reject(new ApiRequestError(error.code, error.message, xhr.status));
      else reject(new ApiRequestError(xhr.status >= 500 ? 'unknown' : 'bad_request', xhr.statusText, xhr.status));
    };
    xhr.send(file);
  });
}

const objectUrls = new Map<string, Promise<string>>();

/** A blob: URL of one size of a session's photo, fetched once per page; rejects when it cannot be loaded. */
export function photoObjectUrl(sessionId: string, token: string, photoId: string, size: PhotoSize): Promise<string> {
  const key = `${sessionId}/${photoId}/${size}`;
  let url = objectUrls.get(key);
  if (!url) {
    url = fetch(photoPath(sessionId, photoId, size), { headers: { authorization: `Bearer ${token}` } }).then(
      async (res) => {
        if (!res.ok)
          throw new ApiRequestError(res.status === 404 ? 'not_found' : 'unknown', res.statusText, res.status);
        return URL.createObjectURL(await res.blob());
      },
    );
    objectUrls.set(key, url);
    // A failed load may be tried again (the next render asks anew).
    url.catch(() => objectUrls.delete(key));
  }
  return url;
}
