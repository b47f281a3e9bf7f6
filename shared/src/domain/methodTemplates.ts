import type { Method } from './methods';
import {
  ADVICE,
  CLOSED,
  CLOSING,
  CORE_QUESTION,
  HANDOVER,
  INTRODUCTION,
  OPENING,
  QUESTIONS,
  REACTION,
  WELCOME,
  atTable,
  round,
  type Block,
} from './roundBlocks';

/*
 * The intervision methods of issue 15 as templates. Each round says in one or two sentences what
 * participants do; where the case holder only listens, `caseHolderListens` makes the board
 * read-only for them, enforced on the server by the same rights (permissions.ts).
 */

// ---- Incident method: a concrete incident, the group analyses while the case holder listens.

const INCIDENT_STORY: Block = {
  ...INTRODUCTION,
  title: { nl: 'Het voorval', en: 'The incident' },
  instruction: {
    nl: 'De casusinbrenger vertelt kort over één concreet voorval waar hij of zij nog mee zit. De anderen luisteren en schrijven nog niets.',
    en: 'The case holder briefly tells about one concrete incident that still bothers them. The others listen and write nothing yet.',
  },
};

const FACT_QUESTIONS: Block = {
  ...QUESTIONS,
  title: { nl: 'Informatieve vragen', en: 'Fact-finding questions' },
  instruction: {
    nl: 'Vraag naar de feiten van het voorval: wie, wat, waar en wanneer. Eén vraag per kaart, nog zonder oordeel.',
    en: 'Ask for the facts of the incident: who, what, where and when. One question per card, without judging yet.',
  },
};

const GROUP_ANALYSIS: Block = {
  kind: 'analysis',
  title: { nl: 'Analyse door de groep', en: 'Analysis by the group' },
  instruction: {
    nl: 'Bespreek samen wat er speelde en noteer de valkuilen en kansen die je ziet. De casusinbrenger luistert alleen en schrijft niet mee.',
    en: 'Discuss together what was going on and note the pitfalls and opportunities you see. The case holder only listens and does not write.',
  },
  openColumns: ['pitfall', 'opportunity'],
  privateWriting: false,
  dots: false,
  caseHolderListens: true,
  lensSet: 'six-hats',
};

export const INCIDENT: Method = {
  id: 'incident',
  title: { nl: 'Incidentmethode', en: 'Incident method' },
  description: {
    nl: 'Eén concreet voorval: eerst de feiten, dan analyseert de groep terwijl de casusinbrenger luistert, daarna advies en reactie.',
    en: 'One concrete incident: the facts first, then the group analyses while the case holder listens, then advice and reaction.',
  },
  parallelTables: false,
  // A follow-up session closes with what became of the earlier advice.
  lookbackAt: 'end',
  rounds: [
    round('welcome', WELCOME, 5),
    round('incident', INCIDENT_STORY, 5),
    round('questions', FACT_QUESTIONS, 15),
    round('core-question', CORE_QUESTION, 5),
    round('analysis', GROUP_ANALYSIS, 20),
    round('advice', ADVICE, 15),
    round('reaction', REACTION, 10),
    round('closing', CLOSING, 5),
  ],
};

// ---- Gossip method (Roddelmethode): the group talks about the case as if its holder were away.

const GOSSIP_ROUND: Block = {
  kind: 'analysis',
  title: { nl: 'Roddelronde', en: 'Gossip round' },
  instruction: {
    nl: 'Praat over de casus alsof de casusinbrenger er niet bij is: wat speelt er volgens jou en wat zou helpen? De casusinbrenger kijkt mee op het bord, maar schrijft en reageert niet.',
    en: 'Talk about the case as if the case holder were not in the room: what do you think is going on, and what would help? The case holder follows the board but neither writes nor responds.',
  },
  openColumns: ['pitfall', 'opportunity', 'advice'],
  privateWriting: false,
  dots: false,
  caseHolderListens: true,
};

const GOSSIP_REACTION: Block = {
  ...REACTION,
  instruction: {
    nl: 'De casusinbrenger vertelt wat hem of haar raakte in het gesprek. Daarna kiest hij of zij per advies: overnemen, overwegen of niet nu.',
    en: 'The case holder says what struck them in the conversation. Then they mark each piece of advice adopt, consider or not now.',
  },
};

export const GOSSIP: Method = {
  id: 'gossip',
  title: { nl: 'Roddelmethode', en: 'Gossip method' },
  description: {
    nl: 'Na de vragen bespreekt de groep de casus alsof de casusinbrenger afwezig is; die luistert mee en reageert pas daarna.',
    en: 'After the questions the group discusses the case as if the case holder were absent; they listen in and respond only afterwards.',
  },
  parallelTables: false,
  rounds: [
    round('welcome', WELCOME, 5),
    round('introduction', INTRODUCTION, 10),
    round('questions', QUESTIONS, 10),
    round('gossip', GOSSIP_ROUND, 20),
    round('reaction', GOSSIP_REACTION, 15),
    round('closing', CLOSING, 5),
  ],
};

