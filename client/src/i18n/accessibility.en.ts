import type { Messages } from './nl';

/** English text of the accessibility statement; the shape comes from accessibility.nl.ts through `Messages`. */
export const accessibilityEn: Messages['accessibility'] = {
  footerLink: 'Accessibility',
  title: 'Accessibility statement',
  intro:
    'Casusbord should work for everyone who takes part in an intervision or case day, including people who use a keyboard only, a screen reader or enlarged text. This page describes the software itself. A municipality that offers Casusbord also publishes its own statement with its contact details.',
  standardHeading: 'Which standard',
  standard:
    'We test against EN 301 549, the European standard that Dutch public bodies must meet. For web pages and documents it amounts to WCAG 2.1, levels A and AA.',
  status:
    'Casusbord partially conforms: the automated tests below pass, but not everything is tested and some things are known not to conform.',
  testedHeading: 'What we test, and when',
  testedIntro: 'These tests are part of the full automated test run, which also runs in CI, in the Chromium browser.',
  tested: [
    'axe-core (the rules for WCAG 2 A and AA and best practices) on the home page, the join page with a code, the board of a participant and of the case holder, the facilitator’s screen, the projector screen, the board and the facilitator’s screen before the start, the advice report and this page. Any finding rated “serious” or “critical” fails the test.',
    'The home page, the join page, a participant’s board, the facilitator’s screen, the report and this page in English too, so that the English labels and the language attribute are right as well.',
    'A community’s archive and the board with the look-back round, also with axe-core.',
    'The widths of a laptop and of a tablet upright and sideways (1280, 1024 and 768 pixels): nothing scrolls sideways and the headers do not overlap.',
    'Keyboard only: adding, editing, dotting and clustering a card, moving to the next round as facilitator and reacting as case holder, without a single mouse click. At every step it is visible where the focus is.',
    'Dragging a card onto a cluster with a finger (a tablet sideways and upright, 1024 and 768 pixels wide), with the mouse and with the keyboard (Space, arrow keys, Space). Screen readers are told where the card is; another participant sees it in the cluster.',
    'Screen readers are told about a new card from someone else and about the last minute of a round (live regions).',
    'The report as PDF is tagged: headings, lists, figures with a text alternative, the language and the title. We read it back through its structure tree and its text in reading order. The Word file uses real heading styles, tables with a header row, and a text alternative on the charts.',
  ],
  knownHeading: 'What does not conform, or is not tested (yet)',
  known: [
    'Nobody has tested with a screen reader (NVDA, JAWS, VoiceOver or TalkBack), nor has a person with a disability. axe-core finds only part of the problems.',
    'Dragging cards with a finger is tested in Chromium emulating a tablet, not on a real tablet and not in Safari on an iPad. The “cluster” menu on the card does the same without dragging.',
    'The projector screen is only checked in Dutch and without the width test; it is meant for a projector.',
    'A round has a clock. Only the facilitator can pause or extend it; a participant cannot ask for that in the software.',
    'The PDF has not been checked with a PDF/UA validator (such as veraPDF or PAC). The charts in Word are tables with bars of block characters, which some screen readers read out. The number of dots is given as a number next to them.',
    'The “not found” page is not covered by the automated tests.',
  ],
  reportHeading: 'The advice report',
  report:
    'The case holder receives the report as a web page, a Word document, a PDF and Markdown. The web page is the most accessible; Word and PDF follow it with headings, lists, tables and text alternatives.',
  feedbackHeading: 'Found a problem?',
  feedback:
    'If something stands in your way, tell the municipality or organisation that invited you to the session. They can pass it on to the makers of Casusbord.',
  updated: (date) => `This statement was last updated on ${date}.`,
  backHome: 'To the home page',
};
