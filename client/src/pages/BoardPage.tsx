import { useCallback, useEffect, useMemo, useState } from 'react';
import { promotedIds } from '../board/grouping';
import {
  PLENARY_GROUP_ID,
  boardDocName,
  boardRights,
  offersPrivateNotes,
  plenaryBoardRights,
  tableFor,
} from '@casusbord/shared';
import { BoardHeader } from '../components/BoardHeader';
import { FatalBanner } from '../components/FatalBanner';
import { OfflineBanner } from '../components/OfflineBanner';
import { PresencePanel } from '../components/PresencePanel';
import { BoardGrid } from '../components/board/BoardGrid';
import { BringEveryone, useBoardFocus } from '../components/board/BoardFocus';
import { CoreQuestion } from '../components/board/CoreQuestion';
import { FromToTable } from '../components/board/FromToTable';
import { DilemmaLine } from '../components/dilemma/DilemmaLine';
import { useDilemmaLink } from '../net/dilemmaLink';
import { LearningsPanel } from '../components/board/LearningsPanel';
import { BookClubPanel, useHasReviews } from '../components/board/BookClubPanel';
import { BuddyNotice } from '../components/board/BuddyNotice';
import { LensDeck } from '../components/board/LensDeck';
import { LookBackPanel } from '../components/board/LookBackPanel';
import { PrivateNotes } from '../components/board/PrivateNotes';
import { RoundBanner } from '../components/board/RoundBanner';
import { useAuthorNames } from '../components/board/useAuthorNames';
import { useRevealNotice } from '../components/board/useRevealNotice';
import { messagesFor, useT } from '../i18n';
import { describeError } from '../i18n/errors';
import { ackErrorMessage } from '../board/useBoardActions';
import { openBoard, sendControl, useBoardConnection, useSideDoc } from '../net/activeBoard';
import { forgetCredentials, loadCredentials, type StoredCredentials } from '../net/credentials';
import { fetchSessionOrCopy } from '../net/offlineCache';
import { groupIdOf, relocate } from '../net/relocate';
import { navigate } from '../router';
import {
  boardViewStore,
  draftViewStore,
  plenaryViewStore,
  useBoardView,
  visitViewStore,
} from '../stores/boardViewStore';
import { connectionStore } from '../stores/connectionStore';
import { usePresenceStore } from '../stores/presenceStore';
import { useRoundStore } from '../stores/roundStore';
import { sessionStore, useSessionStore } from '../stores/sessionStore';
import { uiStore } from '../stores/uiStore';
import '../styles/board.css';
import '../styles/reactions.css';
import '../styles/round.css';
import { Notice } from '../components/Notice';

/** Codes after which the stored credentials are useless: forget them and go back to the start. */
const GONE_CODES = new Set(['session_not_found', 'not_found', 'unauthorized', 'forbidden']);
const TABLE_PARAM = /^[A-Za-z0-9-]{1,32}$/;

function leaveWithNotice(message: string): void {
  uiStore.getState().setFlash(message);
  navigate('/', { replace: true });
}

/** Stored credentials; the host may look at another table's board with `?table=<groupId>`. */
function initialCredentials(sessionId: string): StoredCredentials | null {
  const stored = loadCredentials(sessionId);
  if (!stored || stored.role !== 'host') return stored;
  const table = new URLSearchParams(location.search).get('table');
  return table && TABLE_PARAM.test(table) ? { ...stored, docName: boardDocName(sessionId, table) } : stored;
}

export function BoardPage({ sessionId }: { sessionId: string }) {
  // State, not a memo: a participant moved to another table continues with new credentials.
  const [credentials, setCredentials] = useState(() => initialCredentials(sessionId));

  useEffect(() => {
    if (!credentials) leaveWithNotice(messagesFor(uiStore.getState().locale).noCredentials);
  }, [credentials]);

  if (!credentials) return null;
  return <Board sessionId={sessionId} credentials={credentials} onMoved={setCredentials} />;
}

