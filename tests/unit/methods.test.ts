import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  applyCommand,
  boardRights,
  columnNote,
  createRoundState,
  getMethod,
  METHOD_IDS,
  METHODS,
  methodRounds,
  roundSchema,
  tableFor,
  totalMinutes,
  withLookback,
  type BoardRights,
  type MethodId,
  type SessionState,
} from '@casusbord/shared';
import { T0, oneTableSession } from '../helpers/sessionState';

describe('methods', () => {
  it('offers exactly the methods a session can be created with', () => {
    expect(Object.keys(METHODS).sort()).toEqual([...METHOD_IDS].sort());
    for (const id of METHOD_IDS) expect(getMethod(id).id).toBe(id);
  });

  it('intervision-90 lasts 90 minutes in the order of the incident method', () => {
    const method = getMethod('intervision-90');
    expect(totalMinutes(method.rounds)).toBe(90);
    expect(method.rounds.map((r) => [r.id, r.minutes])).toEqual([
      ['welcome', 5],
      ['introduction', 10],
      ['questions', 15],
      ['core-question', 5],
      ['analysis', 25],
      ['advice', 15],
      ['reaction', 10],
      ['closing', 5],
    ]);
  });

  it('intervision-90 opens the right columns in each round', () => {
    const byId = Object.fromEntries(getMethod('intervision-90').rounds.map((r) => [r.id, r]));
    expect(byId.introduction?.openColumns).toEqual([]);
    expect(byId.questions?.openColumns).toEqual(['question']);
    expect(byId.analysis?.openColumns).toEqual(['pitfall', 'opportunity']);
    expect(byId.analysis?.privateWriting).toBe(true);
    expect(byId.advice?.openColumns).toEqual(['advice']);
    expect(byId.advice?.dots).toBe(true);
    expect(byId.reaction?.kind).toBe('reaction');
    expect(byId['core-question']?.kind).toBe('core-question');
    // Only analysis is private and only advice has dots.
    expect(
      Object.values(byId)
        .filter((r) => r.privateWriting)
        .map((r) => r.id),
    ).toEqual(['analysis']);
    expect(
      Object.values(byId)
        .filter((r) => r.dots)
        .map((r) => r.id),
    ).toEqual(['advice']);
  });

  it('case day runs the tables in parallel, then a plenary, then the handover', () => {
    const method = getMethod('case-day');
    expect(method.parallelTables).toBe(true);
    const kinds = method.rounds.map((r) => r.kind);
    expect(kinds.slice(-2)).toEqual(['plenary', 'handover']);
    const tableKinds = method.rounds.filter((r) => r.scope === 'table').map((r) => r.kind);
    expect(tableKinds).toEqual(['introduction', 'questions', 'analysis', 'advice']);
    const plenary = method.rounds.find((r) => r.kind === 'plenary');
    expect(plenary?.scope).toBe('plenary');
    expect(plenary?.openColumns).toContain('advice');
  });

  it('custom starts with a short list', () => {
    const rounds = getMethod('custom').rounds;
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.length).toBeLessThanOrEqual(6);
  });

  for (const id of METHOD_IDS) {
    describe(id, () => {
      const method = getMethod(id);

      it('has unique round ids', () => {
        const ids = method.rounds.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
      });

      it('has a Dutch and an English title and instruction for every round, and they differ', () => {
        for (const round of method.rounds) {
          for (const text of [round.title, round.instruction]) {
            expect(text.nl.trim()).not.toBe('');
            expect(text.en.trim()).not.toBe('');
          }
          expect(round.instruction.nl).not.toBe(round.instruction.en);
        }
        expect(method.title.nl && method.title.en && method.description.nl && method.description.en).toBeTruthy();
      });

      it('has instructions of one or two sentences', () => {
        for (const round of method.rounds) {
          for (const text of [round.instruction.nl, round.instruction.en]) {
            const sentences = text.split(/[.!?](\s|$)/).filter((part) => part.trim().length > 1);
            expect(sentences.length, text).toBeGreaterThanOrEqual(1);
            expect(sentences.length, text).toBeLessThanOrEqual(2);
          }
        }
      });

      it('has rounds that pass the schema the host edits with', () => {
        for (const round of method.rounds) {
          expect(roundSchema.safeParse(round).success, round.id).toBe(true);
          expect(round.openColumns.every((c) => (COLUMNS as readonly string[]).includes(c))).toBe(true);
        }
      });
    });
  }

  it('templates cannot be changed by a session, and copies are independent', () => {
    const template = getMethod('intervision-90').rounds[0]!;
    expect(() => {
      (template as { minutes: number }).minutes = 99;
    }).toThrow();
    const copy = methodRounds('intervision-90');
    copy[2]!.openColumns.push('advice');
    copy[2]!.minutes = 1;
    expect(getMethod('intervision-90').rounds[2]!.openColumns).toEqual(['question']);
    expect(getMethod('intervision-90').rounds[2]!.minutes).toBe(15);
  });

  it('rejects a round with a bad duration or duplicate columns', () => {
    const round = methodRounds('custom')[0]!;
    expect(roundSchema.safeParse({ ...round, minutes: 0 }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, minutes: 241 }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, openColumns: ['advice', 'advice'] }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, title: { nl: 'Alleen Nederlands' } }).success).toBe(false);
  });
});

