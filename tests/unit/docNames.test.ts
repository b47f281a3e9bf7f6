import { describe, expect, it } from 'vitest';
import { boardDocName, draftDocName, parseDocName, plenaryDocName, sessionOfDoc } from '@casusbord/shared';

describe('document names: built and read in one place', () => {
  const session = 'S1abcdefgh';

  it('reads back what it builds', () => {
    expect(parseDocName(boardDocName(session, 't2'))).toEqual({ kind: 'board', sessionId: session, groupId: 't2' });
    expect(parseDocName(plenaryDocName(session))).toEqual({ kind: 'plenary', sessionId: session });
    expect(parseDocName(draftDocName(session, 'p1XYZ'))).toEqual({
      kind: 'draft',
      sessionId: session,
      participantId: 'p1XYZ',
    });
  });

  it('refuses names of another scheme', () => {
    for (const name of [
      '',
      'S1abcdefgh',
      'short.t1',
      `${session}.`,
      `${session}.d-`,
      `${session}.t1.x`,
      `${session}.${'x'.repeat(33)}`,
      `${session}.t 1`,
      `../${session}.t1`,
    ]) {
      expect(parseDocName(name), name).toBeNull();
    }
  });

  it('finds the session of any stored name (the part before the first dot)', () => {
    expect(sessionOfDoc(draftDocName(session, 'p1'))).toBe(session);
    expect(sessionOfDoc('nodot')).toBeNull();
  });
});
