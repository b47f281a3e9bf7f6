import type { Column, Locale, ReportPhoto } from '@casusbord/shared';

/**
 * The report's words around site-visit photos (issue 16), in both languages, for every format.
 * Captions and card texts pass through unchanged; each renderer escapes them for its format.
 */

interface PhotoTexts {
  heading: string;
  column: Record<Column, string>;
  /** Where a photo is: "On the card (pitfall): <text>"; an empty card text says only the column. */
  onCard(column: Column, text: string): string;
  gone: string;
  /** Markdown carries no images: the note says where they are. */
  markdownNote: string;
}

const nl: PhotoTexts = {
  heading: "Foto's",
  column: { question: 'vraag', pitfall: 'valkuil', opportunity: 'kans', advice: 'advies' },
  onCard: (column, text) =>
    text ? `Op de kaart (${nl.column[column]}): ${text}` : `Op een kaart (${nl.column[column]})`,
  gone: 'Deze foto is niet meer bewaard.',
  markdownNote:
    "De foto's zelf staan in de Word- en PDF-versie en op de webpagina van dit rapport; hier staan alleen hun onderschriften.",
};

const en: PhotoTexts = {
  heading: 'Photos',
  column: { question: 'question', pitfall: 'pitfall', opportunity: 'opportunity', advice: 'advice' },
  onCard: (column, text) => (text ? `On the card (${en.column[column]}): ${text}` : `On a card (${en.column[column]})`),
  gone: 'This photo is no longer stored.',
  markdownNote:
    'The photos themselves are in the Word and PDF versions and on the web page of this report; this lists their captions only.',
};

export function photoTextsFor(locale: Locale): PhotoTexts {
  return locale === 'en' ? en : nl;
}

/** The size a photo is drawn at: at most `maxWidth` × `maxHeight`, never enlarged, aspect kept. */
export function fitPhoto(photo: Pick<ReportPhoto, 'width' | 'height'>, maxWidth: number, maxHeight: number) {
  const scale = Math.min(1, maxWidth / photo.width, maxHeight / photo.height);
  return { width: Math.max(1, Math.round(photo.width * scale)), height: Math.max(1, Math.round(photo.height * scale)) };
}
