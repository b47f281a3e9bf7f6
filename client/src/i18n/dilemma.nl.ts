/**
 * Dutch strings of issue 16: the dilemma line on the board, the host view and the beamer. Kept in
 * their own file so the main dictionary only gains one key (`dilemma`). The spread in words is the
 * booklet's sentence (bookletTextsFor in shared).
 */
export const dilemmaNl = {
  heading: 'Dilemma',
  between: (left: string, right: string) => `Tussen „${left}” en „${right}”`,
  count: (n: number) =>
    n === 0
      ? 'Nog niemand heeft een marker gezet.'
      : `${n === 1 ? '1 deelnemer heeft' : `${n} deelnemers hebben`} een marker gezet.`,
  hidden: 'Waar de anderen staan, zie je pas als de procesbegeleider onthult.',
  revealed: 'Onthuld: elke stip is één deelnemer, zonder naam.',
  placeLabel: 'Waar sta jij tussen de twee polen?',
  valueText: (v: number, left: string, right: string) =>
    v === 50 ? '50: precies in het midden' : `${v}: dichter bij „${v < 50 ? left : right}”`,
  place: 'Zet mijn marker',
  move: 'Verplaats mijn marker',
  placed: 'Je marker staat; alleen jij ziet waar.',
  mine: (v: number) => `Jouw marker staat op ${v} van 100.`,
  mineLabel: 'jouw marker',
  plotLabel: (summary: string) => `Verdeling van de markers. ${summary}`,
  host: {
    heading: 'Dilemmalijn',
    intro:
      'Zet een dilemma met twee polen neer. Iedere deelnemer plaatst één marker; niemand (ook jij niet) ziet waar de anderen staan tot je onthult.',
    textLabel: 'Het dilemma in één zin (mag leeg)',
    textPlaceholder: 'Bijvoorbeeld: wie heeft het laatste woord in de wijk?',
    leftLabel: 'Linkerpool',
    leftPlaceholder: 'Bijvoorbeeld: de gemeente houdt de regie',
    rightLabel: 'Rechterpool',
    rightPlaceholder: 'Bijvoorbeeld: bewoners krijgen de ruimte',
    set: 'Dilemma neerzetten',
    setAnother: 'Nieuw dilemma neerzetten',
    setDone: 'Het dilemma staat op alle borden en de beamer.',
    reveal: 'Markers onthullen',
    revealDone: 'De markers zijn onthuld.',
    current: 'Nu op de borden',
  },
};
