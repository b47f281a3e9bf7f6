import { LIMITS } from '@casusbord/shared';

const MB = LIMITS.photoUploadBytes / (1024 * 1024);
const MEGAPIXELS = Math.round(LIMITS.photoInputPixels / 1_000_000);

/**
 * Dutch strings of issue 16: site-visit photos on cards. Kept in their own file so the main
 * dictionary only gains one key (`photos`).
 */
export const photosNl = {
  add: 'Foto toevoegen',
  replace: 'Andere foto',
  /** Accessible names: each starts with the visible text of its button. */
  addLabel: 'Foto toevoegen aan deze kaart',
  replaceLabel: 'Andere foto bij deze kaart',
  formLegend: 'Foto bij deze kaart',
  choose: 'Foto kiezen',
  take: 'Foto maken',
  chosen: (name: string) => `Gekozen: ${name}`,
  captionLabel: 'Onderschrift: wat is er te zien?',
  captionPlaceholder: 'Bijvoorbeeld: onderdoorgang zonder licht',
  submit: 'Foto plaatsen',
  cancel: 'Annuleren',
  privacy: `JPEG, PNG of WebP, hoogstens ${MB} MB. Locatie en andere gegevens uit de camera worden verwijderd.`,
  uploading: (percent: number) => `Bezig met versturen… ${percent}%`,
  processing: 'De server maakt de foto klaar…',
  added: 'De foto staat op de kaart.',
  loading: 'Foto laden…',
  loadFailed: 'Deze foto kon niet worden geladen.',
  needFile: 'Kies eerst een foto.',
  errors: {
    unsupported_media_type: 'Dit bestand is geen foto die het bord aanneemt. Kies een JPEG-, PNG- of WebP-foto.',
    payload_too_large: `Deze foto is te groot: hoogstens ${MB} MB en ${MEGAPIXELS} miljoen beeldpunten. Kies een kleinere foto.`,
    bad_request: 'De foto kon niet worden gelezen; misschien is het bestand beschadigd of niet helemaal verstuurd.',
    validation_failed: 'Schrijf bij de foto een onderschrift: wat is erop te zien?',
    photo_limit: `Deze bijeenkomst heeft al ${LIMITS.photosPerSession} foto's, het maximum.`,
    rate_limited: "Je voegt snel achter elkaar foto's toe. Wacht een minuut en probeer het dan opnieuw.",
    not_found: 'Deze kaart staat niet meer op het bord.',
    invalid_command: "Foto's kunnen alleen bij kaarten in een kolom die nu open is.",
    session_locked: "Het advies is overgedragen; er kunnen geen foto's meer bij.",
    forbidden: "Je mag op dit bord geen foto's toevoegen.",
    unauthorized: 'Je bent niet (meer) aangemeld voor deze bijeenkomst.',
    unavailable: "De server is even druk met andere foto's. Probeer het zo opnieuw.",
    network: 'De foto kon niet worden verstuurd. Controleer je verbinding en probeer het opnieuw.',
  } as Record<string, string>,
};