// ---- Issue 15: the intervision methods, and what the case holder may do in each of their rounds.

/** A one-table session of `method` with round `roundId` running; the case holder is Carla. */
function sessionIn(method: MethodId, roundId: string): SessionState {
  const rounds = methodRounds(method);
  const index = rounds.findIndex((r) => r.id === roundId);
  if (index < 0) throw new Error(`${method} has no round ${roundId}`);
  const started = applyCommand(createRoundState(rounds), { type: 'start', index }, T0);
  if (!started.ok) throw new Error(started.message);
  return oneTableSession(method, started.state);
}

function rightsIn(method: MethodId, roundId: string, who: 'host' | 'carla' | 'anouk'): BoardRights {
  const state = sessionIn(method, roundId);
  const table = tableFor(state, 'sess1234.t1');
  return who === 'host'
    ? boardRights({ state, table, role: 'host', participantId: null })
    : boardRights({ state, table, role: 'participant', participantId: who });
}

/** What a person may do in one round, as a short comparable record. */
function summary(r: BoardRights) {
  return {
    write: [...r.writable].sort(),
    dots: r.dotColumns.size > 0,
    react: r.canReact,
    rate: r.canRate,
    coreQuestion: r.canEditCoreQuestion,
    listening: r.listening,
  };
}

const LISTENS = { write: [], dots: false, react: false, rate: false, coreQuestion: false, listening: true };
const plan = (id: MethodId) => getMethod(id).rounds.map((r) => [r.id, r.minutes, [...r.openColumns]]);

describe('incident method', () => {
  const method = getMethod('incident');

  it('runs incident, facts, question, group analysis, advice, reaction and closing in 80 minutes', () => {
    expect(method.parallelTables).toBe(false);
    expect(plan('incident')).toEqual([
      ['welcome', 5, []],
      ['incident', 5, []],
      ['questions', 15, ['question']],
      ['core-question', 5, []],
      ['analysis', 20, ['pitfall', 'opportunity']],
      ['advice', 15, ['advice']],
      ['reaction', 10, []],
      ['closing', 5, []],
    ]);
    expect(totalMinutes(method.rounds)).toBe(80);
  });

  it('lets the group analyse while the case holder only listens, with the six hats as lenses', () => {
    const analysis = method.rounds.find((r) => r.id === 'analysis')!;
    expect(analysis).toMatchObject({ kind: 'analysis', caseHolderListens: true, lensSet: 'six-hats' });
    expect(summary(rightsIn('incident', 'analysis', 'carla'))).toEqual(LISTENS);
    expect(summary(rightsIn('incident', 'analysis', 'anouk'))).toMatchObject({
      write: ['opportunity', 'pitfall'],
      listening: false,
    });
    // Only in the analysis: elsewhere the case holder works as in any intervision.
    expect(method.rounds.filter((r) => r.caseHolderListens).map((r) => r.id)).toEqual(['analysis']);
    expect(summary(rightsIn('incident', 'questions', 'carla'))).toMatchObject({
      write: ['question'],
      coreQuestion: true,
    });
    expect(summary(rightsIn('incident', 'reaction', 'carla'))).toMatchObject({ react: true, listening: false });
    expect(rightsIn('incident', 'reaction', 'anouk').canReact).toBe(false);
  });

  it("closes a follow-up session with what became of last time's advice, before the closing round", () => {
    expect(method.lookbackAt).toBe('end');
    const rounds = withLookback(methodRounds('incident'), method.lookbackAt);
    expect(rounds.map((r) => r.id).slice(-3)).toEqual(['reaction', 'lookback', 'closing']);
    expect(rounds.filter((r) => r.kind === 'lookback')).toHaveLength(1);
    // Other methods keep the look-back first.
    expect(withLookback(methodRounds('intervision-90'), getMethod('intervision-90').lookbackAt)[0]?.id).toBe(
      'lookback',
    );
    // A method without a closing round ends with the look-back.
    expect(withLookback(methodRounds('balint'), 'end').at(-1)?.id).toBe('lookback');
  });
});

