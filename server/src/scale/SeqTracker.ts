/**
 * Which of a document's stored sequence numbers this instance has applied. The store hands them
 * out without holes (APPEND_UPDATE in store/redisScripts.ts), but pub/sub delivers the updates of
 * different instances in any order and may drop some during a Redis outage: `through` is the
 * highest seq up to which nothing is missing, `ahead` the ones seen beyond it.
 */
export class SeqTracker {
  through = 0;
  private readonly ahead = new Set<number>();

  /** Records `seq`; false when it was already applied (the caller then skips it). */
  note(seq: number): boolean {
    if (seq <= this.through || this.ahead.has(seq)) return false;
    this.ahead.add(seq);
    this.settle();
    return true;
  }

  /** Everything up to `seq` has been applied (after a catch-up from the store). */
  advanceTo(seq: number): void {
    if (seq > this.through) this.through = seq;
    this.settle();
  }

  /** True when some seq beyond `through` arrived while one before it did not. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  private settle(): void {
    for (const seq of this.ahead) if (seq <= this.through) this.ahead.delete(seq);
    while (this.ahead.delete(this.through + 1)) this.through++;
  }
}
