import type { privateNotesNl, ratingNl } from './methods.nl';

export const ratingEn: typeof ratingNl = {
  legend: 'How does this question land with you?',
  ratings: { warm: 'Warm', neutral: 'Neutral', cold: 'Cold' },
  clear: 'Clear',
  clearLabel: 'Clear the rating of this question',
  saved: 'Rating saved; everyone sees it.',
  cleared: 'Rating cleared.',
  progress: (n: number, total: number) => `${n} of ${total} questions rated`,
  task: 'Mark each question warm, neutral or cold and answer the warm ones aloud.',
  listening: 'You listen in this round: you see the board but neither write nor respond.',
};

export const privateNotesEn: typeof privateNotesNl = {
  heading: 'My notes',
  privacy: 'Only you see what you write here, not even the facilitator. It is not on the board.',
  listening: 'You are listening in: note here what strikes you and what you want to remember.',
  label: 'Notes (only for you)',
  inReport: 'Include my notes in my copy of the advice report',
  loading: 'Loading your notes…',
  loadFailed: 'Your notes could not be loaded.',
  saving: 'Saving…',
  saved: 'Saved',
  unsaved: 'Not saved yet',
  saveFailed: (detail: string) => `Not saved: ${detail}`,
  copyHeading: 'My copy of the report',
  copyWith: "With your notes; the others' report never holds them.",
  copyWithout: 'Without your notes, as the others get the report.',
  download: (label: string) => `Download ${label}`,
  downloadFailed: 'The download failed',
};
