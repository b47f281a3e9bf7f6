import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { readCardDetails, type PhotoRef } from '@casusbord/shared';
import { createSession } from '../helpers/api';
import { joinByCode } from '../helpers/boardPage';
import { describeBrowser } from '../helpers/browser';
import { openBoard } from '../helpers/control';
import { serverAndBrowser } from '../helpers/e2e';
import { fetchReport, handOver } from '../helpers/handover';
import { personPage } from '../helpers/pages';
import { exifHasGps, fetchPhoto, gifBytes, siteVisitJpeg } from '../helpers/photos';
import { tempDataDir } from '../helpers/server';
import { SCREENSHOTS } from '../helpers/uiScene';
import { connectPeer, synced } from '../helpers/yjs';

const CAPTION = 'Onderdoorgang bij de Kruiskamp: geen licht, geen zicht';

describeBrowser('photo cards from the site visit, in Chromium', () => {
  const e2e = serverAndBrowser();
  const { srv, pageErrors } = e2e;

  /** The (only) pitfall card on `page`. */
  const pitfallCard = (page: Page) => page.locator('[data-testid="column-pitfall"] [data-testid="card"]').first();

  it('a participant uploads a phone JPEG with GPS; another sees it on the card without any EXIF; the report has it', async () => {
    const session = await createSession(srv.url, { title: 'Casusdag Kruiskamp: de wijkwandeling' });
    await openBoard(srv.url, session.hostToken);
    const ben = await personPage(e2e.browser, 'Ben', pageErrors);
    const anna = await personPage(e2e.browser, 'Anna', pageErrors);
    const benCreds = await joinByCode(ben, srv.url, session.joinCode, 'Ben');
    const annaCreds = await joinByCode(anna, srv.url, session.joinCode, 'Anna');

    await ben.getByTestId('add-pitfall-input').fill('Donkere onderdoorgang naar de school');
    await ben.getByTestId('add-pitfall-submit').click();
    const card = pitfallCard(ben);
    await card.getByTestId('card-photo-add').click();
    const file = card.getByTestId('card-photo-file');

    // What is no photo the board takes is refused at once, in the page's language.
    await file.setInputFiles({ name: 'wandeling.gif', mimeType: 'image/gif', buffer: await gifBytes() });
    await expect.poll(() => card.getByTestId('card-photo-error').textContent()).toMatch(/JPEG-, PNG- of WebP-foto/);
    await file.setInputFiles({ name: 'aantekeningen.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('geen foto\n') });
    await expect
      .poll(() => card.getByTestId('card-photo-error').textContent())
      .toMatch(/geen foto die het bord aanneemt/);

    // A real phone photo: sideways with Orientation 6, camera make and model, and the GPS position.
    const jpeg = await siteVisitJpeg(1600, 1200);
    expect(exifHasGps((await sharp(jpeg).metadata()).exif)).toBe(true);
    await file.setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect.poll(() => card.getByTestId('card-photo-error').count()).toBe(0);
    await card.getByTestId('card-photo-caption-input').fill(CAPTION);
    // What Anna's browser will be sent for the card, exactly as it arrives.
    const annaGets = anna.waitForResponse((r) => /\/photos\/[A-Za-z0-9]+\?size=preview$/.test(r.url()));
    await card.getByTestId('card-photo-submit').click();
    await card.getByTestId('card-photo-img').waitFor();
    expect(await card.getByTestId('card-photo-img').getAttribute('alt')).toBe(CAPTION);

    // Anna's screen: the same card shows the photo, with the caption as its alt text and under it.
    const annaCard = pitfallCard(anna);
    await expect
      .poll(() => annaCard.getByTestId('card-text').inputValue())
      .toBe('Donkere onderdoorgang naar de school');
    const img = annaCard.getByTestId('card-photo-img');
    await img.waitFor();
    expect(await img.getAttribute('alt')).toBe(CAPTION);
    expect(await annaCard.getByTestId('card-photo-caption').textContent()).toBe(CAPTION);
    // The image really loaded, upright (the sideways 1600×1200 shows taller than wide).
    const shown = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
    expect(shown.h).toBeGreaterThan(shown.w);

    // The bytes Anna's browser got carry no EXIF at all, so no GPS position.
    const response = await annaGets;
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toMatch(/^private/);
    // The same URL fetched again from Anna's page, with her token, as the app does.
    const served = Buffer.from(
      await anna.evaluate(
        async ({ url, token }) => {
          const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
          return Array.from(new Uint8Array(await res.arrayBuffer()));
        },
        { url: response.url(), token: annaCreds.token },
      ),
    );
    const previewMeta = await sharp(served).metadata();
    expect(previewMeta.format).toBe('jpeg');
    expect(previewMeta.exif).toBeUndefined();
    expect(served.includes(Buffer.from('Casusbord test camera'))).toBe(false);
    // And the full size, fetched with Anna's token as the page does.
    const photoId = await annaCard.getByTestId('card-photo').getAttribute('data-photo-id');
    const full = await fetchPhoto(srv.url, session.sessionId, photoId!, annaCreds.token, 'full');
    expect(full.status).toBe(200);
    expect(full.headers.get('cache-control')).toMatch(/^private/);
    const fullMeta = await sharp(full.body).metadata();
    expect(fullMeta.exif).toBeUndefined();
    expect(exifHasGps(fullMeta.exif)).toBe(false);
    expect([fullMeta.width, fullMeta.height]).toEqual([1200, 1600]);
    // Without a token, nothing.
    expect((await fetchPhoto(srv.url, session.sessionId, photoId!, null)).status).toBe(401);

    // For the README: the card as Anna sees it, in a window tall enough for the whole column.
    await anna.setViewportSize({ width: 1280, height: 1100 });
    await anna.locator('[data-testid="column-pitfall"]').screenshot({ path: path.join(SCREENSHOTS, 'photo-card.png') });

    // The board document holds the server's reference, nothing a client wrote.
    const peer = connectPeer(srv.wsUrl, benCreds.docName, benCreds.token);
    e2e.peers.push(peer);
    await synced(peer);
    const ref = readCardDetails(peer.doc).find((c) => c.photo)?.photo as PhotoRef;
    expect(ref).toEqual({ id: photoId, caption: CAPTION, width: 1200, height: 1600 });

    // The report for the recipient: Word and PDF carry the photo and its caption.
    const { reportToken } = await handOver(srv.url, session.sessionId, session.hostToken);
    const docx = await JSZip.loadAsync((await fetchReport(srv.url, reportToken, 'docx')).body);
    const media = Object.keys(docx.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect((await sharp(await docx.file(media[0]!)!.async('nodebuffer')).metadata()).exif).toBeUndefined();
    expect(await docx.file('word/document.xml')!.async('string')).toContain(CAPTION);

    const dir = tempDataDir();
    const pdf = path.join(dir, 'rapport.pdf');
    fs.writeFileSync(pdf, (await fetchReport(srv.url, reportToken, 'pdf')).body);
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(CAPTION);
    fs.rmSync(dir, { recursive: true, force: true });

    // The recipient's web page shows it too, with its caption as alt text.
    const recipient = await personPage(e2e.browser, 'Recipient', pageErrors);
    await recipient.goto(`${srv.url}/r/${reportToken}`);
    const reportImg = recipient.locator(`figure.photo img[alt="${CAPTION}"]`);
    await reportImg.waitFor();
    expect(await reportImg.evaluate((el: HTMLImageElement) => el.naturalWidth > 0)).toBe(true);

    expect(pageErrors).toEqual([]);
  });
});
