import type { Messages } from './nl';

/** English strings of issue 16's dilemma line; the shape comes from dilemma.nl.ts through `Messages`. */
export const dilemmaEn: Messages['dilemma'] = {
  heading: 'Dilemma',
  between: (left, right) => `Between “${left}” and “${right}”`,
  count: (n) =>
    n === 0
      ? 'Nobody has placed a marker yet.'
      : `${n === 1 ? '1 participant has' : `${n} participants have`} placed a marker.`,
  hidden: 'You see where the others stand once the facilitator reveals it.',
  revealed: 'Revealed: each dot is one participant, without a name.',
  placeLabel: 'Where do you stand between the two poles?',
  valueText: (v, left, right) => (v === 50 ? '50: right in the middle' : `${v}: closer to “${v < 50 ? left : right}”`),
  place: 'Place my marker',
  move: 'Move my marker',
  placed: 'Your marker is placed; only you see where.',
  mine: (v) => `Your marker is at ${v} of 100.`,
  mineLabel: 'your marker',
  plotLabel: (summary) => `Spread of the markers. ${summary}`,
  host: {
    heading: 'Dilemma line',
    intro:
      'Set a dilemma with two poles. Every participant places one marker; nobody (you neither) sees where the others stand until you reveal.',
    textLabel: 'The dilemma in one sentence (optional)',
    textPlaceholder: 'For example: who has the last word in the neighbourhood?',
    leftLabel: 'Left pole',
    leftPlaceholder: 'For example: the municipality keeps control',
    rightLabel: 'Right pole',
    rightPlaceholder: 'For example: residents get the room',
    set: 'Set the dilemma',
    setAnother: 'Set a new dilemma',
    setDone: 'The dilemma is on every board and the beamer.',
    reveal: 'Reveal the markers',
    revealDone: 'The markers are revealed.',
    current: 'On the boards now',
  },
};