// ---- Balint: associations first on one's own, then shared; the case holder speaks last.

const BALINT_STORY: Block = {
  ...INTRODUCTION,
  instruction: {
    nl: 'De casusinbrenger vertelt over een werkrelatie die hem of haar bezighoudt, ook over hoe het voelde. De anderen luisteren.',
    en: 'The case holder tells about a working relationship that stays on their mind, including how it felt. The others listen.',
  },
};

const BALINT_QUESTIONS: Block = {
  ...QUESTIONS,
  title: { nl: 'Feitelijke vragen', en: 'Factual questions' },
  instruction: {
    nl: 'Vraag alleen naar feiten die je mist om het beeld rond te maken, één vraag per kaart.',
    en: 'Ask only for the facts you miss to complete the picture, one question per card.',
  },
};

const ASSOCIATIONS: Block = {
  kind: 'analysis',
  title: { nl: 'Associaties', en: 'Associations' },
  instruction: {
    nl: 'Schrijf voor jezelf op wat de casus bij je oproept: beelden, gevoelens, vermoedens, één per kaart. De casusinbrenger luistert vanaf nu tot de laatste ronde.',
    en: 'Write down on your own what the case stirs in you: images, feelings, hunches, one per card. From now until the last round the case holder only listens.',
  },
  openColumns: ['pitfall', 'opportunity'],
  privateWriting: true,
  dots: false,
  caseHolderListens: true,
};

const SHARING: Block = {
  kind: 'analysis',
  title: { nl: 'Associaties delen', en: 'Sharing associations' },
  instruction: {
    nl: 'Na het onthullen lezen jullie elkaars kaarten en zoeken samen naar wat er onder de casus ligt. Orden de kaarten die bij elkaar horen.',
    en: "After the reveal you read each other's cards and look together for what lies beneath the case. Group the cards that belong together.",
  },
  openColumns: ['pitfall', 'opportunity'],
  privateWriting: false,
  dots: false,
  caseHolderListens: true,
};

const BALINT_IDEAS: Block = {
  ...ADVICE,
  title: { nl: 'Mogelijke ingangen', en: 'Possible ways in' },
  instruction: {
    nl: 'Schrijf op wat de casusinbrenger zou kunnen proberen, één idee per kaart, en zet je stippen op wat jou het meest raakt.',
    en: 'Write down what the case holder could try, one idea per card, and put your dots on what touches you most.',
  },
  caseHolderListens: true,
};

const BALINT_REACTION: Block = {
  ...REACTION,
  title: { nl: 'De casusinbrenger reageert', en: 'The case holder responds' },
  instruction: {
    nl: 'Nu pas komt de casusinbrenger aan het woord en vertelt wat hij of zij herkende. Daarna kiest hij of zij per idee: overnemen, overwegen of niet nu.',
    en: 'Only now does the case holder speak, saying what they recognised. Then they mark each idea adopt, consider or not now.',
  },
};

export const BALINT: Method = {
  id: 'balint',
  title: { nl: 'Balintmethode', en: 'Balint method' },
  description: {
    nl: 'Iedereen schrijft eerst voor zichzelf wat de casus oproept; na het onthullen zoekt de groep verder, en de casusinbrenger reageert pas in de laatste ronde.',
    en: 'Everyone first writes on their own what the case stirs; after the reveal the group explores further, and the case holder responds only in the last round.',
  },
  parallelTables: false,
  rounds: [
    round('welcome', WELCOME, 5),
    round('introduction', BALINT_STORY, 10),
    round('questions', BALINT_QUESTIONS, 10),
    round('associations', ASSOCIATIONS, 15),
    round('sharing', SHARING, 20),
    round('ideas', BALINT_IDEAS, 10),
    round('reaction', BALINT_REACTION, 10),
  ],
};

// ---- Socratic intervision: open questions, rated by the case holder; the warm ones answered.

const SOCRATIC_STORY: Block = {
  ...INTRODUCTION,
  instruction: {
    nl: 'De casusinbrenger beschrijft een concrete ervaring waarin hij of zij twijfelde wat juist was. De anderen luisteren.',
    en: 'The case holder describes a concrete experience in which they were unsure what the right thing was. The others listen.',
  },
};

const OPEN_QUESTIONS: Block = {
  ...QUESTIONS,
  title: { nl: 'Open vragen', en: 'Open questions' },
  instruction: {
    nl: 'Stel open vragen die de casusinbrenger laten nadenken over wat hij of zij belangrijk vindt, één per kaart. Geen adviezen en geen vragen met ja of nee als antwoord.',
    en: 'Ask open questions that make the case holder reflect on what matters to them, one per card. No advice and no questions with a yes or no answer.',
  },
};

