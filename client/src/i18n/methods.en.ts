import type { ratingNl } from './methods.nl';

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
