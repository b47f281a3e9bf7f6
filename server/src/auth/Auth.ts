import { PLENARY_GROUP_ID, draftDocName, type Role } from '@casusbord/shared';
import type { Store } from '../store/Store';
import { docNameOf, sessionIdOfDoc } from '../store/Store';
import { hashToken } from './tokens';

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

/** Token length bounds: anything outside them is rejected before hashing or a store lookup. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export class Auth {
  constructor(private readonly store: Store) {}

  async resolve(token: unknown): Promise<Principal | null> {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
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
    const { sessionId } = principal;
    if (sessionIdOfDoc(docName) !== sessionId) return 'none';
    const isDraft = docName.startsWith(`${sessionId}.d-`);
    switch (principal.role) {
      case 'host':
        return isDraft ? 'none' : 'write';
      case 'participant':
        if (principal.participantId && docName === draftDocName(sessionId, principal.participantId)) return 'write';
        if (principal.groupId && docName === docNameOf(sessionId, principal.groupId)) return 'write';
        return docName === docNameOf(sessionId, PLENARY_GROUP_ID) ? 'read' : 'none';
      case 'recipient':
        return isDraft ? 'none' : 'read';
    }
  }
}

/** Reads `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}
