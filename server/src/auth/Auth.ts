import { getMethod, isActiveCohost, parseDocName, type ErrorCode, type Role } from '@casusbord/shared';
import type { SessionRecord, Store, TokenRecord } from '../store/Store';
import { hashToken, isTokenShaped } from './tokens';

/** Who is behind a token, from the server's own records (never from what the client claims). */
export interface Principal {
  role: Role;
  sessionId: string;
  participantId: string | null;
  /** Display name: the participant's name; a fixed label for host and recipient. */
  name: string;
  /** The participant's table; null for host and recipient (they see every table). */
  groupId: string | null;
  /** Set for a co-host (a host token made by the host, revocable): the co-host's id. */
  cohostId?: string;
}

/** What a token resolves to: who is behind it, or why it opens nothing. */
export type Resolution = { principal: Principal } | { refused: Extract<ErrorCode, 'unauthorized' | 'cohost_revoked'> };

export type DocAccess = 'write' | 'read' | 'none';

/** Host (co-host too) and recipient: no participant, no table, a fixed label for a name. */
function fixedLabel(record: TokenRecord): Principal {
  return {
    role: record.role,
    sessionId: record.sessionId,
    participantId: null,
    name: record.role === 'host' ? 'Procesbegeleider' : 'Ontvanger',
    groupId: null,
  };
}

export class Auth {
  constructor(private readonly store: Store) {}

  async resolve(token: unknown): Promise<Principal | null> {
    const resolution = await this.check(token);
    return 'principal' in resolution ? resolution.principal : null;
  }

  /** Like resolve, and says why a token opens nothing: unknown, or a revoked co-host link. */
  async check(token: unknown): Promise<Resolution> {
    const unauthorized = { refused: 'unauthorized' } as const;
    if (!isTokenShaped(token)) return unauthorized;
    const record = await this.store.getToken(hashToken(token));
    if (!record) return unauthorized;
    if (record.role === 'host' && record.participantId) {
      // A co-host's token: it works while the session's control state lists it as not revoked.
      const control = await this.store.getControlState(record.sessionId);
      if (!isActiveCohost(control?.cohosts, record.participantId)) return { refused: 'cohost_revoked' };
      return { principal: { ...fixedLabel(record), cohostId: record.participantId } };
    }
    const principal = await this.principalOf(record);
    return principal ? { principal } : unauthorized;
  }

  /** Whether a co-host's link still works (checked again before each of their socket events). */
  async cohostActive(sessionId: string, cohostId: string): Promise<boolean> {
    return isActiveCohost((await this.store.getControlState(sessionId))?.cohosts, cohostId);
  }

  private async principalOf(record: TokenRecord): Promise<Principal | null> {
    if (record.role === 'participant') {
      const participant = record.participantId ? await this.store.getParticipant(record.participantId) : null;
      if (!participant) return null;
      return {
        role: 'participant',
        sessionId: record.sessionId,
        participantId: participant.id,
        name: participant.name,
        groupId: participant.groupId,
      };
    }
    return fixedLabel(record);
  }

  /**
   * What a principal may do with a document of their session: a participant writes their own
   * table's board and their own private draft and reads the plenary board; the host writes every
   * board but reads no drafts (private until revealed); a recipient reads the boards.
   */
  docAccess(principal: Principal, docName: string): DocAccess {
    const doc = parseDocName(docName);
    if (!doc || doc.sessionId !== principal.sessionId) return 'none';
    switch (principal.role) {
      case 'host':
        return doc.kind === 'draft' ? 'none' : 'write';
      case 'participant':
        if (doc.kind === 'draft') return doc.participantId === principal.participantId ? 'write' : 'none';
        if (doc.kind === 'board') return doc.groupId === principal.groupId ? 'write' : 'none';
        return 'read';
      case 'recipient':
        return doc.kind === 'draft' ? 'none' : 'read';
    }
  }
}

/**
 * Whether the session really has this document: one of its tables' boards, the plenary board of a
 * case day, or the caller's own draft (docAccess lets only its owner open a draft, and the owner
 * exists, or the token would not have resolved). Checked before a room is loaded, so that no
 * document name makes the server load an empty room or the store hold a new document.
 */
export function isSessionDocument(session: SessionRecord | null, principal: Principal, docName: string): boolean {
  const doc = parseDocName(docName);
  if (!session || !doc || session.id !== principal.sessionId || doc.sessionId !== session.id) return false;
  switch (doc.kind) {
    case 'draft':
      return doc.participantId === principal.participantId;
    case 'board':
      return session.groups.some((g) => g.id === doc.groupId);
    case 'plenary':
      return getMethod(session.method).parallelTables;
  }
}

/** Reads `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}
