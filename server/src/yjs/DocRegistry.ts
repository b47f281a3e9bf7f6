import type { Store } from '../store/Store';
import { DocRoom, type RoomOptions } from './DocRoom';

/**
 * Loads each document once, shares it between its connections and releases it `idleMs` after the
 * last connection left (writing a final snapshot).
 */
export class DocRegistry {
  private readonly rooms = new Map<string, Promise<DocRoom>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

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

  /** The room if it is loaded; never loads. */
  async peek(name: string): Promise<DocRoom | null> {
    const entry = this.rooms.get(name);
    if (!entry) return null;
    const room = await entry.catch(() => null);
    return room && !room.isClosed ? room : null;
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

  /** Closes every room (final snapshots written); used on shutdown. */
  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => null)));
    await Promise.all(rooms.map((room) => room?.close()));
    this.rooms.clear();
  }
}
