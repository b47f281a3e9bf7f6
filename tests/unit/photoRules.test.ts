import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  LIMITS,
  PHOTO_KEY,
  addCard,
  cardsMap,
  createRoundState,
  isPhotoRef,
  openBoardRound,
  readCardDetails,
  readCards,
  sniffPhotoFormat,
  typeBoardRoots,
  unusedPhotos,
  writerFor,
  type PhotoRef,
} from '@casusbord/shared';
import { analyse, createPolicyMemory, type PolicyMemory } from '../../server/src/yjs/writePolicy';
import { oneTableSession } from '../helpers/sessionState';

/** Issue 16: which files are photos, what a card's photo reference is, and that only the server writes one. */

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(12).fill(0)]);

describe('photos: formats by their first bytes', () => {
  it('knows JPEG, PNG and WebP and nothing else', () => {
    expect(sniffPhotoFormat(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffPhotoFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(sniffPhotoFormat(new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('webp');
    expect(sniffPhotoFormat(new TextEncoder().encode('GIF89a......'))).toBeNull();
    expect(sniffPhotoFormat(new TextEncoder().encode('RIFF\x10\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffPhotoFormat(new TextEncoder().encode('Dit is geen foto.'))).toBeNull();
    expect(sniffPhotoFormat(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });

  it('a photo reference is exactly { id, caption, width, height } within the limits', () => {
    const ref: PhotoRef = { id: 'Abcdefgh12345678', caption: 'De binnentuin', width: 2048, height: 1536 };
    expect(isPhotoRef(ref)).toBe(true);
    expect(isPhotoRef({ ...ref, extra: 1 })).toBe(false);
    expect(isPhotoRef({ ...ref, id: '../other/photo' })).toBe(false);
    expect(isPhotoRef({ ...ref, width: LIMITS.photoEdgePx + 1 })).toBe(false);
    expect(isPhotoRef({ ...ref, caption: 'x'.repeat(LIMITS.photoCaptionChars + 1) })).toBe(false);
    expect(isPhotoRef('Abcdefgh12345678')).toBe(false);
  });
});

/** One table in a running open round, in which Ben writes every column. */
const stateOpen = () =>
  oneTableSession('intervision-90', { ...createRoundState([openBoardRound('o')]), status: 'running', endsAt: 1 });

describe('photos: the write policy lets only the server attach one', () => {
  const ben = { role: 'participant' as const, participantId: 'ben', groupId: 't1' };
  const photo: PhotoRef = { id: 'Photo0000000001a', caption: 'Speeltuin achter de flat', width: 800, height: 600 };

  /** A room's document and policy memory; `client` applies a write as Ben's update. */
  function room() {
    const doc = new Y.Doc();
    typeBoardRoots(doc);
    const memory: PolicyMemory = createPolicyMemory();
    const client = (write: (d: Y.Doc) => void) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      const sv = Y.encodeStateVector(copy);
      write(copy);
      let result: ReturnType<typeof analyse> | null = null;
      const listener = (tr: Y.Transaction) => {
        if (tr.origin === 'client') result = analyse(doc, tr, writerFor(stateOpen(), 'sess1234.t1', ben), memory);
      };
      doc.on('afterTransaction', listener);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy, sv), 'client');
      doc.off('afterTransaction', listener);
      const r = result as ReturnType<typeof analyse> | null;
      doc.transact((tr) => r?.fixes.forEach((fix) => fix(tr)), 'policy');
      return { refusals: r?.refusals ?? [], copy };
    };
    return { doc, client };
  }
  const photoOf = (doc: Y.Doc, id: string) => readCardDetails(doc).find((c) => c.id === id)?.photo;

  it('refuses a photo a client sets on a new card or an existing one, and its removal', () => {
    const { doc, client } = room();
    expect(
      client((d) => addCard(d, { id: 'c1', column: 'pitfall', text: 'Donker', authorId: 'ben', createdAt: 1, photo }))
        .refusals,
    ).toEqual(['photo']);
    expect(readCards(doc).map((c) => c.id)).toEqual(['c1']);
    expect(photoOf(doc, 'c1')).toBeUndefined();

    expect(client((d) => cardsMap(d).get('c1')!.set(PHOTO_KEY, photo)).refusals).toEqual(['photo']);
    expect(photoOf(doc, 'c1')).toBeUndefined();

    // What the upload route writes stays; a client can neither change nor remove it.
    doc.transact(() => cardsMap(doc).get('c1')!.set(PHOTO_KEY, photo), 'server');
    expect(photoOf(doc, 'c1')).toEqual(photo);
    const other = { ...photo, id: 'Photo0000000002b' };
    expect(client((d) => cardsMap(d).get('c1')!.set(PHOTO_KEY, other)).refusals).toEqual(['photo']);
    expect(client((d) => cardsMap(d).get('c1')!.delete(PHOTO_KEY)).refusals).toEqual(['photo']);
    expect(photoOf(doc, 'c1')).toEqual(photo);
  });

  it('an undone deletion brings the same photo back; another photo under that card id is refused', () => {
    const { doc, client } = room();
    client((d) => addCard(d, { id: 'c2', column: 'opportunity', text: 'Plein', authorId: 'ben', createdAt: 1 }));
    doc.transact(() => cardsMap(doc).get('c2')!.set(PHOTO_KEY, photo), 'server');

    // The board's undo (removeCard in client/src/board/actions.ts) adds the card's snapshot back.
    const snapshot = readCards(doc)[0]!;
    expect(snapshot.photo).toEqual(photo);
    expect(client((d) => cardsMap(d).delete('c2')).refusals).toEqual([]);
    expect(client((d) => addCard(d, snapshot)).refusals).toEqual([]);
    expect(photoOf(doc, 'c2')).toEqual(photo);

    client((d) => cardsMap(d).delete('c2'));
    const forged = { ...snapshot, photo: { ...photo, id: 'Photo0000000003c' } };
    expect(client((d) => addCard(d, forged)).refusals).toEqual(['photo']);
    expect(readCards(doc).map((c) => c.text)).toEqual(['Plein']);
    expect(photoOf(doc, 'c2')).toBeUndefined();
  });
});

describe('photos: which go at the handover', () => {
  it('keeps every photo a card on a board or a draft refers to, in the order given, and only those', () => {
    const board = new Y.Doc();
    const draft = new Y.Doc();
    const ref = (id: string): PhotoRef => ({ id, caption: 'Plein', width: 4, height: 3 });
    addCard(board, {
      id: 'c1',
      column: 'pitfall',
      text: 'a',
      authorId: 'p1',
      createdAt: 1,
      photo: ref('photoonboard0000'),
    });
    addCard(draft, {
      id: 'c2',
      column: 'advice',
      text: 'b',
      authorId: 'p1',
      createdAt: 2,
      photo: ref('photoondraft0000'),
    });
    addCard(board, { id: 'c3', column: 'question', text: 'c', authorId: 'p2', createdAt: 3 });
    const ids = ['photocardgone000', 'photoondraft0000', 'photoonboard0000', 'photoreplaced000'];
    expect(unusedPhotos(ids, [board, draft])).toEqual(['photocardgone000', 'photoreplaced000']);
    expect(unusedPhotos(ids, [])).toEqual(ids);
    cardsMap(board).delete('c1');
    expect(unusedPhotos(ids, [board, draft])).toEqual(['photocardgone000', 'photoonboard0000', 'photoreplaced000']);
  });
});
