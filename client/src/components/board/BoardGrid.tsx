import { COLUMNS, cardsByColumn, type CardDetails, type Column, type BoardRights } from '@casusbord/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useBoardActions } from '../../board/useBoardActions';
import { useBoardView, type BoardViewStore } from '../../stores/boardViewStore';
import { useConnectionStore } from '../../stores/connectionStore';
import { BoardColumn } from './BoardColumn';
import { BoardContext, type BoardContextValue } from './BoardContext';
import { BoardDnd } from './BoardDnd';
import { CardAnnouncer } from './CardAnnouncer';
import { useShallowStable } from './useShallowStable';

interface BoardGridProps {
  kind: 'table' | 'plenary';
  doc: Y.Doc;
  view: BoardViewStore;
  /** The person's private drafts (table board in a private round only). */
  draftDoc: Y.Doc | null;
  draftView: BoardViewStore | null;
  rights: BoardRights;
  ownAuthorId: string;
  participantId: string | null;
  authorName: (authorId: string) => string;
  budget: number;
  groupId: string | null;
  promoted: ReadonlySet<string>;
}

const NO_CARDS: CardDetails[] = [];

/** The four columns of one board document, with the actions and context its cards use. */
export function BoardGrid(props: BoardGridProps) {
  const {
    kind,
    doc,
    view,
    draftDoc,
    draftView,
    rights,
    ownAuthorId,
    participantId,
    authorName,
    budget,
    groupId,
    promoted,
  } = props;
  const cards = useBoardView(view, (s) => s.cards);
  const clusters = useBoardView(view, (s) => s.clusters);
  const tally = useBoardView(view, (s) => s.tally);
  const ownDots = useBoardView(view, (s) => s.ownDots);
  const ownUsed = useBoardView(view, (s) => s.ownUsed);
  // The table board's sync is the connection's; the plenary board's is its own.
  const connectionSynced = useConnectionStore((s) => s.synced);
  const viewSynced = useBoardView(view, (s) => s.synced);
  const synced = kind === 'table' ? connectionSynced : viewSynced;
  // A store is needed for the hook either way; with no drafts its snapshot is simply unused.
  const draftCards = useBoardView(draftView ?? view, (s) => s.cards);
  const draftsSynced = useBoardView(draftView ?? view, (s) => s.synced);
  const actions = useBoardActions({ doc, draftDoc, rights, authorId: ownAuthorId, participantId, budget, groupId });

  const byColumn = useMemo(() => cardsByColumn(cards) as Record<Column, CardDetails[]>, [cards]);
  const draftsByColumn = useMemo(
    () => (draftView && draftDoc ? (cardsByColumn(draftCards) as Record<Column, CardDetails[]>) : null),
    [draftView, draftDoc, draftCards],
  );

  const value = useShallowStable<BoardContextValue>({
    kind,
    doc,
    draftDoc,
    rights,
    actions,
    ownAuthorId,
    authorName,
    clusters,
    tally,
    ownDots,
    ownUsed,
    budget,
    promoted,
    draftsSynced,
  });

  return (
    <BoardContext.Provider value={value}>
      <BoardDnd>
        <div className="board-columns" data-testid={`${kind}-board`}>
          {COLUMNS.map((column) => (
            <BoardColumn
              key={column}
              column={column}
              cards={byColumn[column]}
              drafts={draftsByColumn?.[column] ?? NO_CARDS}
            />
          ))}
        </div>
      </BoardDnd>
      <CardAnnouncer cards={cards} synced={synced} ownAuthorId={ownAuthorId} authorName={authorName} />
    </BoardContext.Provider>
  );
}
