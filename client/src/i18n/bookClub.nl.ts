/**
 * Dutch strings of issue 16: the book-club opening round and the community's reading list. Kept
 * in their own file so the main dictionary only gains one key (`bookClub`).
 */
export const bookClubNl = {
  heading: 'Boekenclub',
  intro: 'Wat heb je gelezen dat de anderen in hun eigen praktijk verder helpt, en wat kunnen ze laten liggen?',
  task: 'Zet een boek of rapport neer met je oordeel, of reageer op dat van een ander.',
  formLegend: 'Een boek of rapport bespreken',
  title: 'Titel',
  author: 'Auteur of uitgever',
  link: 'Link (niet verplicht)',
  linkHint: 'Begint met https:// of http://',
  verdictLegend: 'Jouw oordeel',
  verdict: { 'must-read': 'Moet je lezen', useful: 'Bruikbaar', skip: 'Kun je overslaan' },
  why: 'In één zin: waarom?',
  submit: 'Bespreking plaatsen',
  added: 'Je bespreking staat erbij.',
  empty: 'Nog niemand heeft een boek of rapport neergezet.',
  reviewedBy: (name: string) => `besproken door ${name}`,
  remove: 'Weghalen',
  removeLabel: (title: string) => `Bespreking van „${title}” weghalen`,
  reactionsHeading: 'Reacties',
  reactionLabel: 'Jouw reactie (één per bespreking)',
  reactionSave: 'Reactie opslaan',
  reactionSaved: 'Je reactie is opgeslagen.',
  ownReview: 'Op je eigen bespreking reageren de anderen.',
  linkInvalid: 'Een link moet beginnen met https:// of http:// en mag geen spaties bevatten.',
  /** Creating a session. */
  openWith: 'Openen met een boekenclub',
  openWithHint: 'De bijeenkomst begint met een ronde waarin deelnemers een boek of rapport bespreken.',
  /** The archive's reading list. */
  readingList: 'Leeslijst van de community',
  readingListEmpty: 'Nog geen boeken of rapporten besproken.',
  fromSession: (title: string) => `uit: ${title}`,
  reactionCount: (n: number) => (n === 1 ? '1 reactie' : `${n} reacties`),
  searchKind: 'Leeslijst',
};
