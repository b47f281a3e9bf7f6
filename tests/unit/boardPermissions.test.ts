import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  createRoundState,
  methodRounds,
  type HostCommand,
  type MethodId,
  type RoundState,
  type SessionState,
  boardRights,
  columnNote,
  isPrivatePhase,
  plenaryBoardRights,
  tableFor,
  wantsPlenary,
} from '@casusbord/shared';
import { T0, oneTableSession } from '../helpers/sessionState';

function run(state: RoundState, ...commands: HostCommand[]): RoundState {
  return commands.reduce((s, command) => {
    const result = applyCommand(s, command, T0);
    if (!result.ok) throw new Error(result.message);
    return result.state;
  }, state);
}

/** A one-table session in round `index` (running), or idle when index is null. */
function session(
  index: number | null,
  opts: {
    method?: MethodId;
    revealed?: string[];
    locked?: boolean;
    caseHolderId?: string;
    paused?: boolean;
  } = {},
): SessionState {
  const method = opts.method ?? 'intervision-90';
  let round = createRoundState(methodRounds(method));
  if (index !== null) round = run(round, { type: 'start', index });
  if (opts.paused) round = run(round, { type: 'pause' });
  return oneTableSession(method, round, opts);
}

function rightsOf(state: SessionState, who: 'host' | 'carla' | 'anouk') {
  const table = tableFor(state, 'sess1234.t1');
  return who === 'host'
    ? boardRights({ state, table, role: 'host', participantId: null })
    : boardRights({ state, table, role: 'participant', participantId: who });
}

const cols = (set: ReadonlySet<string>) => [...set].sort();

describe('board rights follow the round', () => {
  it('keeps the board closed for participants before the start, open for the host', () => {
    const state = session(null);
    const anouk = rightsOf(state, 'anouk');
    expect(anouk.phase).toBe('waiting');
    expect(anouk.writable.size).toBe(0);
    expect(columnNote(anouk, 'question')).toBe('waiting');
    expect(cols(rightsOf(state, 'host').writable)).toEqual(['advice', 'opportunity', 'pitfall', 'question']);
  });

  it("opens only the round's columns, also while paused", () => {
    for (const paused of [false, true]) {
      const anouk = rightsOf(session(2, { paused }), 'anouk');
      expect(cols(anouk.writable)).toEqual(['question']);
      expect(columnNote(anouk, 'question')).toBeNull();
      expect(columnNote(anouk, 'pitfall')).toBe('closed');
    }
  });

  it('writes privately in the analysis round until the reveal', () => {
    const before = session(4);
    expect(rightsOf(before, 'anouk').privateDrafts).toBe(true);
    expect(isPrivatePhase(before.tables[0]!)).toBe(true);
    // The host writes on the board itself; there is no draft document for the host.
    expect(rightsOf(before, 'host').privateDrafts).toBe(false);
    const after = session(4, { revealed: ['analysis'] });
    expect(rightsOf(after, 'anouk').privateDrafts).toBe(false);
    expect(cols(rightsOf(after, 'anouk').writable)).toEqual(['opportunity', 'pitfall']);
  });

  it('lets participants dot advice in the advice round; the host does not vote', () => {
    const state = session(5);
    expect(cols(rightsOf(state, 'anouk').dotColumns)).toEqual(['advice']);
    expect(rightsOf(state, 'host').dotColumns.size).toBe(0);
    expect(rightsOf(session(4), 'anouk').dotColumns.size).toBe(0);
  });

  it('lets the case holder (and the host) react in the reaction round only', () => {
    const state = session(6);
    expect(rightsOf(state, 'carla').canReact).toBe(true);
    expect(rightsOf(state, 'anouk').canReact).toBe(false);
    expect(rightsOf(state, 'host').canReact).toBe(true);
    expect(rightsOf(session(5), 'carla').canReact).toBe(false);
  });

  it('lets the case holder edit the core question in any round before the handover', () => {
    for (const state of [session(null), session(1), session(6)]) {
      expect(rightsOf(state, 'carla').canEditCoreQuestion).toBe(true);
      expect(rightsOf(state, 'anouk').canEditCoreQuestion).toBe(false);
      expect(rightsOf(state, 'host').canEditCoreQuestion).toBe(true);
    }
    expect(rightsOf(session(1, { locked: true }), 'carla').canEditCoreQuestion).toBe(false);
    expect(rightsOf(session(1), 'carla').isCaseHolder).toBe(true);
  });

  it('opens learning points in the closing round', () => {
    expect(rightsOf(session(7), 'anouk').canWriteLearning).toBe(true);
    expect(rightsOf(session(6), 'anouk').canWriteLearning).toBe(false);
  });

  it('closes everything after the last round, and for everyone after the handover', () => {
    const finished = session(7);
    finished.tables[0]!.round = run(finished.tables[0]!.round, { type: 'finish' });
    const anouk = rightsOf(finished, 'anouk');
    expect(anouk.phase).toBe('finished');
    expect(anouk.writable.size).toBe(0);
    expect(columnNote(anouk, 'advice')).toBe('finished');

    const locked = rightsOf(session(5, { locked: true }), 'host');
    expect(locked.phase).toBe('locked');
    expect(locked.writable.size).toBe(0);
    expect(columnNote(locked, 'advice')).toBe('locked');
  });

  it('gives nothing before the first session:state arrives', () => {
    const rights = boardRights({ state: null, table: null, role: 'participant', participantId: 'anouk' });
    expect(rights.phase).toBe('unknown');
    expect(rights.writable.size).toBe(0);
    expect(rights.canEditCoreQuestion).toBe(false);
  });
});

describe('case day: plenary board and promotion', () => {
  it('opens the plenary board and promotion in a plenary round only', () => {
    const tables = session(2, { method: 'case-day' });
    expect(wantsPlenary(tables, tables.tables[0]!)).toBe(false);
    expect(rightsOf(tables, 'anouk').canPromote).toBe(false);

    const plenary = session(5, { method: 'case-day' });
    expect(wantsPlenary(plenary, plenary.tables[0]!)).toBe(true);
    expect(rightsOf(plenary, 'anouk').canPromote).toBe(true);
    // An intervision has no plenary board at all.
    const intervision = session(5);
    expect(wantsPlenary(intervision, intervision.tables[0]!)).toBe(false);
  });

  it('shows the plenary board read-only to participants, writable to the host', () => {
    const state = session(5, { method: 'case-day' });
    const participant = plenaryBoardRights(rightsOf(state, 'anouk'), 'participant');
    expect(participant.writable.size).toBe(0);
    expect(participant.dotColumns.size).toBe(0);
    expect(participant.canPromote).toBe(false);
    expect(columnNote(participant, 'advice')).toBe('plenary');
    expect(plenaryBoardRights(rightsOf(state, 'host'), 'host').writable.size).toBe(4);
  });

  it('finds the table of a board document', () => {
    const state = session(1);
    expect(tableFor(state, 'sess1234.t1')?.id).toBe('t1');
    expect(tableFor(state, 'sess1234.t9')).toBeNull();
    expect(tableFor(null, 'sess1234.t1')).toBeNull();
  });
});
