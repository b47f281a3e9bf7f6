import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  createRoundState,
  methodRounds,
  type RoundState,
  type SessionState,
  type TableState,
} from '@casusbord/shared';
import { draftsWaiting, formatMinutes, parseMinutes } from '../../client/src/components/host/hostFormat';
import { watchedDocNames } from '../../client/src/net/hostBridge';
import { beamerPath, hostPath, parseRoute } from '../../client/src/router';
import { createHostBoardsStore } from '../../client/src/stores/hostBoardsStore';
import { clockSeconds } from '../helpers/pages';

function table(round: RoundState, revealedRounds: string[] = []): TableState {
  return { id: 't1', name: 'Tafel 1', docName: 's.t1', round, revealedRounds };
}

/** The intervision state moved to round `index` (analysis = 4, the private one), running. */
function runningAt(index: number): RoundState {
  const started = applyCommand(createRoundState(methodRounds('intervision-90')), { type: 'start', index }, 1000);
  if (!started.ok) throw new Error(started.message);
  return started.state;
}

describe('host routes', () => {
  it('parses the host and beamer pages of a session and builds their paths', () => {
    expect(parseRoute('/s/abc/host')).toEqual({ name: 'host', sessionId: 'abc' });
    expect(parseRoute('/s/abc/beamer')).toEqual({ name: 'beamer', sessionId: 'abc' });
    expect(parseRoute('/s/abc')).toEqual({ name: 'board', sessionId: 'abc' });
    expect(parseRoute('/s/abc/other')).toEqual({ name: 'notFound' });
    expect(parseRoute('/x/abc/host')).toEqual({ name: 'notFound' });
    expect(parseRoute(hostPath('a b'))).toEqual({ name: 'host', sessionId: 'a b' });
    expect(parseRoute(beamerPath('a/b'))).toEqual({ name: 'beamer', sessionId: 'a/b' });
  });
});

describe('host view helpers', () => {
  it('reads minutes as people type them, in both decimal styles', () => {
    expect(parseMinutes('15')).toBe(15);
    expect(parseMinutes(' 2,5 ')).toBe(2.5);
    expect(parseMinutes('2.5')).toBe(2.5);
    expect(parseMinutes('')).toBeNaN();
    expect(parseMinutes('-3')).toBeNaN();
    expect(parseMinutes('1e3')).toBeNaN();
    expect(formatMinutes(2.5, 'nl')).toBe('2,5');
    expect(formatMinutes(2.5, 'en')).toBe('2.5');
    expect(formatMinutes(0.016666, 'nl')).toBe('0,02');
  });

  it('says drafts are waiting only in an active private round that has not been revealed', () => {
    expect(draftsWaiting(table(createRoundState(methodRounds('intervision-90'))))).toBe(false);
    expect(draftsWaiting(table(runningAt(2)))).toBe(false); // questions: not private
    expect(draftsWaiting(table(runningAt(4)))).toBe(true); // analysis
    expect(draftsWaiting(table(runningAt(4), ['analysis']))).toBe(false);
    const finished = applyCommand(runningAt(4), { type: 'finish' }, 2000);
    expect(finished.ok && draftsWaiting(table(finished.state))).toBe(false);
  });

  it('watches every table board and, on a case day, the plenary board', () => {
    const base = { tables: [table(runningAt(0)), { ...table(runningAt(0)), id: 't2', docName: 's.t2' }] };
    expect(watchedDocNames({ ...base, plenaryDocName: null } as unknown as SessionState)).toEqual(['s.t1', 's.t2']);
    expect(watchedDocNames({ ...base, plenaryDocName: 's.plenary' } as unknown as SessionState)).toEqual([
      's.t1',
      's.t2',
      's.plenary',
    ]);
  });

  it('reads a clock the way a person does', () => {
    expect(clockSeconds('12:05')).toBe(725);
    expect(clockSeconds('+0:42')).toBe(-42);
    expect(() => clockSeconds('--:--')).toThrow();
  });
});

describe('host boards store', () => {
  it('keeps a snapshot per board, remembers the first sync and forgets boards no longer watched', () => {
    const store = createHostBoardsStore();
    store.getState().setCards('s.t1', []);
    expect(store.getState().boards['s.t1']).toEqual({ cards: [], synced: false, failed: false });
    store.getState().setSynced('s.t1', true);
    store.getState().setFailed('s.t2');
    expect(store.getState().boards['s.t1']?.synced).toBe(true);
    expect(store.getState().boards['s.t2']?.failed).toBe(true);
    store.getState().keepOnly(['s.t1']);
    expect(Object.keys(store.getState().boards)).toEqual(['s.t1']);
    store.getState().reset();
    expect(store.getState().boards).toEqual({});
  });
});
