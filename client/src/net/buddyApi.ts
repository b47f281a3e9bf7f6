import type {
  CommunityPin,
  CreateMemberResponse,
  MeResponse,
  MembersResponse,
  SessionBuddyResponse,
} from '@casusbord/shared';
import { request } from './api';

/**
 * Buddies (issue 16, docs/API.md "Buddies"). A member's personal key is kept in localStorage per
 * community (it names who they are on this device) and goes in the `X-Member-Key` header beside
 * the community token; joining a session sends the keys this browser holds, so the session can
 * tell a member's buddy that they are there too.
 */

const PREFIX = 'casusbord:member:';
const base = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}`;

export type StoredMember = CreateMemberResponse;

export function loadMember(communityId: string, storage: Storage = localStorage): StoredMember | null {
  try {
    const raw = storage.getItem(PREFIX + communityId);
    return raw ? (JSON.parse(raw) as StoredMember) : null;
  } catch {
    return null;
  }
}

function saveMember(communityId: string, member: StoredMember, storage: Storage = localStorage): void {
  try {
    storage.setItem(PREFIX + communityId, JSON.stringify(member));
  } catch {
    // Storage disabled: the member is known until the page is reloaded.
  }
}

/** Every member key this browser holds (at most 10, what POST /api/join takes). */
export function memberKeys(storage: Storage = localStorage): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length && keys.length < 10; i++) {
      const name = storage.key(i);
      if (!name?.startsWith(PREFIX)) continue;
      const key = (JSON.parse(storage.getItem(name) ?? 'null') as StoredMember | null)?.memberKey;
      if (typeof key === 'string') keys.push(key);
    }
  } catch {
    // Unreadable storage: join without keys.
  }
  return keys;
}

export async function introduce(communityId: string, token: string, name: string): Promise<StoredMember> {
  const member = await request<CreateMemberResponse>('POST', `${base(communityId)}/members`, { token, body: { name } });
  saveMember(communityId, member);
  return member;
}

export function fetchMembers(communityId: string, token: string): Promise<MembersResponse> {
  return request('GET', `${base(communityId)}/members`, { token });
}

export function fetchMe(communityId: string, token: string, memberKey: string): Promise<MeResponse> {
  return request('GET', `${base(communityId)}/me`, { token, headers: { 'x-member-key': memberKey } });
}

/** Facilitator key only. */
export function pairBuddy(
  communityId: string,
  key: string,
  newcomerId: string,
  buddyId: string,
): Promise<MembersResponse> {
  return request('PUT', `${base(communityId)}/buddies`, { token: key, body: { newcomerId, buddyId } });
}

export async function unpairBuddy(communityId: string, key: string, newcomerId: string): Promise<void> {
  await request('DELETE', `${base(communityId)}/buddies/${encodeURIComponent(newcomerId)}`, { token: key });
}

export function setPin(
  communityId: string,
  token: string,
  memberKey: string,
  pin: CommunityPin,
  pinned: boolean,
): Promise<{ pins: CommunityPin[] }> {
  return request('PUT', `${base(communityId)}/pins`, {
    token,
    headers: { 'x-member-key': memberKey },
    body: { ...pin, pinned },
  });
}

export function fetchSessionBuddies(sessionId: string, token: string): Promise<SessionBuddyResponse> {
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}/buddy`, { token });
}
