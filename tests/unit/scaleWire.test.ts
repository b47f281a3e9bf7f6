import { describe, expect, it } from 'vitest';
import { SeqTracker } from '../../server/src/scale/SeqTracker';
import { decodeWire, encodeWire, type WireMessage } from '../../server/src/scale/wire';

describe('messages between instances', () => {
  it('round-trip every kind, with the sending instance', () => {
    const messages: WireMessage[] = [
      { type: 'update', from: 'app1:ab12', seq: 123456, update: new Uint8Array([0, 1, 255]) },
      { type: 'awareness', from: 'app2:cd34', update: new Uint8Array([7]) },
      { type: 'awareness-query', from: 'app1:ab12' },
      { type: 'close', from: 'app1:ab12', participantId: 'p1', code: 4403, reason: 'moved to another table' },
      { type: 'read-only', from: 'app2:cd34', sessionId: 's1', locked: true },
      { type: 'read-only', from: 'app2:cd34', sessionId: 's1', locked: false },
      { type: 'session-closed', from: 'app2:cd34', sessionId: 's1', code: 4404, reason: 'session deleted' },
    ];
    for (const msg of messages) expect(decodeWire(encodeWire(msg))).toEqual(msg);
  });

  it('turn garbage into null instead of throwing', () => {
    for (const bytes of [[], [9], [0], [0, 3, 97], [200, 200, 200]]) expect(decodeWire(new Uint8Array(bytes))).toBeNull();
  });
});

describe('SeqTracker', () => {
  it('moves `through` over contiguous seqs, in any arrival order, and refuses repeats', () => {
    const t = new SeqTracker();
    expect(t.note(2)).toBe(true);
    expect(t.through).toBe(0);
    expect(t.hasGap).toBe(true);
    expect(t.note(1)).toBe(true);
    expect(t.through).toBe(2);
    expect(t.hasGap).toBe(false);
    expect(t.note(2)).toBe(false);
    expect(t.note(5)).toBe(true);
    expect(t.note(5)).toBe(false);
    expect(t.through).toBe(2);
  });

  it('jumps ahead after a catch-up and keeps what is still beyond it', () => {
    const t = new SeqTracker();
    t.note(3);
    t.note(9);
    t.advanceTo(7);
    expect(t.through).toBe(7);
    expect(t.note(4)).toBe(false);
    expect(t.note(8)).toBe(true);
    expect(t.through).toBe(9);
    expect(t.hasGap).toBe(false);
  });
});
