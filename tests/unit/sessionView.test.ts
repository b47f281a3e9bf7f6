import { describe, expect, it } from 'vitest';
import { boardDocName, seesJoinDetails, sessionView, type SessionFacts, type Viewer } from '@casusbord/shared';

const session: SessionFacts = {
  id: 'S1abcdefgh',
  joinCode: 'AB3K9X',
  title: 'Intervisie',
  city: 'Utrecht',
  question: 'Hoe verder?',
  caseHolderName: 'Anna',
  context: null,
  method: 'intervision-90',
  locale: 'nl',
  createdAt: Date.UTC(2025, 0, 2, 9, 30),
  groups: [
    { id: 't1', name: 'Tafel 1' },
    { id: 't2', name: 'Tafel 2' },
  ],
};
const host: Viewer = { role: 'host', participantId: null, name: 'Procesbegeleider', groupId: null };
const bram: Viewer = { role: 'participant', participantId: 'p2', name: 'Bram', groupId: 't2' };
const recipient: Viewer = { role: 'recipient', participantId: null, name: 'Ontvanger', groupId: null };
const join = {
  joinUrl: 'https://casus.example/join/AB3K9X',
  participants: [{ id: 'p2', name: 'Bram', groupId: 't2', sessionId: 'S1abcdefgh', createdAt: 1 }],
};

describe('what each role sees of a session', () => {
  it('shows the host every table, the join code and link and who joined (nothing more of them)', () => {
    const view = sessionView(session, host, join);
    expect(view.groups.map((g) => g.id)).toEqual(['t1', 't2']);
    expect(view.joinCode).toBe('AB3K9X');
    expect(view.joinUrl).toBe('https://casus.example/join/AB3K9X');
    expect(view.participants).toEqual([{ id: 'p2', name: 'Bram', groupId: 't2' }]);
    expect(view.you).toEqual({ role: 'host', participantId: null, name: null, groupId: null });
    expect(view.createdAt).toBe('2025-01-02T09:30:00.000Z');
    expect([view.communityId, view.theme, view.followUpOf]).toEqual([null, null, null]);
  });

  it('shows a participant only their own table, with its document, and no join details', () => {
    const view = sessionView(session, bram, null);
    expect(view.groups).toEqual([{ id: 't2', name: 'Tafel 2', docName: boardDocName(session.id, 't2') }]);
    expect(view.you).toEqual({ role: 'participant', participantId: 'p2', name: 'Bram', groupId: 't2' });
    expect(view).not.toHaveProperty('joinCode');
    expect(view).not.toHaveProperty('joinUrl');
    expect(view).not.toHaveProperty('participants');
  });

  it('shows a recipient every table but neither the code nor the people, even if given them', () => {
    const view = sessionView(session, recipient, join);
    expect(view.groups.map((g) => g.id)).toEqual(['t1', 't2']);
    expect(view.you.name).toBeNull();
    expect(view).not.toHaveProperty('joinCode');
    expect(view).not.toHaveProperty('participants');
  });

  it('asks for the join details only for the host, and refuses a host view without them', () => {
    expect([host, bram, recipient].map((v) => seesJoinDetails(v.role))).toEqual([true, false, false]);
    expect(() => sessionView(session, host, null)).toThrow();
  });

  it('carries the community fields through', () => {
    const view = sessionView({ ...session, communityId: 'c1', theme: 'zorg', followUpOf: 'S0' }, bram, null);
    expect([view.communityId, view.theme, view.followUpOf]).toEqual(['c1', 'zorg', 'S0']);
  });
});