describe('gossip method (Roddelmethode)', () => {
  const method = getMethod('gossip');

  it('runs introduction, questions, the gossip round, the reaction and closing in 65 minutes', () => {
    expect(plan('gossip')).toEqual([
      ['welcome', 5, []],
      ['introduction', 10, []],
      ['questions', 10, ['question']],
      ['gossip', 20, ['pitfall', 'opportunity', 'advice']],
      ['reaction', 15, []],
      ['closing', 5, []],
    ]);
    expect(totalMinutes(method.rounds)).toBe(65);
  });

  it('makes the case holder a listener in the gossip round: the board open to see, closed to write', () => {
    const carla = rightsIn('gossip', 'gossip', 'carla');
    expect(carla.phase).toBe('open');
    expect(summary(carla)).toEqual(LISTENS);
    expect(columnNote(carla, 'advice')).toBe('closed');
    expect(summary(rightsIn('gossip', 'gossip', 'anouk'))).toEqual({
      write: ['advice', 'opportunity', 'pitfall'],
      dots: false,
      react: false,
      rate: false,
      coreQuestion: false,
      listening: false,
    });
    // The host is never a listener.
    expect(rightsIn('gossip', 'gossip', 'host').writable.size).toBe(COLUMNS.length);
    expect(summary(rightsIn('gossip', 'reaction', 'carla'))).toMatchObject({ react: true, listening: false });
  });
});

describe('Balint method', () => {
  const method = getMethod('balint');

  it('runs story, facts, private associations, sharing, ideas and the reaction in 80 minutes', () => {
    expect(plan('balint')).toEqual([
      ['welcome', 5, []],
      ['introduction', 10, []],
      ['questions', 10, ['question']],
      ['associations', 15, ['pitfall', 'opportunity']],
      ['sharing', 20, ['pitfall', 'opportunity']],
      ['ideas', 10, ['advice']],
      ['reaction', 10, []],
    ]);
    expect(totalMinutes(method.rounds)).toBe(80);
  });

  it('has everyone write associations privately first, then shares them openly', () => {
    const byId = Object.fromEntries(method.rounds.map((r) => [r.id, r]));
    expect(byId.associations?.privateWriting).toBe(true);
    expect(byId.sharing?.privateWriting).toBe(false);
    expect(rightsIn('balint', 'associations', 'anouk').privateDrafts).toBe(true);
    expect(rightsIn('balint', 'sharing', 'anouk').privateDrafts).toBe(false);
  });

  it('keeps the case holder from reacting until the last round', () => {
    const ids = method.rounds.map((r) => r.id);
    const last = ids.at(-1)!;
    expect(method.rounds.at(-1)?.kind).toBe('reaction');
    for (const id of ['associations', 'sharing', 'ideas']) {
      expect(summary(rightsIn('balint', id, 'carla')), id).toEqual(LISTENS);
      expect(rightsIn('balint', id, 'carla').privateDrafts, id).toBe(false);
    }
    // No round before the last lets the case holder react to anything.
    for (const id of ids.slice(0, -1)) expect(rightsIn('balint', id, 'carla').canReact, id).toBe(false);
    expect(summary(rightsIn('balint', last, 'carla'))).toMatchObject({ react: true, listening: false });
    // The others keep writing and voting while the case holder listens.
    expect(summary(rightsIn('balint', 'ideas', 'anouk'))).toMatchObject({ write: ['advice'], dots: true });
  });
});

