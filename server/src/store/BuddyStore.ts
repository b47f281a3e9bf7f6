import { z } from 'zod';
import { communityPinSchema } from '@casusbord/shared';
import { DelegatesArchivePhotosAndNotes } from './PrivateNoteStore';

/**
 * Issue 16: members of a community and their buddies and pins, in both engines
 * (sqliteBuddies.ts, redisBuddies.ts) and through the same contract (tests/integration/buddiesSuite.ts).
 * A member introduced themselves with a name and got a personal key (only its SHA-256 is kept).
 * The buddy and the pins are written separately, so a facilitator's pairing never overwrites the
 * member's pins or the other way round. deleteMembers runs with the community's deletion.
 */

export const memberRecordSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  keyHash: z.string(),
  /** ms since epoch */
  createdAt: z.number(),
  /** The member's buddy (this member is the newcomer), or null. */
  buddyId: z.string().nullable(),
  /** Newest first. */
  pins: z.array(communityPinSchema),
});
export type MemberRecord = z.infer<typeof memberRecordSchema>;

export interface BuddyStore {
  /** Throws AppError('conflict') when the id or key hash is taken. */
  addMember(member: MemberRecord): Promise<void>;
  getMember(memberId: string): Promise<MemberRecord | null>;
  findMemberByKey(keyHash: string): Promise<MemberRecord | null>;
  /** Oldest first. */
  listMembers(communityId: string): Promise<MemberRecord[]>;
  /** Sets (null: clears) a member's buddy; nothing when the member is gone. */
  setBuddy(memberId: string, buddyId: string | null): Promise<void>;
  /** Replaces a member's pins; nothing when the member is gone. */
  setPins(memberId: string, pins: MemberRecord['pins']): Promise<void>;
  /** Removes every member of the community (with their keys, buddies and pins). */
  deleteMembers(communityId: string): Promise<void>;
}

/** The base of both engines: archive, photos, private notes and members, each handed to its own part. */
export abstract class DelegatesStoreParts extends DelegatesArchivePhotosAndNotes implements BuddyStore {
  protected abstract readonly buddies: BuddyStore;

  addMember(member: MemberRecord): Promise<void> {
    return this.buddies.addMember(member);
  }
  getMember(memberId: string): Promise<MemberRecord | null> {
    return this.buddies.getMember(memberId);
  }
  findMemberByKey(keyHash: string): Promise<MemberRecord | null> {
    return this.buddies.findMemberByKey(keyHash);
  }
  listMembers(communityId: string): Promise<MemberRecord[]> {
    return this.buddies.listMembers(communityId);
  }
  setBuddy(memberId: string, buddyId: string | null): Promise<void> {
    return this.buddies.setBuddy(memberId, buddyId);
  }
  setPins(memberId: string, pins: MemberRecord['pins']): Promise<void> {
    return this.buddies.setPins(memberId, pins);
  }
  deleteMembers(communityId: string): Promise<void> {
    return this.buddies.deleteMembers(communityId);
  }
}
