/**
 * Group commit: the appends requested in one event-loop turn are written together, in one write
 * to the SQLite store's append log (appendLog.ts), one SQLite transaction (an in-memory database)
 * or one Redis pipeline, right after the turn's I/O callbacks (setImmediate). Each
 * caller's promise settles when its group has been written, so a room still relays an update only
 * after it is stored; what changes is that a hundred rooms share one commit instead of a hundred.
 */
export class GroupCommit<Item, Result> {
  private pending: { item: Item; resolve: (r: Result) => void; reject: (err: unknown) => void }[] = [];
  private scheduled: ReturnType<typeof setImmediate> | null = null;
  /** Groups written and the appends in them, for diagnosis (nothing in the server reads them yet). */
  readonly stats = { groups: 0, items: 0, largest: 0 };

  /**
   * `write` stores a whole group and returns one result per item, in order: an Error for an item
   * that failed alone (its caller is rejected, the others are not); a throw rejects the whole group.
   */
  constructor(private readonly write: (items: Item[]) => (Result | Error)[] | Promise<(Result | Error)[]>) {}

  add(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.scheduled ??= setImmediate(() => void this.flush());
    });
  }

  /** Writes what is pending now (before a read or a delete that must see it); resolves when written. */
  async flush(): Promise<void> {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    this.stats.groups++;
    this.stats.items += group.length;
    this.stats.largest = Math.max(this.stats.largest, group.length);
    let results: (Result | Error)[];
    try {
      results = await this.write(group.map((p) => p.item));
    } catch (err) {
      for (const p of group) p.reject(err);
      return;
    }
    group.forEach((p, i) => {
      const result = results[i];
      if (result instanceof Error) p.reject(result);
      else if (result === undefined) p.reject(new Error('the store returned no result for an append'));
      else p.resolve(result);
    });
  }
}
