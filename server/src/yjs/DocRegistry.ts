import type { SessionRecord, Store } from '../store/Store';
import { DocRoom, type RoomOptions } from './DocRoom';

/**
 * Loads each document once, shares it between its connections and releases it `idleMs` after the
 * last connection left (writing a final snapshot).
 */
export class DocRegistry {
  private readonly rooms = new Map<string, Promise<DocRoom>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /**
   * The last lock change (handover, reopen) made on this instance per session; a new object each
   * time, so a connection can tell whether one happened while it read the store.
   */
  private readonly lockChanges = new Map<string, { locked: boolean }>();

  constructor(
    private readonly store: Store,
    private readonly options: RoomOptions & { idleMs: number },
  ) {}

  /** The loaded room; call addConnection on it right away (before any await) so it is not released. */
  async acquire(name: string): Promise<DocRoom> {
    for (;;) {
      let entry = this.rooms.get(name);
      if (!entry) {
        entry = DocRoom.load(name, this.store, this.options);
        this.rooms.set(name, entry);
        entry.catch(() => {
          if (this.rooms.get(name) === entry) this.rooms.delete(name);
        });
      }
      const room = await entry;
      if (!room.isClosed) {
        this.cancelIdle(name);
        return room;
      }
      await room.whenClosed();
      if (this.rooms.get(name) === entry) this.rooms.delete(name);
    }
  }

  /** Documents loaded or loading, for /metrics. */
  get loadedCount(): number {
    return this.rooms.size;
  }

  /** The room if it is loaded; never loads. */
  async peek(name: string): Promise<DocRoom | null> {
    const entry = this.rooms.get(name);
    if (!entry) return null;
    const room = await entry.catch(() => null);
    return room && !room.isClosed ? room : null;
  }

  /**
   * Reads the session from the store, the source of truth for every instance: its record (null
   * when it is gone) and whether it is locked (handed over). Call it before acquire; `locked()`
   * gives the answer right before addConnection: a lock change made on this instance since the
   * read wins over what was read.
   */
  async readSession(sessionId: string): Promise<{ session: SessionRecord | null; locked: () => boolean }> {
    const before = this.lockChanges.get(sessionId);
    const session = await this.store.getSession(sessionId);
    const stored = session?.locked === true;
    const locked = () => {
      const latest = this.lockChanges.get(sessionId);
      return latest && latest !== before ? latest.locked : stored;
    };
    return { session, locked };
  }

  /**
   * Makes every document of the session read-only for every connection (handover), or gives the
   * writers back their writes (reopen); connections accepted later follow the same state. Store
   * the lock first: this only changes what this instance enforces.
   */
  async setSessionReadOnly(sessionId: string, readOnly: boolean): Promise<void> {
    this.lockChanges.set(sessionId, { locked: readOnly });
    // Other instances (scale-out) apply it to their open rooms too.
    this.options.sync?.sessionReadOnly(sessionId, readOnly);
    const prefix = `${sessionId}.`;
    const entries = [...this.rooms.entries()].filter(([name]) => name.startsWith(prefix)).map(([, entry]) => entry);
    const rooms = await Promise.all(entries.map((entry) => entry.catch(() => null)));
    for (const room of rooms) if (room && !room.isClosed) room.setReadOnly(readOnly);
  }

  /** Called when a connection left; schedules the release of an empty room. */
  released(room: DocRoom): void {
    if (room.connections.size > 0 || room.isClosed) return;
    this.cancelIdle(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (room.connections.size === 0) void this.unload(room);
    }, this.options.idleMs);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  get size(): number {
    return this.rooms.size;
  }

  private cancelIdle(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(name);
    }
  }

  private async unload(room: DocRoom): Promise<void> {
    await room.close();
    const entry = this.rooms.get(room.name);
    if (entry && (await entry.catch(() => null)) === room) this.rooms.delete(room.name);
  }

  /** Closes the rooms of one session without writing anything more (the session is being deleted). */
  async closeSession(sessionId: string, code: number, reason: string): Promise<void> {
    this.options.sync?.sessionClosed(sessionId, code, reason);
    const prefix = `${sessionId}.`;
    const entries = [...this.rooms.entries()].filter(([name]) => name.startsWith(prefix));
    for (const [name] of entries) this.cancelIdle(name);
    const rooms = await Promise.all(entries.map(([, p]) => p.catch(() => null)));
    await Promise.all(rooms.map((room) => room?.close(code, reason, false)));
    for (const [name, p] of entries) if (this.rooms.get(name) === p) this.rooms.delete(name);
  }

  /** Closes every room (final snapshots written); used on shutdown. */
  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => null)));
    await Promise.all(rooms.map((room) => room?.close()));
    this.rooms.clear();
  }
}
