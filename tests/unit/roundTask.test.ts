import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  createRoundState,
  methodRounds,
  type MethodId,
  type SessionState,
  boardRights,
  tableFor,
} from '@casusbord/shared';
import { T0, oneTableSession } from '../helpers/sessionState';
import { roundTask } from '../../client/src/components/board/roundTask';
import { en } from '../../client/src/i18n/en';
import { nl } from '../../client/src/i18n/nl';

/** An intervision session running round `index`; Carla is the case holder. */
function session(index: number | null, revealed: string[] = [], method: MethodId = 'intervision-90'): SessionState {
  let round = createRoundState(methodRounds(method));
  if (index !== null) {
    const started = applyCommand(round, { type: 'start', index }, T0);
    if (!started.ok) throw new Error(started.message);
    round = started.state;
  }
  return oneTableSession(method, round, { revealed, plenary: false });
}

function task(
  index: number | null,
  who: 'carla' | 'anouk' | 'host',
  messages = nl,
  method: MethodId = 'intervision-90',
): string | null {
  const state = session(index, [], method);
  const table = tableFor(state, 'sess1234.t1');
  const rights =
    who === 'host'
      ? boardRights({ state, table, role: 'host', participantId: null })
      : boardRights({ state, table, role: 'participant', participantId: who });
  return roundTask(messages, rights, who !== 'host');
}

describe('"Jij nu": one sentence of what a participant does in the current round', () => {
  it('names the open columns, private writing and the dots', () => {
    expect(task(2, 'anouk')).toBe('Schrijf kaarten bij vragen, één gedachte per kaart.');
    expect(task(4, 'anouk')).toBe(
      'Schrijf eerst voor jezelf kaarten bij valkuilen en kansen; de anderen zien ze pas na het onthullen.',
    );
    expect(task(5, 'anouk')).toBe('Schrijf kaarten bij adviezen en zet je stippen op wat jij het sterkst vindt.');
    expect(task(5, 'anouk', en)).toBe('Write cards under advice and put your dots on what you find strongest.');
  });

  it('gives the case holder their own task where the round has one', () => {
    expect(task(3, 'carla')).toBe('Scherp de kernvraag aan; de anderen lezen mee.');
    expect(task(3, 'anouk')).toBe('Luister en denk mee; in deze ronde schrijf je niets op het bord.');
    expect(task(6, 'carla')).toBe('Geef bij elk advies je reactie: overnemen, overwegen of niet nu.');
    expect(task(6, 'anouk')).toBe('Luister en denk mee; in deze ronde schrijf je niets op het bord.');
    expect(task(7, 'anouk')).toBe('Schrijf in één zin op wat je uit deze casus meeneemt.');
  });

  it('says nothing before the start (the banner explains the wait) and nothing to the host', () => {
    expect(task(null, 'anouk')).toBeNull();
    expect(task(5, 'host')).toBeNull();
  });

  it('tells a listening case holder so, and the case holder in the rating round to rate (issue 15)', () => {
    // The gossip method's round 3 is the gossip round; the Socratic method's round 3 the rating.
    expect(task(3, 'carla', nl, 'gossip')).toBe(nl.rating.listening);
    expect(task(3, 'carla', en, 'gossip')).toBe(
      'You listen in this round: you see the board but neither write nor respond.',
    );
    expect(task(3, 'anouk', nl, 'gossip')).toBe(
      'Schrijf kaarten bij valkuilen, kansen en adviezen, één gedachte per kaart.',
    );
    expect(task(3, 'carla', nl, 'socratic')).toBe(
      'Geef elke vraag warm, neutraal of koud en beantwoord de warme vragen hardop.',
    );
    expect(task(3, 'anouk', nl, 'socratic')).toBe('Luister en denk mee; in deze ronde schrijf je niets op het bord.');
  });
});
