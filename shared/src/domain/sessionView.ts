import type { Locale, MethodId } from '../protocol/schemas';
import type { ParticipantView, Role, SessionView } from '../protocol/types';
import { boardDocName } from './docNames';

/*
 * What each role sees of a session at GET /api/sessions/:id, pure: the host everything including
 * the join code and the people; a participant only their own table; a recipient every table but
 * neither the code nor the people.
 */

/** The stored session, as far as the view needs it (the server's SessionRecord fits). */
export interface SessionFacts {
  id: string;
  joinCode: string;
  title: string;
  city: string;
  question: string;
  caseHolderName: string | null;
  context: string | null;
  method: MethodId;
  locale: Locale;
  /** ms since epoch */
  createdAt: number;
  groups: readonly { id: string; name: string }[];
  communityId?: string | null;
  theme?: string | null;
  followUpOf?: string | null;
}

/** Who asks, from the server's record of their token (the server's Principal fits). */
export interface Viewer {
  role: Role;
  participantId: string | null;
  name: string;
  groupId: string | null;
  /** A co-host's id (cohosts.ts); absent for everyone else. */
  cohostId?: string;
}

/** Whether this role sees the join code, the join link and who joined (only then are they looked up). */
export function seesJoinDetails(role: Role): boolean {
  return role === 'host';
}

/**
 * The session as `viewer` may see it. `join` is needed (and shown) only for a role that
 * seesJoinDetails; pass null for the others.
 */
export function sessionView(
  session: SessionFacts,
  viewer: Viewer,
  join: { joinUrl: string; participants: readonly ParticipantView[] } | null,
): SessionView {
  const groups = viewer.role === 'participant' ? session.groups.filter((g) => g.id === viewer.groupId) : session.groups;
  const view: SessionView = {
    id: session.id,
    title: session.title,
    city: session.city,
    question: session.question,
    caseHolderName: session.caseHolderName,
    context: session.context,
    method: session.method,
    locale: session.locale,
    createdAt: new Date(session.createdAt).toISOString(),
    communityId: session.communityId ?? null,
    theme: session.theme ?? null,
    followUpOf: session.followUpOf ?? null,
    you: {
      role: viewer.role,
      participantId: viewer.participantId,
      // Host and recipient have a fixed label, not a name of their own.
      name: viewer.role === 'participant' ? viewer.name : null,
      groupId: viewer.groupId,
      ...(viewer.cohostId ? { cohost: true } : {}),
    },
    groups: groups.map((g) => ({ id: g.id, name: g.name, docName: boardDocName(session.id, g.id) })),
  };
  if (seesJoinDetails(viewer.role)) {
    if (!join) throw new Error(`the ${viewer.role} view needs the join link and the participants`);
    view.joinCode = session.joinCode;
    view.joinUrl = join.joinUrl;
    view.participants = join.participants.map((p) => ({ id: p.id, name: p.name, groupId: p.groupId }));
  }
  return view;
}
