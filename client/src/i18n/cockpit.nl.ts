/** Issue 15: the facilitator's cockpit — clock sound, overtime, move on at zero, bring everyone here, co-host links. */
export const cockpitNl = {
  noClock: 'Deze ronde loopt zonder klok — start de klok',
  noClockAt: (tables: string) => `Zonder klok: ${tables}.`,
  startClock: 'Start de klok',
  clockStarted: 'De klok loopt.',

  moveOn: 'Door bij 0:00',
  moveOnLabel: (round: string) => `${round}: ga vanzelf door naar de volgende ronde als de klok op nul staat`,
  moveOnHint:
    'Aangevinkt: de volgende ronde begint vanzelf als de klok op nul staat. Anders loopt de klok door in overtijd.',
  moveOnSet: (round: string) => `${round} gaat vanzelf door bij nul.`,
  moveOnCleared: (round: string) => `${round} loopt door in overtijd tot jij verdergaat.`,

  bring: 'Haal iedereen hierheen',
  bringHint: 'Iedereen ziet dan dit bord, in deze ronde en op deze plek.',
  brought: 'Iedereen is hierheen gehaald.',
  bringAgain: 'Haal iedereen opnieuw hierheen',
  release: 'Laat iedereen los',
  released: 'Iedereen is terug aan de eigen tafel.',
  focusAt: (board: string) => `Iedereen is gehaald naar ${board}.`,
  plenaryBoard: 'het plenaire bord',
  openTable: 'Bord',
  openTableLabel: (table: string) => `Open het bord van ${table}`,

  broughtHere: 'De facilitator heeft je hierheen gehaald',
  visiting: (table: string) => `Je kijkt mee bij ${table}; schrijven doe je aan je eigen tafel.`,
  backToTable: 'Terug naar mijn tafel',
  elsewhere: (board: string) => `De facilitator kijkt met iedereen naar ${board}.`,
  rejoin: 'Ga naar de facilitator',

  cohostHeading: 'Tweede procesbegeleider',
  cohostIntro:
    'Een co-procesbegeleider krijgt een eigen link en bestuurt de bijeenkomst net als jij. Je kunt een link altijd intrekken.',
  cohostCreate: 'Maak een link voor een co-procesbegeleider',
  cohostCreated:
    'De link staat hieronder. Hij wordt maar één keer getoond: geef hem alleen aan je co-procesbegeleider.',
  cohostLinkLabel: 'Link voor de co-procesbegeleider',
  cohostNone: 'Nog geen links gemaakt.',
  cohostItem: (time: string) => `Link van ${time}`,
  cohostActive: 'werkt',
  cohostRevokedAt: (time: string) => `ingetrokken om ${time}`,
  cohostRevoke: 'Intrekken',
  cohostRevokeLabel: (time: string) => `Trek de link van ${time} in`,
  cohostRevoked: 'Link ingetrokken: die co-procesbegeleider kan niets meer doen.',
  cohostBadge: 'Co-procesbegeleider',
  cohostYou: 'Je bestuurt deze bijeenkomst samen met de procesbegeleider.',
  revoked:
    'De procesbegeleider heeft je link als co-procesbegeleider ingetrokken. Je kunt deze bijeenkomst niet meer besturen.',
  alreadyHost:
    'Je bent in deze browser al procesbegeleider van deze bijeenkomst; de link van de co-procesbegeleider is niet gebruikt.',
};
