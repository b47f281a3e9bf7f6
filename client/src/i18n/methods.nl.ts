/** Issue 15: the case holder's rating of questions (Socratic intervision) and the listening case holder. */
export const ratingNl = {
  legend: 'Hoe landt deze vraag bij jou?',
  ratings: { warm: 'Warm', neutral: 'Neutraal', cold: 'Koud' } as Record<string, string>,
  clear: 'Wis',
  clearLabel: 'Wis de weging van deze vraag',
  saved: 'Weging bewaard; iedereen ziet hem.',
  cleared: 'Weging gewist.',
  progress: (n: number, total: number) => `${n} van ${total} vragen gewogen`,
  /** "Jij nu: …" in the rating round and in a round where the case holder only listens. */
  task: 'Geef elke vraag warm, neutraal of koud en beantwoord de warme vragen hardop.',
  listening: 'Jij luistert in deze ronde: je ziet het bord, maar schrijft en reageert niet.',
};

/** Issue 15: the case holder's private notes (Roddelmethode) and their own copy of the report. */
export const privateNotesNl = {
  heading: 'Mijn aantekeningen',
  privacy: 'Alleen jij ziet wat je hier schrijft, de procesbegeleider ook niet. Het staat niet op het bord.',
  listening: 'Je luistert nu mee: schrijf hier op wat je raakt en wat je wilt onthouden.',
  label: 'Aantekeningen (alleen voor jou)',
  inReport: 'Neem mijn aantekeningen op in mijn exemplaar van het adviesrapport',
  loading: 'Aantekeningen laden…',
  loadFailed: 'Je aantekeningen konden niet worden geladen.',
  saving: 'Bezig met opslaan…',
  saved: 'Opgeslagen',
  unsaved: 'Nog niet opgeslagen',
  saveFailed: (detail: string) => `Niet opgeslagen: ${detail}`,
  copyHeading: 'Mijn exemplaar van het rapport',
  copyWith: 'Met je aantekeningen; het rapport van de anderen bevat ze nooit.',
  copyWithout: 'Zonder je aantekeningen, zoals de anderen het rapport krijgen.',
  download: (label: string) => `${label} downloaden`,
  downloadFailed: 'Downloaden is mislukt',
};
