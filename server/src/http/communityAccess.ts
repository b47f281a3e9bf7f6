import { timingSafeEqual } from 'node:crypto';
import { AppError, createFollowUp, type CreateSessionBody } from '@casusbord/shared';
import { bearerToken } from '../auth/Auth';
import { hashToken, isTokenShaped } from '../auth/tokens';
import type { ArchiveRecord, CommunityRecord, CommunityRole } from '../store/ArchiveStore';
import type { SessionRecord, Store } from '../store/Store';
import type { SessionControl } from '../control/SessionControl';

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who calls a community route: `Authorization: Bearer <memberToken | facilitatorKey>`. No or an
 * unknown token → 401; a token of another community → 403 (so a member cannot probe ids).
 */
export async function requireCommunity(
  store: Store,
  authorization: string | undefined,
  communityId: string,
  need: CommunityRole = 'member',
): Promise<{ community: CommunityRecord; role: CommunityRole }> {
  const token = bearerToken(authorization);
  const found = isTokenShaped(token) ? await store.findCommunityToken(hashToken(token)) : null;
  if (!found)
    throw new AppError(
      'unauthorized',
      'Send the member link token or facilitator key as "Authorization: Bearer <token>"',
    );
  if (found.communityId !== communityId) throw new AppError('forbidden', 'This token belongs to another community');
  const community = await store.getCommunity(communityId);
  if (!community) throw new AppError('unauthorized', 'This community no longer exists');
  if (need === 'facilitator' && found.role !== 'facilitator') {
    throw new AppError('forbidden', 'Only the facilitator key may do this');
  }
  return { community, role: found.role };
}

export interface NewCommunitySession {
  communityId: string;
  earlier: ArchiveRecord | null;
}

/**
 * Checks the community fields of POST /api/sessions: the facilitator key must belong to the
 * community (else 403), and `followUpOf` must be a session in that community's archive (else 404).
 */
export async function checkCommunityFields(store: Store, body: CreateSessionBody): Promise<NewCommunitySession | null> {
  if (!body.communityId) {
    if (body.communityKey || body.followUpOf) {
      throw new AppError('validation_failed', 'communityKey and followUpOf need a communityId');
    }
    return null;
  }
  if (!body.communityKey) throw new AppError('validation_failed', 'communityKey: required with communityId');
  const community = isTokenShaped(body.communityKey) ? await store.getCommunity(body.communityId) : null;
  if (!community || !sameHash(community.facilitatorKeyHash, hashToken(body.communityKey))) {
    throw new AppError('forbidden', 'This key is not the facilitator key of that community');
  }
  let earlier: ArchiveRecord | null = null;
  if (body.followUpOf) {
    earlier = await store.getArchiveEntry(body.followUpOf);
    if (!earlier || earlier.communityId !== community.id) {
      throw new AppError('session_not_found', 'followUpOf: no handed-over session of this community has that id');
    }
  }
  return { communityId: community.id, earlier };
}

/** After the session is stored: the community knows it, and a follow-up carries the earlier advice. */
export async function initCommunitySession(
  store: Store,
  control: SessionControl,
  session: SessionRecord,
  info: NewCommunitySession,
): Promise<void> {
  await store.addCommunitySession(info.communityId, session.id);
  const earlier = info.earlier;
  if (!earlier) return;
  await control.update(session.id, (_s, record) => {
    record.followUp = createFollowUp({
      sessionId: earlier.entry.sessionId,
      title: earlier.entry.title,
      handedOverAt: earlier.entry.handedOverAt,
      advice: earlier.entry.advice,
    });
  });
}
