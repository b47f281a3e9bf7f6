import { LIMITS } from '@casusbord/shared';

/**
 * Dutch strings of issue 16: the from → to table on the board. Kept in their own file so the main
 * dictionary only gains one key (`fromTo`).
 */
export const fromToNl = {
  heading: 'Van → naar',
  intro: 'Welke beweging willen jullie maken? Schrijf per regel waar jullie vandaan komen en waar jullie naartoe willen.',
  from: 'Van',
  to: 'Naar',
  dots: 'Stippen',
  actions: 'Acties',
  fromLabel: (n: number) => `Regel ${n}: van`,
  toLabel: (n: number) => `Regel ${n}: naar`,
  fromPlaceholder: 'Bijvoorbeeld: alles zelf regelen',
  toPlaceholder: 'Bijvoorbeeld: bewoners het vertrouwen geven',
  add: 'Regel toevoegen',
  added: 'Nieuwe regel toegevoegd.',
  remove: (n: number) => `Regel ${n} verwijderen`,
  removed: 'Regel verwijderd.',
  empty: 'Nog geen bewegingen.',
  dotAdd: (n: number) => `Stip op regel ${n} zetten`,
  dotRemove: (n: number) => `Stip van regel ${n} terugnemen`,
  tally: (n: number, mine: number) =>
    `${n === 1 ? '1 stip' : `${n} stippen`}${mine > 0 ? `, waarvan ${mine} van jou` : ''}`,
  dotsLeft: (left: number, budget: number) =>
    `Je hebt nog ${left} van ${budget} ${budget === 1 ? 'stip' : 'stippen'} voor de bewegingen waar jij achter staat.`,
  dotsUsedUp: 'Al je stippen voor de bewegingen staan; neem er eerst een terug.',
  task: 'Schrijf mee aan de tabel van → naar en zet je stippen op de bewegingen waar jij achter staat.',
  errors: {
    movement_too_long: `Een vak van de tabel van → naar heeft ruimte voor ${LIMITS.movementChars} tekens; de server heeft de rest weggehaald.`,
    too_many_movements: `De tabel van → naar heeft al ${LIMITS.movementsPerBoard} regels. De nieuwe regel is niet bewaard.`,
  } as Record<string, string>,
};
