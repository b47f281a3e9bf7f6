import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  PHOTO_KEY,
  addCard,
  cardsMap,
  draftDocName,
  readCardDetails,
  type CreateSessionResponse,
  type JoinResponse,
  type PhotoRef,
} from '@casusbord/shared';
import { purgeExpired } from '../../server/src/sessions';
import { createSession, join } from '../helpers/api';
import { command, openBoard } from '../helpers/control';
import { fetchReport, handOver } from '../helpers/handover';
import { exifHasGps, fetchPhoto, gifBytes, pngBytes, pngClaiming, siteVisitJpeg, uploadPhoto } from '../helpers/photos';
import { describeWithRedis, redisServers } from '../helpers/redis';
import { startServer, tempDataDir } from '../helpers/server';
import { useTestServer, type StartServer } from '../helpers/testServer';
import { recordRefusals, type Peer } from '../helpers/yjs';
import { waitFor } from '../helpers/wait';

/**
 * Issue 16, site-visit photos, on the real server: what is refused and how clearly, that a real
 * phone JPEG loses its GPS position and the rest of its EXIF, who may see a photo, that photos go
 * with their session (deletion, retention), and that the report in every format shows them. Run
 * on SQLite and on Redis.
 */
function registerPhotoSuite(engine: string, start: StartServer): void {
  describe(`photos (${engine})`, () => {
    const server = useTestServer(start);

    /** A session in an open round with Ben's pitfall card `card` on the table board. */
    async function sessionWithCard(): Promise<{
      s: CreateSessionResponse;
      ben: JoinResponse;
      peer: Peer;
      card: string;
    }> {
      const s = await createSession(server.url, { title: 'Werkbezoek Kruiskamp' });
      const ben = await join(server.url, s.joinCode, 'Ben');
      await openBoard(server.url, s.hostToken);
      const [peer] = await server.syncedPeers([s.docName, ben.token]);
      const card = `card${Math.random().toString(36).slice(2, 10)}`;
      addCard(peer.doc, {
        id: card,
        column: 'pitfall',
        text: 'Donkere onderdoorgang',
        authorId: ben.participantId,
        createdAt: Date.now(),
      });
      return { s, ben, peer, card };
    }

    /** A session with Ben's card and a photo Ben uploaded to it (a small PNG unless `body` says). */
    async function cardWithPhoto(caption: string, body?: Buffer) {
      const setup = await sessionWithCard();
      const { s, ben, card } = setup;
      const res = await uploadPhoto(
        server.url,
        s.sessionId,
        ben.token,
        { doc: s.docName, card, caption },
        body ?? (await pngBytes()),
      );
      expect(res.status).toBe(201);
      return { ...setup, ref: res.json as PhotoRef };
    }

    const photoOn = (peer: Peer, card: string) => readCardDetails(peer.doc).find((c) => c.id === card)?.photo;

    it('refuses what is no JPEG, PNG or WebP with 415 and says which types are taken', async () => {
      const { s, ben, card } = await sessionWithCard();
      const q = { doc: s.docName, card, caption: 'Onderdoorgang' };
      const gif = await uploadPhoto(server.url, s.sessionId, ben.token, q, await gifBytes(), 'image/gif');
      expect(gif.status).toBe(415);
      expect(gif.json.error).toEqual({
        code: 'unsupported_media_type',
        message: expect.stringMatching(/JPEG, PNG and WebP/),
      });
      // A text file renamed .jpg and sent as image/jpeg: the bytes decide, not the name or the type.
      const text = Buffer.from('Notities van de wijkwandeling, geen foto.\n');
      const renamed = await uploadPhoto(server.url, s.sessionId, ben.token, q, text, 'image/jpeg');
      expect(renamed.status).toBe(415);
      expect(renamed.json.error?.code).toBe('unsupported_media_type');
      // Starts like a JPEG, is none: 400 with a reason, never a 500.
      const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
      const damaged = await uploadPhoto(server.url, s.sessionId, ben.token, q, broken);
      expect(damaged.status).toBe(400);
      expect(damaged.json.error?.message).toMatch(/could not be read/);
      const empty = await uploadPhoto(server.url, s.sessionId, ben.token, q, Buffer.alloc(0));
      expect(empty.status).toBe(400);
      // A caption is required and bounded.
      const noCaption = await uploadPhoto(server.url, s.sessionId, ben.token, { ...q, caption: ' ' }, await pngBytes());
      expect(noCaption.status).toBe(400);
      expect(noCaption.json.error?.code).toBe('validation_failed');
      expect(await server.app.deps.store.listPhotos(s.sessionId)).toEqual([]);
    });

    it('refuses a body over the size limit and a photo over the pixel limit with 413', async () => {
      const { s, ben, card } = await sessionWithCard();
      const q = { doc: s.docName, card, caption: 'Te groot' };
      const big = Buffer.concat([await siteVisitJpeg(64, 48), Buffer.alloc(LIMITS.photoUploadBytes)]);
      const tooLarge = await uploadPhoto(server.url, s.sessionId, ben.token, q, big);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.json.error).toEqual({
        code: 'payload_too_large',
        message: expect.stringMatching(/at most 8 MiB/),
      });
      const bomb = await uploadPhoto(server.url, s.sessionId, ben.token, q, pngClaiming(20_000, 20_000), 'image/png');
      expect(bomb.status).toBe(413);
      expect(bomb.json.error?.message).toMatch(/million pixels/);
      // The server is fine afterwards: a real photo still goes through.
      const ok = await uploadPhoto(server.url, s.sessionId, ben.token, q, await pngBytes());
      expect(ok.status).toBe(201);
    });

    it('strips EXIF with the GPS position from a real JPEG, turns it upright and puts it on the card for everyone', async () => {
      const { s, ben, peer, card } = await sessionWithCard();
      const anna = await join(server.url, s.joinCode, 'Anna');
      const [annaPeer] = await server.syncedPeers([s.docName, anna.token]);
      const jpeg = await siteVisitJpeg(1200, 900);
      const input = await sharp(jpeg).metadata();
      expect(exifHasGps(input.exif)).toBe(true);
      expect(input.orientation).toBe(6);

      const res = await uploadPhoto(
        server.url,
        s.sessionId,
        ben.token,
        { doc: s.docName, card, caption: 'Onderdoorgang bij avond' },
        jpeg,
      );
      expect(res.status).toBe(201);
      const ref = res.json as PhotoRef;
      // Upright: the sideways 1200×900 is shown 900×1200.
      expect(ref).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
        caption: 'Onderdoorgang bij avond',
        width: 900,
        height: 1200,
      });
      await waitFor(
        'photo on both peers',
        () => photoOn(annaPeer, card)?.id === ref.id && photoOn(peer, card)?.id === ref.id,
      );
      expect(photoOn(annaPeer, card)).toEqual(ref);

      for (const size of ['full', 'preview'] as const) {
        const served = await fetchPhoto(server.url, s.sessionId, ref.id, anna.token, size);
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toBe('image/jpeg');
        expect(served.headers.get('cache-control')).toMatch(/^private/);
        expect(served.headers.get('x-content-type-options')).toBe('nosniff');
        const meta = await sharp(served.body).metadata();
        expect(meta.format).toBe('jpeg');
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(meta.orientation).toBeUndefined();
        expect(served.body.includes(Buffer.from('Casusbord test camera'))).toBe(false);
        expect(meta.height! > meta.width!).toBe(true);
        expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(
          size === 'full' ? LIMITS.photoEdgePx : LIMITS.photoPreviewEdgePx,
        );
      }
      // What the store keeps has no EXIF either.
      const [stored] = await server.app.deps.store.listPhotos(s.sessionId);
      expect((await sharp(Buffer.from(stored!.full)).metadata()).exif).toBeUndefined();

      // A second upload to the card replaces the photo; the first is not kept.
      const second = await uploadPhoto(
        server.url,
        s.sessionId,
        anna.token,
        { doc: s.docName, card, caption: 'Nog een keer' },
        await pngBytes(),
      );
      expect(second.status).toBe(201);
      await waitFor('replaced photo', () => photoOn(peer, card)?.caption === 'Nog een keer');
      expect((await fetchPhoto(server.url, s.sessionId, ref.id, anna.token)).status).toBe(404);
      expect((await server.app.deps.store.listPhotos(s.sessionId)).map((p) => p.id)).toEqual([
        (second.json as PhotoRef).id,
      ]);
    });

    it('serves a photo to tokens of its session only, never without one or to another session', async () => {
      const { s, ben, card, ref } = await cardWithPhoto('Binnentuin');
      const { id } = ref;
      const other = await createSession(server.url);
      expect((await fetchPhoto(server.url, s.sessionId, id, null)).status).toBe(401);
      expect((await fetchPhoto(server.url, s.sessionId, id, 'not-a-token')).status).toBe(401);
      // Another session's token on this session's path: refused; on its own path: nothing there.
      expect((await fetchPhoto(server.url, s.sessionId, id, other.hostToken)).status).toBe(403);
      const guessed = await fetchPhoto(server.url, other.sessionId, id, other.hostToken);
      expect(guessed.status).toBe(404);
      expect(guessed.body.toString()).toMatch(/"not_found"/);
      expect((await fetchPhoto(server.url, s.sessionId, id, s.hostToken)).status).toBe(200);
      expect((await fetchPhoto(server.url, s.sessionId, '..%2f..%2fetc', s.hostToken)).status).toBe(404);

      // Uploads: a token is required, of this session, that writes on that board.
      const body = await pngBytes();
      const q = { doc: s.docName, card, caption: 'x' };
      expect((await uploadPhoto(server.url, s.sessionId, null, q, body)).status).toBe(401);
      expect((await uploadPhoto(server.url, s.sessionId, other.hostToken, q, body)).status).toBe(403);
      expect((await uploadPhoto(server.url, other.sessionId, other.hostToken, q, body)).status).toBe(403);
      const gone = await uploadPhoto(server.url, s.sessionId, ben.token, { ...q, card: 'no-such-card' }, body);
      expect(gone.status).toBe(404);

      // The recipient's read-only token sees the photo and adds none.
      const handover = await handOver(server.url, s.sessionId, s.hostToken);
      expect((await fetchPhoto(server.url, s.sessionId, id, handover.reportToken)).status).toBe(200);
      const byRecipient = await uploadPhoto(server.url, s.sessionId, handover.reportToken, q, body);
      expect(byRecipient.status).toBe(403);
      // Handed over: nobody adds photos any more.
      expect((await uploadPhoto(server.url, s.sessionId, ben.token, q, body)).json.error?.code).toBe('session_locked');
    });

    it('a client cannot put a photo id on a card itself', async () => {
      const { peer, card, ref: real } = await cardWithPhoto('Echt');
      await waitFor('photo on the card', () => photoOn(peer, card)?.id === real.id);
      const refusals = recordRefusals(peer);
      const forged: PhotoRef = { ...real, id: 'Forged0000000000' };
      cardsMap(peer.doc).get(card)!.set(PHOTO_KEY, forged);
      await waitFor('refusal', () => refusals.some((r) => r.startsWith('not_allowed')));
      await waitFor('photo put back', () => photoOn(peer, card)?.id === real.id);
    });

    it('photos are gone after the host deletes the session', async () => {
      const { s, ref } = await cardWithPhoto('Speeltuin', await siteVisitJpeg(320, 240));
      const { id } = ref;
      expect(await server.app.deps.store.getPhoto(s.sessionId, id, 'full')).not.toBeNull();
      const deleted = await fetch(`${server.url}/api/sessions/${s.sessionId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${s.hostToken}` },
      });
      expect(deleted.status).toBe(204);
      expect(await server.app.deps.store.getPhoto(s.sessionId, id, 'full')).toBeNull();
      expect(await server.app.deps.store.getPhoto(s.sessionId, id, 'preview')).toBeNull();
      expect(await server.app.deps.store.listPhotos(s.sessionId)).toEqual([]);
      expect((await fetchPhoto(server.url, s.sessionId, id, s.hostToken)).status).toBe(401);
    });

    it('at the handover, the photo of a deleted card is deleted; the photos cards still show stay', async () => {
      const { s, ben, peer, card, ref: kept } = await cardWithPhoto('Speeltuin');
      addCard(peer.doc, {
        id: 'gone1',
        column: 'pitfall',
        text: 'Losse stoeptegels',
        authorId: ben.participantId,
        createdAt: Date.now(),
      });
      const onServer = async (id: string) => {
        const room = await server.app.deps.registry.peek(s.docName);
        return room !== null && cardsMap(room.doc).has(id);
      };
      await waitFor('the second card on the server', () => onServer('gone1'));
      const res = await uploadPhoto(
        server.url,
        s.sessionId,
        ben.token,
        { doc: s.docName, card: 'gone1', caption: 'Stoep' },
        await pngBytes(),
      );
      expect(res.status).toBe(201);
      const dropped = (res.json as PhotoRef).id;
      await waitFor('the photo on the card', () => photoOn(peer, 'gone1')?.id === dropped);
      // Ben deletes the card again; until the handover an undo could still bring it back with its photo.
      cardsMap(peer.doc).delete('gone1');
      await waitFor('the card gone on the server', async () => !(await onServer('gone1')));
      const { store } = server.app.deps;
      expect(await store.listPhotoIds(s.sessionId)).toEqual([kept.id, dropped]);

      await handOver(server.url, s.sessionId, s.hostToken);
      expect(await store.listPhotoIds(s.sessionId)).toEqual([kept.id]);
      expect(await store.getPhoto(s.sessionId, dropped, 'full')).toBeNull();
      expect((await fetchPhoto(server.url, s.sessionId, dropped, s.hostToken)).status).toBe(404);
      expect((await fetchPhoto(server.url, s.sessionId, kept.id, s.hostToken)).status).toBe(200);
      expect(photoOn(peer, card)?.id).toBe(kept.id);
    });

    it('photos are gone after retention deletes the session', async () => {
      const { s, ref } = await cardWithPhoto('Plein');
      const { id } = ref;
      const { store, config } = server.app.deps;
      const createdAt = (await store.getSession(s.sessionId))!.createdAt;
      const now = createdAt + (config.retentionDays + 1) * 24 * 60 * 60_000;
      expect(await purgeExpired(server.app.deps, now)).toContain(s.sessionId);
      expect(await store.getPhoto(s.sessionId, id, 'full')).toBeNull();
      expect(await store.listPhotos(s.sessionId)).toEqual([]);
    });

    it('a participant adds a photo to a card in their private draft; the reveal carries it to the board', async () => {
      const s = await createSession(server.url);
      const ben = await join(server.url, s.joinCode, 'Ben');
      await openBoard(server.url, s.hostToken, undefined, { privateWriting: true });
      const draft = draftDocName(s.sessionId, ben.participantId);
      const [draftPeer] = await server.syncedPeers([draft, ben.token]);
      addCard(draftPeer.doc, {
        id: 'd1',
        column: 'pitfall',
        text: 'Geen bankjes',
        authorId: ben.participantId,
        createdAt: 1,
      });
      const res = await uploadPhoto(
        server.url,
        s.sessionId,
        ben.token,
        { doc: draft, card: 'd1', caption: 'Leeg plein' },
        await pngBytes(),
      );
      expect(res.status).toBe(201);
      // Nobody else writes in Ben's draft, also not with a photo.
      const anna = await join(server.url, s.joinCode, 'Anna');
      expect(
        (
          await uploadPhoto(
            server.url,
            s.sessionId,
            anna.token,
            { doc: draft, card: 'd1', caption: 'x' },
            await pngBytes(),
          )
        ).status,
      ).toBe(403);
      await waitFor('photo in the draft', () => photoOn(draftPeer, 'd1')?.caption === 'Leeg plein');
      const [board] = await server.syncedPeers([s.docName, anna.token]);
      const host = await server.control(s.hostToken);
      expect((await command(host, 'host:reveal', {})).ok).toBe(true);
      await waitFor('revealed card with its photo', () => photoOn(board, 'd1')?.id === (res.json as PhotoRef).id);
    });

    it('the report shows the photos with their captions: HTML, Word, PDF, and Markdown names them', async () => {
      const { s, ref } = await cardWithPhoto('Onderdoorgang zonder licht', await siteVisitJpeg(800, 600));
      const { reportToken } = await handOver(server.url, s.sessionId, s.hostToken);

      const html = (await fetchReport(server.url, reportToken, 'html')).body.toString();
      expect(html).toContain('alt="Onderdoorgang zonder licht"');
      expect(html).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]{1000,}"/);
      const page = await fetch(`${server.url}/r/${reportToken}`);
      expect(await page.text()).toContain(`data-photo-id="${ref.id}"`);

      const docx = await JSZip.loadAsync((await fetchReport(server.url, reportToken, 'docx')).body);
      const media = Object.keys(docx.files).filter((f) => f.startsWith('word/media/'));
      expect(media).toHaveLength(1);
      const embedded = await docx.file(media[0]!)!.async('nodebuffer');
      expect((await sharp(embedded).metadata()).exif).toBeUndefined();
      const xml = await docx.file('word/document.xml')!.async('string');
      expect(xml).toContain('Onderdoorgang zonder licht');
      expect(xml).toMatch(/descr="Onderdoorgang zonder licht"/);

      const dir = tempDataDir();
      const pdfFile = path.join(dir, 'report.pdf');
      fs.writeFileSync(pdfFile, (await fetchReport(server.url, reportToken, 'pdf')).body);
      const images = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(images).toHaveLength(1);
      expect(images[0]).toMatch(/\bjpeg\b/);
      expect(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' })).toContain('Onderdoorgang zonder licht');
      fs.rmSync(dir, { recursive: true, force: true });

      const md = (await fetchReport(server.url, reportToken, 'md')).body.toString();
      expect(md).toContain('Onderdoorgang zonder licht');
      expect(md).toMatch(/Word- en PDF-versie/);
    });

    it('holds each person to the upload rate', async () => {
      const { s, ben, card } = await sessionWithCard();
      const small = await siteVisitJpeg(16, 12);
      const q = { doc: s.docName, card, caption: 'Snel' };
      const statuses: number[] = [];
      for (let i = 0; i < LIMITS.photoUploadsPerMinute; i++) {
        statuses.push((await uploadPhoto(server.url, s.sessionId, ben.token, q, small)).status);
      }
      expect(statuses.every((st) => st === 201)).toBe(true);
      const limited = await uploadPhoto(server.url, s.sessionId, ben.token, q, small);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Somebody else at the table is not held back.
      const anna = await join(server.url, s.joinCode, 'Anna');
      expect((await uploadPhoto(server.url, s.sessionId, anna.token, q, small)).status).toBe(201);
    });
  });
}

registerPhotoSuite('sqlite', startServer);

await describeWithRedis('photos on the Redis store', () => {
  registerPhotoSuite('redis', redisServers('photos'));
});
