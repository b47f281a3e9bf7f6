import { COLUMNS, cardsByColumn, type Column } from '@casusbord/shared';
import { useCallback, useEffect, useMemo } from 'react';
import { addCardTo, removeCard } from '../board/actions';
import { BoardColumn } from '../components/BoardColumn';
import { BoardHeader } from '../components/BoardHeader';
import { FatalBanner } from '../components/FatalBanner';
import { PresencePanel } from '../components/PresencePanel';
import { messagesFor, useT } from '../i18n';
import { describeError } from '../i18n/errors';
import { useBoardConnection, openBoard } from '../net/activeBoard';
import { fetchSession } from '../net/api';
import { forgetCredentials, loadCredentials, type StoredCredentials } from '../net/credentials';
import { navigate } from '../router';
import { useBoardStore } from '../stores/boardStore';
import { usePresenceStore } from '../stores/presenceStore';
import { sessionStore, useSessionStore } from '../stores/sessionStore';
import { uiStore } from '../stores/uiStore';

/** Codes after which the stored credentials are useless: forget them and go back to the start. */
const GONE_CODES = new Set(['session_not_found', 'not_found', 'unauthorized', 'forbidden']);

function leaveWithNotice(message: string): void {
  uiStore.getState().setFlash(message);
  navigate('/', { replace: true });
}

export function BoardPage({ sessionId }: { sessionId: string }) {
  const credentials = useMemo(() => loadCredentials(sessionId), [sessionId]);

  useEffect(() => {
    if (!credentials) leaveWithNotice(messagesFor(uiStore.getState().locale).noCredentials);
  }, [credentials]);

  if (!credentials) return null;
  return <Board sessionId={sessionId} credentials={credentials} />;
}

function Board({ sessionId, credentials }: { sessionId: string; credentials: StoredCredentials }) {
  const t = useT();

  useEffect(() => openBoard(credentials), [credentials]);

  useEffect(() => {
    sessionStore.getState().open(sessionId, credentials);
    let cancelled = false;
    fetchSession(sessionId, credentials.token).then(
      (view) => {
        if (!cancelled) sessionStore.getState().setView(view);
      },
      (err: unknown) => {
        if (cancelled) return;
        const messages = messagesFor(uiStore.getState().locale);
        const code = err instanceof Error && 'code' in err ? String(err.code) : '';
        if (GONE_CODES.has(code)) {
          forgetCredentials(sessionId);
          leaveWithNotice(code === 'unauthorized' ? messages.noCredentials : messages.sessionGone);
        } else {
          sessionStore.getState().setLoadError(describeError(messages, err));
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, credentials]);

  const conn = useBoardConnection();
  const view = useSessionStore((s) => s.view);
  const loadError = useSessionStore((s) => s.loadError);
  const cards = useBoardStore((s) => s.cards);
  const presence = usePresenceStore((s) => s.entries);
  const grouped = useMemo(() => cardsByColumn(cards), [cards]);

  const ownAuthorId = credentials.role === 'host' ? 'host' : (credentials.participantId ?? '');

  // Author names come from the server's records: the presence list, and for the host the
  // participant list of the session (which also knows people who left).
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of view?.participants ?? []) map.set(p.id, p.name);
    for (const entry of presence) if (entry.participantId) map.set(entry.participantId, entry.name);
    if (credentials.participantId && credentials.name && !map.has(credentials.participantId)) {
      map.set(credentials.participantId, credentials.name);
    }
    return map;
  }, [view, presence, credentials]);

  const authorName = useCallback(
    (authorId: string) => (authorId === 'host' ? t.authorHost : (names.get(authorId) ?? t.authorUnknown)),
    [names, t],
  );

  const doc = conn?.doc;
  const onAdd = useCallback(
    (column: Column, text: string) => {
      if (doc) addCardTo(doc, column, text, ownAuthorId);
    },
    [doc, ownAuthorId],
  );
  const onDelete = useCallback(
    (id: string) => {
      if (!doc) return;
      const restore = removeCard(doc, id);
      if (restore) uiStore.getState().pushToast({ message: t.cardDeleted, action: { label: t.undo, run: restore } });
    },
    [doc, t],
  );

  return (
    <div className="board-page">
      <BoardHeader sessionId={sessionId} view={view} isHost={credentials.role === 'host'} />
      <FatalBanner />
      {loadError && (
        <div className="notice error" role="alert">
          <p>{loadError}</p>
        </div>
      )}
      <div className="board-layout">
        <main className="board-columns">
          {doc &&
            COLUMNS.map((column) => (
              <BoardColumn
                key={column}
                column={column}
                cards={grouped[column]}
                doc={doc}
                ownAuthorId={ownAuthorId}
                authorName={authorName}
                onAdd={onAdd}
                onDelete={onDelete}
              />
            ))}
        </main>
        <PresencePanel ownParticipantId={credentials.participantId} ownRole={credentials.role} />
      </div>
    </div>
  );
}