const RATING: Block = {
  kind: 'rating',
  title: { nl: 'Vragen wegen', en: 'Rating the questions' },
  instruction: {
    nl: 'De casusinbrenger geeft elke vraag warm, neutraal of koud en beantwoordt de warme vragen hardop. De anderen luisteren.',
    en: 'The case holder marks each question warm, neutral or cold and answers the warm ones aloud. The others listen.',
  },
  ...CLOSED,
};

const UNDERLYING: Block = {
  kind: 'analysis',
  title: { nl: 'Wat eronder ligt', en: 'What lies underneath' },
  instruction: {
    nl: 'Zoek samen welke overtuigingen en waarden achter de antwoorden zitten: wat houdt tegen en wat helpt?',
    en: 'Look together for the beliefs and values behind the answers: what holds back and what helps?',
  },
  openColumns: ['pitfall', 'opportunity'],
  privateWriting: false,
  dots: false,
};

export const SOCRATIC: Method = {
  id: 'socratic',
  title: { nl: 'Socratische intervisie', en: 'Socratic intervision' },
  description: {
    nl: 'De groep stelt open vragen; de casusinbrenger weegt ze als warm, neutraal of koud en beantwoordt de warme.',
    en: 'The group asks open questions; the case holder rates them warm, neutral or cold and answers the warm ones.',
  },
  parallelTables: false,
  rounds: [
    round('welcome', WELCOME, 5),
    round('introduction', SOCRATIC_STORY, 10),
    round('questions', OPEN_QUESTIONS, 15),
    round('rating', RATING, 15),
    round('underlying', UNDERLYING, 15),
    round('closing', CLOSING, 5),
  ],
};

// ---- Appreciative inquiry on a case day: discover, dream, design, destiny; opportunities first.

const DISCOVER: Block = {
  title: { nl: 'Ontdekken', en: 'Discover' },
  instruction: {
    nl: 'Verzamel wat er nu al werkt in de wijk en in de samenwerking, één kans per kaart.',
    en: 'Collect what already works in the neighbourhood and in the partnership, one opportunity per card.',
  },
  openColumns: ['opportunity'],
  privateWriting: false,
  dots: false,
  scope: 'table',
};

const DREAM: Block = {
  title: { nl: 'Dromen', en: 'Dream' },
  instruction: {
    nl: 'Stel je de wijk over vijf jaar voor, als wat nu werkt is gegroeid: wat zie je? Schrijf één beeld per kaart.',
    en: 'Picture the neighbourhood in five years, once what works now has grown: what do you see? Write one picture per card.',
  },
  openColumns: ['opportunity'],
  privateWriting: false,
  dots: false,
  scope: 'table',
};

const DESIGN: Block = {
  kind: 'advice',
  title: { nl: 'Ontwerpen', en: 'Design' },
  instruction: {
    nl: 'Schrijf als advies op wat nodig is om daar te komen, en als valkuil wat in de weg kan staan. Zet je stippen op de sterkste adviezen.',
    en: 'Write as advice what it takes to get there, and as a pitfall what may stand in the way. Put your dots on the strongest advice.',
  },
  openColumns: ['pitfall', 'advice'],
  privateWriting: false,
  dots: true,
  scope: 'table',
};

const DESTINY: Block = {
  kind: 'plenary',
  scope: 'plenary',
  title: { nl: 'Doen', en: 'Destiny' },
  instruction: {
    nl: 'Elke tafel brengt haar sterkste kansen en adviezen naar het gezamenlijke bord. Kies met stippen waar jullie mee beginnen en spreek af wie wat oppakt.',
    en: 'Each table brings its strongest opportunities and advice to the shared board. Use dots to choose where to start and agree who takes up what.',
  },
  openColumns: ['opportunity', 'advice'],
  privateWriting: false,
  dots: true,
};

export const APPRECIATIVE: Method = {
  id: 'appreciative',
  title: { nl: 'Waarderend onderzoek (casusdag)', en: 'Appreciative inquiry (case day)' },
  description: {
    nl: 'Een casusdag die begint bij wat werkt: tafels ontdekken, dromen en ontwerpen tegelijk, daarna samen doen en de overdracht.',
    en: 'A case day that starts from what works: tables discover, dream and design in parallel, then decide together and hand over.',
  },
  parallelTables: true,
  rounds: [
    round('opening', OPENING, 15),
    round('table-introduction', atTable(INTRODUCTION, 'Introductie aan tafel', 'Introduction at the table'), 20),
    round('discover', DISCOVER, 40),
    round('dream', DREAM, 40),
    round('design', DESIGN, 45),
    round('destiny', DESTINY, 45),
    round('handover', HANDOVER, 30),
  ],
};
