import { LIMITS } from '@casusbord/shared';
import type { Messages } from './nl';

const MB = LIMITS.photoUploadBytes / (1024 * 1024);
const MEGAPIXELS = Math.round(LIMITS.photoInputPixels / 1_000_000);

/** English strings of issue 16; the shape comes from photos.nl.ts through `Messages`. */
export const photosEn: Messages['photos'] = {
  add: 'Add photo',
  replace: 'Replace photo',
  addLabel: 'Add photo to this card',
  replaceLabel: 'Replace photo on this card',
  formLegend: 'Photo for this card',
  choose: 'Choose a photo',
  take: 'Take a photo',
  chosen: (name) => `Chosen: ${name}`,
  captionLabel: 'Caption: what does it show?',
  captionPlaceholder: 'For example: underpass without lights',
  submit: 'Add to card',
  cancel: 'Cancel',
  privacy: `JPEG, PNG or WebP, at most ${MB} MB. Location and other camera data are removed.`,
  uploading: (percent) => `Uploading… ${percent}%`,
  processing: 'The server is preparing the photo…',
  added: 'The photo is on the card.',
  loading: 'Loading photo…',
  loadFailed: 'This photo could not be loaded.',
  needFile: 'Choose a photo first.',
  errors: {
    unsupported_media_type: 'This file is not a photo the board takes. Choose a JPEG, PNG or WebP photo.',
    payload_too_large: `This photo is too large: at most ${MB} MB and ${MEGAPIXELS} million pixels. Choose a smaller one.`,
    bad_request: 'The photo could not be read; the file may be damaged or was not sent completely.',
    validation_failed: 'Write a caption for the photo: what does it show?',
    photo_limit: `This session already has ${LIMITS.photosPerSession} photos, the most it may have.`,
    rate_limited: 'You are adding photos in quick succession. Wait a minute, then try again.',
    not_found: 'This card is no longer on the board.',
    invalid_command: 'Photos can only go on cards in a column that is open now.',
    session_locked: 'The advice has been handed over; no more photos can be added.',
    forbidden: 'You may not add photos on this board.',
    unauthorized: 'You are no longer signed in to this session.',
    unavailable: 'The server is busy with other photos. Try again in a moment.',
    network: 'The photo could not be sent. Check your connection and try again.',
  },
};
