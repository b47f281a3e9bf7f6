import { getMethod, parseDocName, type Role } from '@casusbord/shared';
import type { SessionRecord, Store } from '../store/Store';
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
}

export type DocAccess = 'write' | 'read' | 'none';

export class Auth {
  constructor(private readonly store: Store) {}

  async resolve(token: unknown): Promise<Principal | null> {
    if (!isTokenShaped(token)) return null;
    const record = await this.store.getToken(hashToken(token));
    if (!record) return null;
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
    return {
      role: record.role,
      sessionId: record.sessionId,
      participantId: null,
      name: record.role === 'host' ? 'Procesbegeleider' : 'Ontvanger',
      groupId: null,
    };
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
