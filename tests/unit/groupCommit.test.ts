import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../server/src/store/groupCommit';

/** A GroupCommit whose writes are recorded; `fail` decides per item (Error) or for the group (throw). */
function recorder(fail: (item: number) => 'item' | 'group' | null = () => null) {
  const groups: number[][] = [];
  const commit = new GroupCommit<number, string>((items) => {
    groups.push(items);
    if (items.some((i) => fail(i) === 'group')) throw new Error('disk gone');
    return items.map((i) => (fail(i) === 'item' ? new Error(`item ${i} refused`) : `stored ${i}`));
  });
  return { groups, commit };
}

describe('GroupCommit', () => {
  it('writes the appends of one event-loop turn as one group and answers each caller with its own result', async () => {
    const { groups, commit } = recorder();
    const answers = await Promise.all([1, 2, 3].map((i) => commit.add(i)));
    expect(groups).toEqual([[1, 2, 3]]);
    expect(answers).toEqual(['stored 1', 'stored 2', 'stored 3']);
    expect(commit.stats).toEqual({ groups: 1, items: 3, largest: 3 });
  });

  it('starts a new group in the next turn', async () => {
    const { groups, commit } = recorder();
    await commit.add(1);
    await commit.add(2);
    expect(groups).toEqual([[1], [2]]);
  });

  it('rejects only the item that failed alone, and the whole group when the write throws', async () => {
    const { commit } = recorder((i) => (i === 2 ? 'item' : i === 9 ? 'group' : null));
    const settled = await Promise.allSettled([commit.add(1), commit.add(2), commit.add(3)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const whole = await Promise.allSettled([commit.add(8), commit.add(9)]);
    expect(whole.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });

  it('flush() writes what is pending at once (before a read or delete)', async () => {
    const { groups, commit } = recorder();
    const first = commit.add(1);
    await commit.flush();
    expect(groups).toEqual([[1]]);
    await expect(first).resolves.toBe('stored 1');
  });
});
