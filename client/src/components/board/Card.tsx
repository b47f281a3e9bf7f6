import { LIMITS, cardText, type CardDetails } from '@casusbord/shared';
import { useDraggable } from '@dnd-kit/core';
import { useYTextBinding } from '../../board/useYTextBinding';
import { useT } from '../../i18n';
import { useBoardContext } from './BoardContext';
import { CardDots } from './CardDots';
import { CardPhoto } from './CardPhoto';
import { CardRating } from './CardRating';
import { CardReaction } from './CardReaction';
import { cardDragId, type CardDrag } from './dnd';
import { CheckIcon, LockIcon } from './icons';

/**
 * One card: its text follows the Y.Text directly (never a prop), the tools follow the round.
 * `draft` cards live in the person's private draft document, not on the board.
 */
export function Card({ card, draft = false }: { card: CardDetails; draft?: boolean }) {
  const t = useT();
  const ctx = useBoardContext();
  const doc = draft ? ctx.draftDoc : ctx.doc;
  const ytext = doc ? cardText(doc, card.id) : undefined;
  const textRef = useYTextBinding(ytext, LIMITS.cardChars);
  const editable = ctx.rights.writable.has(card.column);
  const author = ctx.authorName(card.authorId);
  const mine = card.authorId === ctx.ownAuthorId;
  const columnClusters = ctx.clusters.filter((c) => c.column === card.column);
  const canCluster = editable && !draft;

  // Only cards this person may file into clusters can be picked up; the server checks again.
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: cardDragId(card.id),
    data: { kind: 'card', cardId: card.id, column: card.column } satisfies CardDrag,
    disabled: !canCluster,
    attributes: { roleDescription: t.board.dragRole },
  });

  const classes = ['card'];
  if (mine) classes.push('mine');
  if (draft) classes.push('draft');
  if (card.reaction) classes.push(`reaction-${card.reaction}`);
  if (card.rating) classes.push(`rating-${card.rating}`);
  if (isDragging) classes.push('dragging');

  return (
    <li
      ref={setNodeRef}
      className={classes.join(' ')}
      data-testid="card"
      data-card-id={card.id}
      data-column={card.column}
      data-draft={draft ? 'true' : undefined}
      data-cluster-id={card.clusterId ?? ''}
    >
      {draft && (
        <p className="draft-badge" data-testid="draft-badge" data-synced={ctx.draftsSynced ? 'true' : 'false'}>
          <LockIcon /> {t.board.draftBadge}
          {!ctx.draftsSynced && <span className="muted"> · {t.board.draftSaving}</span>}
        </p>
      )}
      <textarea
        ref={textRef}
        className="card-text"
        data-testid="card-text"
        aria-label={editable ? t.cardTextLabel(author) : t.board.readOnlyCard(author)}
        maxLength={LIMITS.cardChars}
        readOnly={!editable}
        rows={2}
        spellCheck
      />
      <CardPhoto card={card} draft={draft} editable={editable} />
      {card.column === 'advice' && !draft && <CardReaction card={card} />}
      {card.column === 'question' && !draft && <CardRating card={card} />}
      <div className="card-footer">
        {canCluster && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="drag-handle"
            data-testid="card-drag"
            title={t.board.dragHandle}
            {...attributes}
            {...listeners}
            aria-label={t.board.dragHandleLabel(author)}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <span className="card-author">{author}</span>
        {editable && (
          <button
            type="button"
            className="icon-button"
            data-testid="card-delete"
            aria-label={t.cardDelete}
            title={t.cardDelete}
            onClick={() => ctx.actions.deleteCard(card.id, draft)}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path
                d="M3 4h10M6.5 4V2.5h3V4M4.5 4l.7 9.5h5.6l.7-9.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          </button>
        )}
      </div>
      {!draft && (
        <div className="card-tools">
          <CardDots card={card} />
          {canCluster && columnClusters.length > 0 && (
            <label className="cluster-select">
              <span className="visually-hidden">{t.board.clusterMove}</span>
              <select
                data-testid="card-cluster"
                value={card.clusterId ?? ''}
                onChange={(e) => ctx.actions.moveToCluster(card.id, e.target.value || null)}
                title={t.board.clusterMove}
              >
                <option value="">{t.board.clusterNone}</option>
                {columnClusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title || t.board.clusterUntitled}
                  </option>
                ))}
              </select>
            </label>
          )}
          {ctx.kind === 'table' &&
            ctx.rights.canPromote &&
            (ctx.promoted.has(card.id) ? (
              <span className="promoted" data-testid="card-promoted">
                <CheckIcon /> {t.board.promoted}
              </span>
            ) : (
              <button
                type="button"
                className="button small"
                data-testid="card-promote"
                aria-label={t.board.promoteLabel}
                onClick={() => ctx.actions.promote(card.id)}
              >
                {t.board.promote}
              </button>
            ))}
        </div>
      )}
    </li>
  );
}
