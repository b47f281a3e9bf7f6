import { LIMITS } from '@casusbord/shared';
import type { Messages } from './nl';

/** English strings of issue 16's from → to table; the shape comes from fromTo.nl.ts through `Messages`. */
export const fromToEn: Messages['fromTo'] = {
  heading: 'From → to',
  intro: 'Which movement do you want to make? Write on each row where you come from and where you want to go.',
  from: 'From',
  to: 'To',
  dots: 'Dots',
  actions: 'Actions',
  fromLabel: (n) => `Row ${n}: from`,
  toLabel: (n) => `Row ${n}: to`,
  fromPlaceholder: 'For example: arranging everything ourselves',
  toPlaceholder: 'For example: trusting residents with it',
  add: 'Add row',
  added: 'New row added.',
  remove: (n) => `Delete row ${n}`,
  removed: 'Row deleted.',
  empty: 'No movements yet.',
  dotAdd: (n) => `Put a dot on row ${n}`,
  dotRemove: (n) => `Take a dot back from row ${n}`,
  tally: (n, mine) => `${n === 1 ? '1 dot' : `${n} dots`}${mine > 0 ? `, ${mine} of them yours` : ''}`,
  dotsLeft: (left, budget) =>
    `You have ${left} of ${budget} ${budget === 1 ? 'dot' : 'dots'} left for the movements you stand behind.`,
  dotsUsedUp: 'All your dots for the movements are placed; take one back first.',
  task: 'Write the from → to table together and put your dots on the movements you stand behind.',
  errors: {
    movement_too_long: `A cell of the from → to table holds at most ${LIMITS.movementChars} characters; the server removed the rest.`,
    too_many_movements: `The from → to table already has ${LIMITS.movementsPerBoard} rows. The new row was not saved.`,
  },
};
