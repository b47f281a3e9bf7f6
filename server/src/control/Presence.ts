import type { PresenceEntry } from '@casusbord/shared';
import type { Principal } from '../auth/Auth';
import type { Store } from '../store/Store';

/** Counts open sockets per person, so a second tab or a reconnect does not flicker "offline". */
export class Presence {
  private readonly online = new Map<string, Map<string, { principal: Principal; sockets: number }>>();

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
    const people = this.online.get(sessionId);
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
