import { describe, expect, it } from 'vitest';
import { getMethod, keepsPrivateNotes, offersPrivateNotes, type MethodId } from '@casusbord/shared';

const carla = { role: 'participant' as const, participantId: 'carla' };

describe('private notes: who keeps them (issue 15)', () => {
  it("are the case holder's alone: not another participant, the host or the recipient", () => {
    expect(keepsPrivateNotes('carla', carla)).toBe(true);
    expect(keepsPrivateNotes('carla', { role: 'participant', participantId: 'anouk' })).toBe(false);
    expect(keepsPrivateNotes('carla', { role: 'host', participantId: null })).toBe(false);
    expect(keepsPrivateNotes('carla', { role: 'recipient', participantId: null })).toBe(false);
    // No case holder named: nobody, whatever id a token carries.
    expect(keepsPrivateNotes(null, carla)).toBe(false);
    expect(keepsPrivateNotes(null, { role: 'participant', participantId: null })).toBe(false);
  });

  it('are offered in the methods where the case holder listens in some round', () => {
    const offered = (id: MethodId) => offersPrivateNotes('carla', carla, getMethod(id).rounds);
    expect(offered('gossip')).toBe(true);
    expect(offered('balint')).toBe(true);
    expect(offered('incident')).toBe(true);
    expect(offered('socratic')).toBe(false);
    expect(offered('intervision-90')).toBe(false);
    expect(offersPrivateNotes('carla', { role: 'host', participantId: null }, getMethod('gossip').rounds)).toBe(false);
  });
});
