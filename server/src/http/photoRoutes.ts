import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  LIMITS,
  PHOTO_KEY,
  cardsMap,
  columnVerdict,
  isPhotoId,
  photoGetQuery,
  photoTooLargeMessage,
  photoUploadQuery,
  readCard,
  readPhotoRef,
  writerFor,
  type PhotoRef,
  type PhotoUploadResponse,
} from '@casusbord/shared';
import { audit } from '../audit';
import { isSessionDocument, type Principal } from '../auth/Auth';
import { generateId } from '../auth/tokens';
import { processPhoto } from '../photos/processPhoto';
import { existingSession } from '../sessions';
import type { PhotoRecord } from '../store/PhotoStore';
import { AddressLimiter } from './AddressLimiter';
import { errorBody, parseRequest } from './errors';
import { principalOf, requireSessionToken } from './principal';
import { PRIVATE_HEADERS } from './reportReply';

/**
 * Site-visit photos (issue 16; docs/API.md, "Photos"):
 *   POST /api/sessions/:id/photos?doc=&card=&caption=   the photo as the raw body (any content
 *        type: the first bytes decide); re-encoded without metadata, stored with the session and
 *        set as the card's `photo` by the server. 201 with the card's PhotoRef.
 *   GET  /api/sessions/:id/photos/:photoId?size=full|preview   with a token of that session.
 * The token is checked as the request arrives (onRequest), before its body is read.
 */

type UploadRequest = { Params: { id: string }; Querystring: unknown; Body: Buffer | undefined };
type GetRequest = { Params: { id: string; photoId: string }; Querystring: unknown };

/** Uploads per token and minute (each decodes and re-encodes an image). */
const UPLOADS = { max: LIMITS.photoUploadsPerMinute, windowMs: 60_000, maxTracked: 10_000 };

/** Whose uploads count together: a participant, or the host (or anyone else) of one session. */
const uploaderKey = (p: Principal) => p.participantId ?? `${p.role}:${p.sessionId}`;

export async function photoRoutes(app: FastifyInstance): Promise<void> {
  const { store, auth, control } = app.deps;
  const uploads = new AddressLimiter(UPLOADS);

  // Only in this plugin: every body is raw bytes up to the upload limit, whatever it says it is.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: LIMITS.photoUploadBytes }, (_req, body, done) =>
    done(null, body),
  );
  // An upload over the limit is refused before it is read, in words a person can act on.
  app.setErrorHandler((err: FastifyError, _request, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody('payload_too_large', photoTooLargeMessage()));
    }
    throw err;
  });

  /** Who may add a photo where, checked before the body is read (onRequest, after the token). */
  async function mayUpload(request: FastifyRequest<UploadRequest>, reply: FastifyReply): Promise<void> {
    const principal = principalOf(request);
    if (principal.role === 'recipient')
      throw new AppError('forbidden', 'A recipient reads the report; it adds no photos');
    const query = parseRequest(photoUploadQuery, request.query);
    const session = await existingSession(store, principal.sessionId);
    if (session.locked) throw new AppError('session_locked');
    if (auth.docAccess(principal, query.doc) !== 'write' || !isSessionDocument(session, principal, query.doc)) {
      throw new AppError('forbidden', 'This token may not write on that board');
    }
    const wait = uploads.retryAfterMs(uploaderKey(principal), Date.now());
    if (wait > 0) {
      void reply.header('retry-after', Math.ceil(wait / 1000));
      throw new AppError('rate_limited', 'Too many photos in a short time; wait a minute and try again');
    }
  }

  app.post<UploadRequest>(
    '/api/sessions/:id/photos',
    {
      bodyLimit: LIMITS.photoUploadBytes,
      onRequest: [requireSessionToken, mayUpload],
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { doc: docName, card: cardId, caption } = parseRequest(photoUploadQuery, request.query);
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new AppError('bad_request', 'Send the photo as the request body');
      const writer = writerFor(await control.stateOf(principal.sessionId), docName, principal);

      return control.withRooms([docName], async ([room]) => {
        // A photo goes on a card that is there and that this person may write on now.
        const entry = cardsMap(room!.doc).get(cardId);
        const card = entry ? readCard(cardId, entry) : null;
        if (!card) throw new AppError('not_found', 'That card is no longer on the board');
        if (columnVerdict(writer, card.column)) {
          throw new AppError('invalid_command', 'Photos go on cards of a column that is open in this round');
        }
        uploads.record(uploaderKey(principal), Date.now());
        const processed = await processPhoto(body);
        const photo: PhotoRecord = {
          id: generateId(),
          sessionId: principal.sessionId,
          type: 'image/jpeg',
          width: processed.width,
          height: processed.height,
          uploadedBy: principal.participantId ?? principal.role,
          createdAt: Date.now(),
          full: processed.full,
          preview: processed.preview,
        };
        await store.addPhoto(photo, LIMITS.photosPerSession);
        const ref: PhotoRef = { id: photo.id, caption, width: photo.width, height: photo.height };
        let previous: PhotoRef | null = null;
        let attached = false;
        await room!.transactServer((doc) => {
          const current = cardsMap(doc).get(cardId);
          if (!current) return;
          previous = readPhotoRef(current.get(PHOTO_KEY));
          current.set(PHOTO_KEY, ref);
          attached = true;
        });
        const replaced = previous as PhotoRef | null;
        // The card went while the photo was processed, or the card had a photo before: not kept.
        const orphan = attached ? replaced?.id : photo.id;
        if (orphan) await store.deletePhoto(principal.sessionId, orphan);
        if (!attached) throw new AppError('not_found', 'That card is no longer on the board');
        await audit(request, 'photo:upload', { photoId: photo.id, doc: docName, card: cardId, bytes: body.length });
        const res: PhotoUploadResponse = ref;
        return reply.status(201).send(res);
      });
    },
  );

  app.get<GetRequest>(
    '/api/sessions/:id/photos/:photoId',
    { onRequest: requireSessionToken },
    async (request, reply) => {
      const { size = 'full' } = parseRequest(photoGetQuery, request.query);
      const { photoId } = request.params;
      // Looked up under the token's own session only: another session's photo id finds nothing.
      const photo = isPhotoId(photoId) ? await store.getPhoto(principalOf(request).sessionId, photoId, size) : null;
      if (!photo) throw new AppError('not_found', 'This session has no photo with this id');
      return reply
        .headers({ ...PRIVATE_HEADERS, 'cache-control': 'private, no-store' })
        .header('content-type', photo.type)
        .header('content-disposition', `inline; filename="photo-${photoId}${size === 'full' ? '' : `-${size}`}.jpg"`)
        .header('cross-origin-resource-policy', 'same-origin')
        .send(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength));
    },
  );
}
