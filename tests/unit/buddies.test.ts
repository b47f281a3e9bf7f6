import { describe, expect, it } from 'vitest';
import {
  COMMUNITY_LIMITS,
  buddiesPresent,
  findPinned,
  mayPair,
  pairingProblem,
  relationsOf,
  resolvePins,
  togglePin,
  type ArchiveEntry,
  type CommunityPin,
} from '@casusbord/shared';

const members = [
  { id: 'nina', buddyId: 'bert' },
  { id: 'bert', buddyId: null },
  { id: 'olga', buddyId: 'bert' },
];

const entry: ArchiveEntry = {
  sessionId: 's1',
  title: 'Intervisie Kruiskamp',
  city: 'Amersfoort',
  theme: null,
  handedOverAt: 1,
  coreQuestion: 'Vraag?',
  followUpOf: null,
  advice: [{ cardId: 'a1', text: 'Stel een kwartiermaker aan', dots: 3, reaction: null, reactionNote: null }],
  followUp: [],
  readings: [
    { reviewId: 'r1', title: 'Handboek', author: '', link: '', verdict: 'useful', why: 'Goed', reactions: [] },
  ],
  thread: ['s1'],
};
const pin = (kind: CommunityPin['kind'], itemId: string, sessionId = 's1'): CommunityPin => ({
  kind,
  sessionId,
  itemId,
});

describe('buddies: pairing', () => {
  it('is the facilitator’s only', () => {
    expect(mayPair('facilitator')).toBe(true);
    expect(mayPair('member')).toBe(false);
  });

  it('needs two different members of the community, never each other’s buddy', () => {
    expect(pairingProblem(members, 'olga', 'nina')).toBeNull();
    expect(pairingProblem(members, 'nina', 'nina')?.code).toBe('validation_failed');
    expect(pairingProblem(members, 'nina', 'zed')?.code).toBe('not_found');
    expect(pairingProblem(members, 'zed', 'bert')?.code).toBe('not_found');
    expect(pairingProblem(members, 'bert', 'nina')?.code).toBe('validation_failed');
  });

  it('knows both sides of a pair and shows them only when both are in the session', () => {
    expect(relationsOf(members, 'nina')).toEqual([{ memberId: 'bert', relation: 'buddy' }]);
    expect(relationsOf(members, 'bert')).toEqual([
      { memberId: 'nina', relation: 'newcomer' },
      { memberId: 'olga', relation: 'newcomer' },
    ]);
    expect(buddiesPresent(members, 'nina', new Set(['nina']))).toEqual([]);
    expect(buddiesPresent(members, 'nina', new Set(['bert']))).toEqual([]);
    expect(buddiesPresent(members, 'bert', new Set(['nina', 'bert']))).toEqual([
      { memberId: 'nina', relation: 'newcomer' },
    ]);
    // The join screen, before Bert joined: who of his relations is already there.
    expect(buddiesPresent(members, 'bert', new Set(['nina']), { meToo: false })).toEqual([
      { memberId: 'nina', relation: 'newcomer' },
    ]);
    expect(buddiesPresent(members, 'nina', new Set(['nina']), { meToo: false })).toEqual([]);
  });
});

describe('buddies: pins', () => {
  it('adds a pin once, newest first, takes it off, and stops at the limit', () => {
    let pins = togglePin([], pin('advice', 'a1'), true)!;
    pins = togglePin(pins, pin('reading', 'r1'), true)!;
    expect(togglePin(pins, pin('advice', 'a1'), true)).toEqual([pin('advice', 'a1'), pin('reading', 'r1')]);
    expect(togglePin(pins, pin('advice', 'a1'), false)).toEqual([pin('reading', 'r1')]);
    const full = Array.from({ length: COMMUNITY_LIMITS.pinsPerMember }, (_, i) => pin('advice', `x${i}`));
    expect(togglePin(full, pin('advice', 'new'), true)).toBeNull();
    expect(togglePin(full, pin('advice', 'x3'), false)).toHaveLength(COMMUNITY_LIMITS.pinsPerMember - 1);
  });

  it('resolves pins against the archive and drops what is gone', () => {
    expect(findPinned([entry], pin('advice', 'a1'))).toMatchObject({
      text: 'Stel een kwartiermaker aan',
      reading: null,
    });
    expect(findPinned([entry], pin('reading', 'r1'))?.reading?.title).toBe('Handboek');
    expect(findPinned([entry], pin('reading', 'a1'))).toBeNull();
    expect(findPinned([entry], pin('advice', 'a1', 'gone'))).toBeNull();
    expect(
      resolvePins([entry], [pin('reading', 'r1'), pin('advice', 'zz'), pin('advice', 'a1')]).map((p) => p.itemId),
    ).toEqual(['r1', 'a1']);
  });
});
