import { LIMITS, type Column } from '@casusbord/shared';
import { memo } from 'react';
import type * as Y from 'yjs';
import { useYTextBinding } from '../board/useYTextBinding';
import { useT } from '../i18n';

interface CardViewProps {
  id: string;
  column: Column;
  authorName: string;
  mine: boolean;
  /** The card's live text; undefined only for a moment while a card is being removed. */
  ytext: Y.Text | undefined;
  onDelete: (id: string) => void;
}

/** One card. Its text is not a prop: the textarea follows the Y.Text directly. */
export const CardView = memo(function CardView({ id, column, authorName, mine, ytext, onDelete }: CardViewProps) {
  const t = useT();
  const textRef = useYTextBinding(ytext, LIMITS.cardChars);
  return (
    <li className={mine ? 'card mine' : 'card'} data-testid="card" data-card-id={id} data-column={column}>
      <textarea
        ref={textRef}
        className="card-text"
        data-testid="card-text"
        aria-label={t.cardTextLabel(authorName)}
        maxLength={LIMITS.cardChars}
        rows={2}
        spellCheck
      />
      <div className="card-footer">
        <span className="card-author">{authorName}</span>
        <button
          type="button"
          className="icon-button"
          data-testid="card-delete"
          aria-label={t.cardDelete}
          title={t.cardDelete}
          onClick={() => onDelete(id)}
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
      </div>
    </li>
  );
});
