import type { ArchiveEntry, ArchiveReading, CommunityPin, PinnedItem } from '../protocol/community';
import { COMMUNITY_LIMITS } from '../protocol/community';

/*
 * Buddies in a community (issue 16), pure: a facilitator pairs a newcomer with an experienced
 * member; the newcomer's archive opens on what the buddy pinned (advice and readings); a session
 * shows each of the two who the other is when both joined it. The server enforces these rules
 * (server/src/http/buddyRoutes.ts); the client uses the same functions to decide what it offers.
 */

/** What a member is, as the rules need it. */
export interface BuddyMember {
  id: string;
  buddyId: string | null;
}

export type PairingProblem = { code: 'validation_failed' | 'not_found'; message: string };

/** Only the community's facilitator key pairs and unpairs. */
export function mayPair(role: 'member' | 'facilitator'): boolean {
  return role === 'facilitator';
}

/** Why a newcomer cannot get this buddy, or null. */
export function pairingProblem(
  members: readonly BuddyMember[],
  newcomerId: string,
  buddyId: string,
): PairingProblem | null {
  if (newcomerId === buddyId) return { code: 'validation_failed', message: 'A member cannot be their own buddy' };
  const ids = new Set(members.map((m) => m.id));
  if (!ids.has(newcomerId))
    return { code: 'not_found', message: 'newcomerId: no member of this community has that id' };
  if (!ids.has(buddyId)) return { code: 'not_found', message: 'buddyId: no member of this community has that id' };
  // Two members are never each other's buddy: one of them is the experienced one.
  if (members.find((m) => m.id === buddyId)?.buddyId === newcomerId) {
    return { code: 'validation_failed', message: 'These two would be each other’s buddy; unpair the other way first' };
  }
  return null;
}

const samePin = (a: CommunityPin, b: CommunityPin) =>
  a.kind === b.kind && a.sessionId === b.sessionId && a.itemId === b.itemId;

/** A member's pins with `pin` added (newest first, once) or taken off; null when the list is full. */
export function togglePin(pins: readonly CommunityPin[], pin: CommunityPin, pinned: boolean): CommunityPin[] | null {
  const rest = pins.filter((p) => !samePin(p, pin));
  if (!pinned) return rest;
  if (rest.length >= COMMUNITY_LIMITS.pinsPerMember) return null;
  return [{ kind: pin.kind, sessionId: pin.sessionId, itemId: pin.itemId }, ...rest];
}

/** The pinned item in the archive, or null when it is not there (not pinnable, or gone since). */
export function findPinned(entries: readonly ArchiveEntry[], pin: CommunityPin): PinnedItem | null {
  const entry = entries.find((e) => e.sessionId === pin.sessionId);
  if (!entry) return null;
  const base = { ...pin, sessionTitle: entry.title, city: entry.city, handedOverAt: entry.handedOverAt };
  if (pin.kind === 'advice') {
    const advice = entry.advice.find((a) => a.cardId === pin.itemId);
    return advice ? { ...base, text: advice.text, reading: null } : null;
  }
  const reading: ArchiveReading | undefined = entry.readings.find((r) => r.reviewId === pin.itemId);
  return reading ? { ...base, text: reading.title, reading } : null;
}

/** A member's pins as the archive shows them, in pin order; pins to items that are gone are left out. */
export function resolvePins(entries: readonly ArchiveEntry[], pins: readonly CommunityPin[]): PinnedItem[] {
  return pins.flatMap((p) => findPinned(entries, p) ?? []);
}

/** The buddy relations of `me`: my buddy, and the newcomers I am the buddy of. */
export function relationsOf(
  members: readonly BuddyMember[],
  meId: string,
): Array<{ memberId: string; relation: 'buddy' | 'newcomer' }> {
  const me = members.find((m) => m.id === meId);
  const out: Array<{ memberId: string; relation: 'buddy' | 'newcomer' }> = [];
  if (me?.buddyId) out.push({ memberId: me.buddyId, relation: 'buddy' });
  for (const m of members) if (m.buddyId === meId && m.id !== meId) out.push({ memberId: m.id, relation: 'newcomer' });
  return out;
}

/**
 * Who of my buddy relations is in a session: `present` holds the member ids of the session's
 * participants. With `meToo` (the board's notice), nothing unless I am there as well; without it
 * (the join screen, before I joined), whoever of them is already there.
 */
export function buddiesPresent(
  members: readonly BuddyMember[],
  meId: string,
  present: ReadonlySet<string>,
  { meToo = true }: { meToo?: boolean } = {},
): Array<{ memberId: string; relation: 'buddy' | 'newcomer' }> {
  if (meToo && !present.has(meId)) return [];
  return relationsOf(members, meId).filter((r) => present.has(r.memberId));
}
