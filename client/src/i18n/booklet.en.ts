import type { Messages } from './nl';

/** English strings of the community booklet (issue 16), in the archive. */
export const bookletEn: Messages['booklet'] = {
  heading: 'Make a booklet',
  intro:
    'The booklet gathers, per theme, the lessons, from → to movements, reading list, dilemmas and quotes of a period: what a newcomer reads first.',
  from: 'From',
  to: 'Up to and including',
  language: 'Language of the booklet',
  languages: { nl: 'Dutch', en: 'English' },
  format: 'File',
  submit: 'Make booklet',
  busy: 'Making the booklet…',
  done: (name: string) => `The booklet has been downloaded: ${name}`,
  failed: 'The booklet could not be made.',
  badPeriod: 'Choose two valid dates; the end date may not be before the start date.',
};