describe('Socratic intervision', () => {
  const method = getMethod('socratic');

  it('runs open questions, the rating round and what lies underneath in 65 minutes', () => {
    expect(plan('socratic')).toEqual([
      ['welcome', 5, []],
      ['introduction', 10, []],
      ['questions', 15, ['question']],
      ['rating', 15, []],
      ['underlying', 15, ['pitfall', 'opportunity']],
      ['closing', 5, []],
    ]);
    expect(totalMinutes(method.rounds)).toBe(65);
    expect(method.rounds.find((r) => r.id === 'rating')?.kind).toBe('rating');
  });

  it('lets the case holder and the host rate questions in the rating round only', () => {
    expect(summary(rightsIn('socratic', 'rating', 'carla'))).toMatchObject({ write: [], rate: true, react: false });
    expect(rightsIn('socratic', 'rating', 'host').canRate).toBe(true);
    expect(summary(rightsIn('socratic', 'rating', 'anouk'))).toMatchObject({ write: [], rate: false });
    for (const id of ['questions', 'underlying', 'closing']) {
      expect(rightsIn('socratic', id, 'carla').canRate, id).toBe(false);
      expect(rightsIn('socratic', id, 'host').canRate, id).toBe(false);
    }
    expect(summary(rightsIn('socratic', 'questions', 'anouk')).write).toEqual(['question']);
  });

  it('is the only method with a rating round', () => {
    const rating = METHOD_IDS.filter((id) => getMethod(id).rounds.some((r) => r.kind === 'rating'));
    expect(rating).toEqual(['socratic']);
  });
});

describe('appreciative inquiry (case day)', () => {
  const method = getMethod('appreciative');

  it('runs discover, dream, design at the tables, then destiny and the handover for everyone', () => {
    expect(method.parallelTables).toBe(true);
    expect(plan('appreciative')).toEqual([
      ['opening', 15, []],
      ['table-introduction', 20, []],
      ['discover', 40, ['opportunity']],
      ['dream', 40, ['opportunity']],
      ['design', 45, ['pitfall', 'advice']],
      ['destiny', 45, ['opportunity', 'advice']],
      ['handover', 30, []],
    ]);
    expect(totalMinutes(method.rounds)).toBe(235);
    expect(method.rounds.map((r) => r.scope ?? 'table')).toEqual([
      'plenary',
      'table',
      'table',
      'table',
      'table',
      'plenary',
      'plenary',
    ]);
  });

  it('puts opportunities first: no pitfall before the design round', () => {
    const firstPitfall = method.rounds.findIndex((r) => r.openColumns.includes('pitfall'));
    const firstOpportunity = method.rounds.findIndex((r) => r.openColumns.includes('opportunity'));
    expect(method.rounds[firstPitfall]?.id).toBe('design');
    expect(firstOpportunity).toBeLessThan(firstPitfall);
    expect(summary(rightsIn('appreciative', 'discover', 'anouk')).write).toEqual(['opportunity']);
  });

  it('votes at the design round and in the destiny plenary, where tables promote their cards', () => {
    expect(summary(rightsIn('appreciative', 'design', 'anouk'))).toMatchObject({
      write: ['advice', 'pitfall'],
      dots: true,
    });
    const destiny = rightsIn('appreciative', 'destiny', 'anouk');
    expect(destiny.canPromote).toBe(true);
    expect(rightsIn('appreciative', 'design', 'anouk').canPromote).toBe(false);
    // The case holder works along at a case day; nobody only listens.
    expect(method.rounds.some((r) => r.caseHolderListens)).toBe(false);
    expect(summary(rightsIn('appreciative', 'discover', 'carla')).write).toEqual(['opportunity']);
  });
});

describe('round fields of issue 15', () => {
  it('the host may set caseHolderListens and a lens set on a round, nothing unknown', () => {
    const round = methodRounds('custom')[0]!;
    expect(roundSchema.safeParse({ ...round, caseHolderListens: true, lensSet: 'six-hats' }).success).toBe(true);
    expect(roundSchema.safeParse({ ...round, kind: 'rating' }).success).toBe(true);
    expect(roundSchema.safeParse({ ...round, lensSet: 'tarot' }).success).toBe(false);
    expect(roundSchema.safeParse({ ...round, caseHolderListens: 'yes' }).success).toBe(false);
  });

  it('a listening round gives the case holder nothing to write, in every method', () => {
    for (const id of METHOD_IDS) {
      for (const round of getMethod(id).rounds.filter((r) => r.caseHolderListens)) {
        expect(summary(rightsIn(id, round.id, 'carla')), `${id}/${round.id}`).toEqual(LISTENS);
        expect(rightsIn(id, round.id, 'carla').canWriteLearning, `${id}/${round.id}`).toBe(false);
      }
    }
  });
});
