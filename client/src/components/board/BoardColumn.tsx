import { type CardDetails, type Column, columnNote } from '@casusbord/shared';
import { useMemo } from 'react';
import { groupColumn } from '../../board/grouping';
import { useT, type Messages } from '../../i18n';
import { AddCardForm } from '../AddCardForm';
import { useBoardContext } from './BoardContext';
import { Card } from './Card';
import { ClusterGroup, LooseCards } from './ClusterGroup';
import { LockIcon } from './icons';
import { NewClusterForm } from './NewClusterForm';

function noteText(t: Messages, note: ReturnType<typeof columnNote>): string | null {
  switch (note) {
    case 'waiting':
      return t.board.columnWaiting;
    case 'closed':
      return t.board.columnClosed;
    case 'finished':
      return t.board.columnFinished;
    case 'locked':
      return t.board.columnLocked;
    case 'plenary':
      return t.board.columnPlenary;
    case null:
      return null;
  }
}

/**
 * One column of a board: why it is read-only (if it is), the add form where it is open, the
 * clusters with their cards, the loose cards and, in a private round, the person's own drafts.
 */
export function BoardColumn({
  column,
  cards,
  drafts,
}: {
  column: Column;
  cards: CardDetails[];
  drafts: CardDetails[];
}) {
  const t = useT();
  const ctx = useBoardContext();
  const { clusters, loose } = useMemo(() => groupColumn(cards, ctx.clusters, column), [cards, ctx.clusters, column]);
  const writable = ctx.rights.writable.has(column);
  const noteKind = columnNote(ctx.rights, column);
  const note = noteText(t, noteKind);
  const privateHere = writable && ctx.rights.privateDrafts;
  const count = cards.filter((c) => c.column === column).length + drafts.length;
  const headingId = `${ctx.kind}-column-${column}-heading`;

  return (
    <section
      className={`column column-${column}${writable ? ' open' : ' closed'}`}
      data-testid={`column-${column}`}
      data-writable={writable ? 'true' : 'false'}
      aria-labelledby={headingId}
    >
      <header className="column-header">
        <h2 id={headingId}>{t.columnTitles[column]}</h2>
        <span className="column-count" aria-hidden="true">
          {count}
        </span>
      </header>
      {note && (
        <p className="column-note" data-testid="column-note">
          <LockIcon /> {note}
        </p>
      )}
      {privateHere && (
        <p className="column-note private" data-testid="column-private">
          {t.board.columnPrivate}
        </p>
      )}
      {writable && <AddCardForm column={column} onAdd={(text) => ctx.actions.addCard(column, text)} />}
      {writable && !privateHere && <NewClusterForm column={column} />}
      {/* Focusable so a keyboard can scroll a long column even when it holds nothing else to focus. */}
      <div className="column-body" tabIndex={0} aria-labelledby={headingId}>
        {count === 0 && clusters.length === 0 && (
          <p className="column-empty" data-testid="column-empty">
            {writable
              ? t.columnEmpty[column]
              : noteKind === 'plenary'
                ? t.board.emptyPlenary
                : `${t.columnPurpose[column]} ${t.board.emptyClosed}`}
          </p>
        )}
        {clusters.map((group) => (
          <ClusterGroup key={group.cluster.id} cluster={group.cluster} cards={group.cards} column={column} />
        ))}
        <LooseCards column={column} cards={loose} showHeading={clusters.length > 0}>
          {drafts.map((card) => (
            <Card key={card.id} card={card} draft />
          ))}
        </LooseCards>
      </div>
    </section>
  );
}
