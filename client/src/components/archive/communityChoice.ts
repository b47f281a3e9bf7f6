/** The community part of a new session, as the form holds it (all strings, '' = not given). */
export interface CommunityChoice {
  communityId: string;
  communityKey: string;
  theme: string;
  followUpOf: string;
}

export const NO_COMMUNITY: CommunityChoice = { communityId: '', communityKey: '', theme: '', followUpOf: '' };

/** The fields for the create-session body, or nothing when no community was given. */
export function communityBody(choice: CommunityChoice): {
  communityId?: string;
  communityKey?: string;
  theme?: string;
  followUpOf?: string;
} {
  const communityId = choice.communityId.trim();
  if (!communityId) return {};
  return {
    communityId,
    communityKey: choice.communityKey.trim(),
    theme: choice.theme.trim() || undefined,
    followUpOf: choice.followUpOf || undefined,
  };
}
