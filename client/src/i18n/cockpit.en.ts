import type { cockpitNl } from './cockpit.nl';

export const cockpitEn: typeof cockpitNl = {
  noClock: 'This round is running without a clock — start the clock',
  noClockAt: (tables: string) => `Without a clock: ${tables}.`,
  startClock: 'Start the clock',
  clockStarted: 'The clock is running.',

  moveOn: 'On at 0:00',
  moveOnLabel: (round: string) => `${round}: move on to the next round by itself when the clock reaches zero`,
  moveOnHint:
    'Ticked: the next round starts by itself when the clock reaches zero. Otherwise the clock runs on into overtime.',
  moveOnSet: (round: string) => `${round} moves on by itself at zero.`,
  moveOnCleared: (round: string) => `${round} runs on into overtime until you move on.`,

  bring: 'Bring everyone here',
  bringHint: 'Everyone then sees this board, in this round and at this spot.',
  brought: 'Everyone has been brought here.',
  bringAgain: 'Bring everyone here again',
  release: 'Let everyone go',
  released: 'Everyone is back at their own table.',
  focusAt: (board: string) => `Everyone has been brought to ${board}.`,
  plenaryBoard: 'the plenary board',
  openTable: 'Board',
  openTableLabel: (table: string) => `Open the board of ${table}`,

  broughtHere: 'The facilitator brought you here',
  visiting: (table: string) => `You are looking in at ${table}; you write at your own table.`,
  backToTable: 'Back to my table',
  elsewhere: (board: string) => `The facilitator is looking at ${board} with everyone.`,
  rejoin: 'Go to the facilitator',

  cohostHeading: 'Second facilitator',
  cohostIntro:
    'A co-host gets a link of their own and runs the session just as you do. You can revoke a link at any time.',
  cohostCreate: 'Create a link for a co-host',
  cohostCreated: 'The link is below. It is shown only once: give it to your co-host only.',
  cohostLinkLabel: 'Link for the co-host',
  cohostNone: 'No links made yet.',
  cohostItem: (time: string) => `Link of ${time}`,
  cohostActive: 'works',
  cohostRevokedAt: (time: string) => `revoked at ${time}`,
  cohostRevoke: 'Revoke',
  cohostRevokeLabel: (time: string) => `Revoke the link of ${time}`,
  cohostRevoked: 'Link revoked: that co-host can no longer do anything.',
  cohostBadge: 'Co-host',
  cohostYou: 'You run this session together with the facilitator.',
  revoked: 'The facilitator has revoked your co-host link. You can no longer run this session.',
  alreadyHost: 'In this browser you already are the facilitator of this session; the co-host link was not used.',
};
