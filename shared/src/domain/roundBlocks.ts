import type { Column } from './board';
import type { Round } from './methods';

/*
 * The building blocks of the method templates (methods.ts, methodTemplates.ts): rounds without
 * an id and minutes, which each method sets. Texts are ours, in Dutch and English.
 */

/** A deep copy, so state never shares arrays or objects with the templates. */
export function cloneRound(round: Round): Round {
  return {
    ...round,
    title: { ...round.title },
    instruction: { ...round.instruction },
    openColumns: [...round.openColumns],
  };
}

// Building blocks; each method picks from these and sets its own minutes and ids.
export type Block = Omit<Round, 'minutes' | 'id'>;
/** A listening round: nobody writes on the board, no dots. */
export const CLOSED = { openColumns: [] as Column[], privateWriting: false, dots: false };

export const WELCOME: Block = {
  kind: 'welcome',
  title: { nl: 'Welkom en keuze van de casus', en: 'Welcome and choice of case' },
  instruction: {
    nl: 'Maak kort kennis en spreek af welke casus vandaag centraal staat en wie hem inbrengt.',
    en: 'Say hello briefly and agree which case you will work on today and who brings it in.',
  },
  ...CLOSED,
};

export const INTRODUCTION: Block = {
  kind: 'introduction',
  title: { nl: 'Introductie van de casus', en: 'Case introduction' },
  instruction: {
    nl: 'De casusinbrenger schetst de situatie. De anderen luisteren; het bord blijft nog dicht.',
    en: 'The case holder describes the situation. Everyone else listens; the board stays closed for now.',
  },
  ...CLOSED,
};

export const QUESTIONS: Block = {
  kind: 'questions',
  title: { nl: 'Verhelderende vragen', en: 'Clarifying questions' },
  instruction: {
    nl: 'Stel alleen vragen die de situatie helderder maken, nog geen meningen of adviezen. Eén vraag per kaart.',
    en: 'Ask only questions that make the situation clearer, no opinions or advice yet. One question per card.',
  },
  openColumns: ['question'],
  privateWriting: false,
  dots: false,
};

export const CORE_QUESTION: Block = {
  kind: 'core-question',
  title: { nl: 'Kernvraag', en: 'Core question' },
  instruction: {
    nl: 'De casusinbrenger scherpt de vraag aan waar de groep mee verder gaat; de anderen denken mee.',
    en: 'The case holder sharpens the question the group will work on; the others help think it through.',
  },
  ...CLOSED,
};

export const ANALYSIS: Block = {
  kind: 'analysis',
  title: { nl: 'Analyse: valkuilen en kansen', en: 'Analysis: pitfalls and opportunities' },
  instruction: {
    nl: 'Noteer eerst voor jezelf welke valkuilen en kansen je ziet. Na het onthullen bekijken jullie alle kaarten en ordenen ze samen.',
    en: 'First note on your own the pitfalls and opportunities you see. After the reveal you look at all cards and group them together.',
  },
  openColumns: ['pitfall', 'opportunity'],
  privateWriting: true,
  dots: false,
};

export const ADVICE: Block = {
  kind: 'advice',
  title: { nl: 'Advies', en: 'Advice' },
  instruction: {
    nl: 'Geef de casusinbrenger concrete adviezen, één per kaart. Zet daarna je stippen op de adviezen die jij het sterkst vindt.',
    en: 'Give the case holder concrete advice, one piece per card. Then put your dots on the advice you find strongest.',
  },
  openColumns: ['advice'],
  privateWriting: false,
  dots: true,
};

export const REACTION: Block = {
  kind: 'reaction',
  title: { nl: 'Reactie van de casusinbrenger', en: "Case holder's reaction" },
  instruction: {
    nl: 'De casusinbrenger loopt de adviezen langs en kiest per advies: overnemen, overwegen of niet nu, zo nodig met een toelichting.',
    en: 'The case holder goes through the advice and marks each piece adopt, consider or not now, with a note where useful.',
  },
  ...CLOSED,
};

export const CLOSING: Block = {
  kind: 'closing',
  title: { nl: 'Afsluiting', en: 'Closing' },
  instruction: {
    nl: 'Ieder noemt in één zin wat hij of zij uit deze casus meeneemt.',
    en: 'Everyone says in one sentence what they take away from this case.',
  },
  ...CLOSED,
};

export const OPENING: Block = {
  kind: 'welcome',
  scope: 'plenary',
  title: { nl: 'Opening', en: 'Opening' },
  instruction: {
    nl: 'De gaststad zet voor iedereen het plan en de vraag van vandaag neer. Daarna gaat ieder naar de eigen tafel.',
    en: "The host city sets out the plan and today's question for everyone. Then everybody goes to their table.",
  },
  ...CLOSED,
};

export const PLENARY: Block = {
  kind: 'plenary',
  scope: 'plenary',
  title: { nl: 'Plenaire ronde', en: 'Plenary' },
  instruction: {
    nl: 'Elke tafel zet haar sterkste kaarten door naar het gezamenlijke bord. Voeg dubbelingen samen en kies met stippen wat het zwaarst weegt.',
    en: 'Each table promotes its strongest cards to the shared board. Merge duplicates and use dots to pick what weighs most.',
  },
  openColumns: ['pitfall', 'opportunity', 'advice'],
  privateWriting: false,
  dots: true,
};

export const HANDOVER: Block = {
  kind: 'handover',
  scope: 'plenary',
  title: { nl: 'Overdracht', en: 'Handover' },
  instruction: {
    nl: 'De ontvanger krijgt het advies overhandigd, stelt vragen en vertelt wat hij of zij ermee gaat doen.',
    en: 'The recipient is handed the advice, asks questions and says what they will do with it.',
  },
  ...CLOSED,
};

/** Issue 16: the book-club opening round; reviews live beside the columns (bookClub.ts). */
export const BOOK_CLUB: Block = {
  kind: 'book-club',
  title: { nl: 'Boekenclub', en: 'Book club' },
  instruction: {
    nl: 'Wie iets gelezen heeft, zet het boek of rapport neer met een oordeel en één zin waarom. De anderen geven elk één reactie.',
    en: 'Whoever has read something puts the book or report up with a verdict and one sentence why. The others each give one reaction.',
  },
  ...CLOSED,
};

/**
 * Issue 16: the group sums up the movement it wants to make as a from → to table and dots the
 * rows it stands behind (fromTo.ts). No column is open; the table is (permissions.ts).
 */
export const FROM_TO: Block = {
  kind: 'from-to',
  title: { nl: 'Van → naar', en: 'From → to' },
  instruction: {
    nl: 'Vat samen welke beweging jullie willen maken: van wat nu gebeurt naar wat jullie willen. Eén beweging per regel; zet daarna je stippen op de bewegingen waar jij achter staat.',
    en: 'Sum up the movement you want to make: from what happens now to what you want instead. One movement per row; then put your dots on the movements you stand behind.',
  },
  ...CLOSED,
};

export const round = (id: string, block: Block, minutes: number): Round => cloneRound({ ...block, id, minutes });

/** Case-day table rounds: the same work as in intervision, done per table in parallel. */
export const atTable = (block: Block, nl: string, en: string): Block => ({
  ...block,
  title: { nl, en },
  scope: 'table',
});
