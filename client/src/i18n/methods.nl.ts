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
