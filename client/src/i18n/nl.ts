import type { Column } from '@casusbord/shared';

/**
 * Dutch UI strings: the default locale and the source of the dictionary's shape.
 * Every other locale must provide the same keys (checked by the `Messages` type).
 */
export const nl = {
  appName: 'Casusbord',
  tagline: 'Samen een casus doordenken: vragen, valkuilen, kansen en adviezen op één bord.',
  languageSwitch: 'English',
  languageSwitchLabel: 'Switch to English',

  createHeading: 'Nieuwe bijeenkomst',
  createIntro: 'Jij begeleidt het proces. Deelnemers doen mee met de code die je hierna krijgt.',
  createTitle: 'Titel',
  createTitlePlaceholder: 'Intervisie wijkenaanpak',
  createCity: 'Stad of gemeente',
  createCityPlaceholder: 'Amersfoort',
  createQuestion: 'Kernvraag',
  createQuestionPlaceholder: 'Hoe krijgen we de partners in de wijk in één team?',
  createCaseHolder: 'Casusinbrenger (optioneel)',
  createCaseHolderPlaceholder: 'Naam van wie de casus inbrengt',
  createSubmit: 'Bijeenkomst starten',
  createBusy: 'Bezig met aanmaken…',

  joinHeading: 'Meedoen met een code',
  joinIntro: 'Vul de code in die de procesbegeleider laat zien, en je naam.',
  joinCode: 'Code',
  joinCodePlaceholder: 'AB3K9X',
  joinName: 'Je naam',
  joinNamePlaceholder: 'Voornaam of naam',
  joinSubmit: 'Meedoen',
  joinBusy: 'Bezig met aanmelden…',

  noCredentials:
    'Je bent niet aangemeld bij deze bijeenkomst in deze browser. Doe mee met de code van de procesbegeleider.',
  sessionGone: 'Deze bijeenkomst bestaat niet (meer). Doe mee met een geldige code.',
  notFoundPage: 'Deze pagina bestaat niet.',
  backHome: 'Naar de startpagina',
  loading: 'Laden…',
  dismiss: 'Sluiten',

  kernvraag: 'Kernvraag',
  caseHolder: 'Casusinbrenger',
  joinCodeLabel: 'Code om mee te doen',
  joinLinkLabel: 'Link om mee te doen',
  copyLink: 'Kopieer link',
  copyLinkLabel: 'Kopieer de link om mee te doen',
  copied: 'Gekopieerd',
  copyFailed: 'Kopiëren lukte niet; selecteer de link zelf.',
  leave: 'Verlaten',
  leaveLabel: 'Deze bijeenkomst verlaten op dit apparaat',

  columnTitles: {
    question: 'Vragen',
    pitfall: 'Valkuilen',
    opportunity: 'Kansen',
    advice: 'Adviezen',
  } satisfies Record<Column, string>,
  columnEmpty: {
    question: 'Nog geen vragen. Welke verhelderende vraag wil je de casusinbrenger stellen?',
    pitfall: 'Nog geen valkuilen. Wat kan misgaan, wat werkt nu niet, waar wacht iedereen op elkaar?',
    opportunity: 'Nog geen kansen. Wat is er al, wie kan helpen, waar zit energie?',
    advice: 'Nog geen adviezen. Wat zou jij de casusinbrenger concreet aanraden?',
  } satisfies Record<Column, string>,
  addPlaceholder: {
    question: 'Nieuwe vraag…',
    pitfall: 'Nieuwe valkuil…',
    opportunity: 'Nieuwe kans…',
    advice: 'Nieuw advies…',
  } satisfies Record<Column, string>,
  addLabel: (column: string) => `Nieuwe kaart in ${column}`,
  addSubmit: 'Toevoegen',
  addHintShort: 'Shift+Enter: nieuwe regel',
  addHint: 'Enter voegt toe, Shift+Enter is een nieuwe regel.',
  charsLeft: (n: number) => `nog ${n} tekens`,
  cardTextLabel: (author: string) => `Kaart van ${author}`,
  cardDelete: 'Kaart verwijderen',
  cardDeleted: 'Kaart verwijderd',
  undo: 'Ongedaan maken',
  authorHost: 'Procesbegeleider',
  authorUnknown: 'Onbekend',

  presenceHeading: 'Aanwezig',
  presenceEmpty: 'Nog niemand verbonden.',
  presenceOnline: 'online',
  presenceOffline: 'niet verbonden',
  presenceYou: '(jij)',
  roleTitles: { host: 'Procesbegeleider', participant: 'Deelnemer', recipient: 'Ontvanger' },

  statusOnline: 'Verbonden',
  statusConnecting: 'Verbinden…',
  statusReconnecting: 'Opnieuw verbinden…',
  statusOffline: 'Offline',
  statusOfflinePending: (n: number) => `Offline — ${n} ${n === 1 ? 'wijziging' : 'wijzigingen'} nog niet verzonden`,
  fatalUnauthorized: 'Je toegang tot dit bord is niet (meer) geldig. Meld je opnieuw aan met de code.',
  fatalForbidden: 'Je mag dit bord niet openen.',
  fatalNotFound: 'Dit bord bestaat niet (meer).',
  fatalBadOrigin: 'De server weigert verbindingen vanaf dit adres.',

  errors: {
    session_not_found: 'Er is geen bijeenkomst met deze code. Controleer de code.',
    not_found: 'Niet gevonden.',
    validation_failed: 'Niet alle velden zijn goed ingevuld.',
    bad_request: 'De invoer klopt niet.',
    unauthorized: 'Je bent niet (meer) aangemeld voor deze bijeenkomst.',
    forbidden: 'Dat mag je in deze rol niet doen.',
    session_full: 'Deze bijeenkomst is vol.',
    session_locked: 'Deze bijeenkomst is gesloten voor nieuwe deelnemers.',
    rate_limited: 'Te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw.',
    payload_too_large: 'De invoer is te lang.',
    network: 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
    unknown: 'Er ging iets mis. Probeer het opnieuw.',
  } as Record<string, string>,
};

type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { [K in keyof T]: Widen<T[K]> };

/** The shape every locale implements. */
export type Messages = Widen<typeof nl>;