function Board({
  sessionId,
  credentials,
  onMoved,
}: {
  sessionId: string;
  credentials: StoredCredentials;
  onMoved: (next: StoredCredentials) => void;
}) {
  const t = useT();

  // The host moved this participant (their board closed with 4403, or presence shows another
  // table): ask the server where they belong and reconnect there instead of failing.
  const follow = useCallback(
    (reason: 'forbidden' | 'presence') => {
      void relocate(sessionId, credentials).then((result) => {
        if (result.kind === 'moved') {
          sessionStore.getState().setView(result.view);
          uiStore
            .getState()
            .pushToast({ message: messagesFor(uiStore.getState().locale).board.movedTo(result.tableName) });
          onMoved(result.credentials);
        } else if (reason === 'forbidden') {
          connectionStore.getState().setFatal('forbidden');
        }
      });
    },
    [sessionId, credentials, onMoved],
  );

  useEffect(() => openBoard(credentials, { onForbidden: () => follow('forbidden') }), [credentials, follow]);

  useEffect(() => {
    sessionStore.getState().open(sessionId, credentials);
    let cancelled = false;
    // Without an answer from the server the page starts from the copy saved on this device.
    fetchSessionOrCopy(sessionId, credentials.token).then(
      ({ view, fromCache }) => {
        if (cancelled) return;
        sessionStore.getState().setView(view);
        if (fromCache) connectionStore.getState().setOfflineCopy(true);
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
  useDilemmaLink(conn?.socket);
  const draftDoc = useSideDoc('drafts');
  const plenaryDoc = useSideDoc('plenary');
  const view = useSessionStore((s) => s.view);
  const loadError = useSessionStore((s) => s.loadError);
  const presence = usePresenceStore((s) => s.entries);
  const state = useRoundStore((s) => s.state);
  const draftsFailed = useBoardView(draftViewStore, (s) => s.failed);
  const plenaryCards = useBoardView(plenaryViewStore, (s) => s.cards);
  const hasLearnings = useBoardView(boardViewStore, (s) => Object.keys(s.learnings).length > 0);
  const hasMovements = useBoardView(boardViewStore, (s) => s.movements.length > 0);
  const [tab, setTab] = useState<'plenary' | 'table'>('plenary');

  const { role, participantId } = credentials;
  const isParticipant = role === 'participant';
  const ownAuthorId = role === 'host' ? 'host' : (participantId ?? '');
  const groupId = groupIdOf(credentials.docName);
  const table = tableFor(state, credentials.docName);
  const rights = useMemo(() => boardRights({ state, table, role, participantId }), [state, table, role, participantId]);
  const plenaryRights = useMemo(() => plenaryBoardRights(rights, role), [rights, role]);
  const promoted = useMemo(() => promotedIds(plenaryCards, groupId), [plenaryCards, groupId]);
  const { names, authorName } = useAuthorNames(view, presence, credentials);
  // Issue 15: where the facilitator brought everyone (case day).
  const focus = useBoardFocus({ state, role, participantId, groupId });
  useRevealNotice(table, isParticipant);

  const ownGroup = presence.find((p) => isParticipant && p.participantId === participantId)?.groupId ?? null;
  useEffect(() => {
    if (ownGroup && ownGroup !== groupId) follow('presence');
  }, [ownGroup, groupId, follow]);

  const caseHolderName = state?.caseHolderId ? (names.get(state.caseHolderId) ?? null) : (view?.caseHolderName ?? null);
  const budget = state?.dotsPerPerson ?? 0;
  const doc = conn?.doc ?? null;
  const kind = rights.round?.kind;
  const showLearnings =
    doc !== null &&
    ((rights.phase === 'open' && kind === 'closing') ||
      ((rights.phase === 'finished' || rights.phase === 'locked') && hasLearnings));
  // Issue 15: the case holder's own notes, in a session where they only listen in some round.
  const showNotes = offersPrivateNotes(state?.caseHolderId ?? null, { role, participantId }, table?.round.rounds ?? []);
  const showPlenary = plenaryDoc !== null && (tab === 'plenary' || focus.onPlenary);
  // Issue 16: the book club in its round, and with its reviews once the session is over.
  const hasReviews = useHasReviews(doc);
  const showBookClub =
    doc !== null &&
    ((rights.phase === 'open' && kind === 'book-club') ||
      ((rights.phase === 'finished' || rights.phase === 'locked') && hasReviews));
  // Issue 16: the from → to table in its round, and afterwards once it has rows.
  const showFromTo = doc !== null && ((rights.phase === 'open' && kind === 'from-to') || hasMovements);
  // Who is at the board, the same on the table board and the plenary one.
  const gridPerson = {
    ownAuthorId,
    participantId: isParticipant ? participantId : null,
    authorName,
    budget,
    promoted,
  };

  return (
    <div className="board-page">
      <BoardHeader
        sessionId={sessionId}
        view={view}
        isHost={role === 'host'}
        caseSlot={
          view && (
            <CoreQuestion
              doc={doc}
              original={view.question}
              canEdit={rights.canEditCoreQuestion}
              isCaseHolder={rights.isCaseHolder}
              caseHolderName={caseHolderName}
            />
          )
        }
      />
      <FatalBanner />
      <OfflineBanner />
      {loadError && <Notice tone="error">{loadError}</Notice>}
      {draftsFailed && (
        <Notice tone="error" testId="drafts-failed">
          {t.board.draftsFailed}
        </Notice>
      )}
      {focus.banner}
      <RoundBanner
        state={state}
        table={focus.visit?.table ?? table}
        rights={focus.visit?.rights ?? rights}
        role={role}
        participantId={participantId}
        visiting={focus.visit !== null}
      />
      <DilemmaLine socket={conn?.socket ?? null} role={role} />
      {isParticipant && view?.communityId && <BuddyNotice sessionId={sessionId} token={credentials.token} />}
      {role === 'host' && state && (
        <BringEveryone state={state} boardGroupId={showPlenary ? PLENARY_GROUP_ID : groupId} />
      )}
      {state?.followUp && rights.phase === 'open' && kind === 'lookback' && (
        <LookBackPanel
          followUp={state.followUp}
          canEdit={role === 'host' || rights.isCaseHolder}
          send={(payload) => sendControl('followup:mark', payload)}
          describe={ackErrorMessage}
        />
      )}
      {showNotes && <PrivateNotes sessionId={sessionId} token={credentials.token} listening={rights.listening} />}
      {state?.lensesOpen && doc && (
        <LensDeck
          sessionId={sessionId}
          token={credentials.token}
          doc={doc}
          draftDoc={draftDoc}
          rights={rights}
          authorId={ownAuthorId}
          participantId={isParticipant ? participantId : null}
          budget={budget}
          groupId={groupId}
        />
      )}
      {showLearnings && doc && (
        <LearningsPanel
          doc={doc}
          participantId={isParticipant ? participantId : null}
          canWrite={rights.canWriteLearning}
          authorName={authorName}
        />
      )}
      {showFromTo && doc && (
        <FromToTable
          doc={doc}
          canEdit={rights.canEditFromTo}
          canDot={rights.canDotFromTo}
          authorId={ownAuthorId}
          participantId={isParticipant ? participantId : null}
          budget={budget}
        />
      )}
      {showBookClub && doc && (
        <BookClubPanel doc={doc} ownId={ownAuthorId} canReview={rights.canReview} authorName={authorName} />
      )}
      {plenaryDoc && (
        <div className="board-tabs" role="group" aria-label={t.board.plenaryTab}>
          <button
            type="button"
            className="tab"
            aria-pressed={tab === 'plenary'}
            data-testid="tab-plenary"
            onClick={() => setTab('plenary')}
          >
            {t.board.plenaryTab}
          </button>
          <button
            type="button"
            className="tab"
            aria-pressed={tab === 'table'}
            data-testid="tab-table"
            onClick={() => setTab('table')}
          >
            {t.board.tableTab(table?.name ?? groupId)}
          </button>
          {showPlenary && isParticipant && <span className="muted small">{t.board.plenaryReadOnly}</span>}
        </div>
      )}
      <div className="board-layout">
        <main className="board-main">
          {focus.visit ? (
            <BoardGrid
              key={`visit-${focus.visit.table.id}`}
              kind="table"
              doc={focus.visit.doc}
              view={visitViewStore}
              draftDoc={null}
              draftView={null}
              rights={focus.visit.rights}
              {...gridPerson}
              groupId={focus.visit.table.id}
            />
          ) : showPlenary && plenaryDoc ? (
            <BoardGrid
              key="plenary"
              kind="plenary"
              doc={plenaryDoc}
              view={plenaryViewStore}
              draftDoc={null}
              draftView={null}
              rights={plenaryRights}
              {...gridPerson}
              groupId={null}
            />
          ) : (
            doc && (
              <BoardGrid
                key={credentials.docName}
                kind="table"
                doc={doc}
                view={boardViewStore}
                draftDoc={draftDoc}
                draftView={draftViewStore}
                rights={rights}
                {...gridPerson}
                groupId={groupId}
              />
            )
          )}
        </main>
        <PresencePanel ownParticipantId={participantId} ownRole={role} />
      </div>
    </div>
  );
}
