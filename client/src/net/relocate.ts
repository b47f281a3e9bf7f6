import { PLENARY_GROUP_ID, parseDocName, type SessionView } from '@casusbord/shared';
import { fetchSession } from './api';
import { saveCredentials, type StoredCredentials } from './credentials';

let pending: Promise<Relocation> | null = null;

export type Relocation =
  | { kind: 'moved'; credentials: StoredCredentials; view: SessionView; tableName: string }
  | { kind: 'same'; view: SessionView }
  | { kind: 'failed'; error: unknown };

/**
 * Asks the server which table a participant belongs to now (the host may have moved them) and,
 * when it is another one, stores credentials for that table's board. Concurrent calls (a 4403
 * close and a presence update arrive together) share one request.
 */
export function relocate(sessionId: string, credentials: StoredCredentials): Promise<Relocation> {
  pending ??= (async (): Promise<Relocation> => {
    try {
      const view = await fetchSession(sessionId, credentials.token);
      const group = view.groups.find((g) => g.id === view.you.groupId);
      if (!group || group.docName === credentials.docName) return { kind: 'same', view };
      const next = { ...credentials, docName: group.docName };
      saveCredentials(sessionId, next);
      return { kind: 'moved', credentials: next, view, tableName: group.name };
    } catch (error) {
      return { kind: 'failed', error };
    }
  })().finally(() => {
    pending = null;
  });
  return pending;
}

/** The group id of a table's (or the plenary) board document; '' for any other name. */
export function groupIdOf(docName: string): string {
  const doc = parseDocName(docName);
  if (doc?.kind === 'board') return doc.groupId;
  return doc?.kind === 'plenary' ? PLENARY_GROUP_ID : '';
}
