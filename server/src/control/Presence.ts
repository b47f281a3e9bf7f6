import type { PresenceEntry } from '@casusbord/shared';
import type { Principal } from '../auth/Auth';
import type { Store } from '../store/Store';

/** Everyone connected to a session on any instance (one entry per socket); see useRoster. */
export type Roster = (sessionId: string) => Promise<Principal[]>;

type People = Map<string, { principal: Principal; sockets: number }>;

/** Counts open sockets per person, so a second tab or a reconnect does not flicker "offline". */
export class Presence {
  private readonly online = new Map<string, People>();
  private roster: Roster | null = null;

  /**
   * With several instances, list() asks all of them (the Socket.io adapter's fetchSockets) instead
   * of trusting this instance's counts, so it is right across instances and heals by itself when
   * an instance dies. If the others do not answer, this instance's own counts are used.
   * isOnline() stays local to this instance.
   */
  useRoster(roster: Roster): void {
    this.roster = roster;
  }

  private async people(sessionId: string): Promise<People | undefined> {
    const principals = this.roster ? await this.roster(sessionId).catch(() => null) : null;
    if (!principals) return this.online.get(sessionId);
    const people: People = new Map();
    for (const principal of principals) {
      const entry = people.get(Presence.key(principal));
      if (entry) entry.sockets++;
      else people.set(Presence.key(principal), { principal, sockets: 1 });
    }
    return people;
  }

  private static key(p: Principal): string {
    return p.participantId ?? p.role;
  }

  join(principal: Principal): void {
    let people = this.online.get(principal.sessionId);
    if (!people) this.online.set(principal.sessionId, (people = new Map()));
    const key = Presence.key(principal);
    const entry = people.get(key);
    if (entry) entry.sockets++;
    else people.set(key, { principal, sockets: 1 });
  }

  leave(principal: Principal): void {
    const people = this.online.get(principal.sessionId);
    const key = Presence.key(principal);
    const entry = people?.get(key);
    if (!people || !entry) return;
    if (--entry.sockets <= 0) people.delete(key);
    if (people.size === 0) this.online.delete(principal.sessionId);
  }

  isOnline(sessionId: string, participantId: string): boolean {
    return this.online.get(sessionId)?.has(participantId) ?? false;
  }

  /** Everyone who joined the session (online or not), plus the host and recipients while online. */
  async list(store: Store, sessionId: string): Promise<PresenceEntry[]> {
    const people = await this.people(sessionId);
    const entries: PresenceEntry[] = [];
    for (const { principal } of people?.values() ?? []) {
      if (principal.role !== 'participant') {
        entries.push({ participantId: null, name: principal.name, role: principal.role, groupId: null, online: true });
      }
    }
    for (const p of await store.listParticipants(sessionId)) {
      entries.push({
        participantId: p.id,
        name: p.name,
        role: 'participant',
        groupId: p.groupId,
        online: people?.has(p.id) ?? false,
      });
    }
    return entries;
  }
}
