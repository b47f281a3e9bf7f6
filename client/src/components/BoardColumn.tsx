import { cardText, type CardSnapshot, type Column } from '@casusbord/shared';
import type * as Y from 'yjs';
import { useT } from '../i18n';
import { AddCardForm } from './AddCardForm';
import { CardView } from './CardView';

interface BoardColumnProps {
  column: Column;
  cards: CardSnapshot[];
  doc: Y.Doc;
  ownAuthorId: string;
  authorName: (authorId: string) => string;
  onAdd: (column: Column, text: string) => void;
  onDelete: (id: string) => void;
}

export function BoardColumn({ column, cards, doc, ownAuthorId, authorName, onAdd, onDelete }: BoardColumnProps) {
  const t = useT();
  const headingId = `column-${column}-heading`;
  return (
    <section className={`column column-${column}`} data-testid={`column-${column}`} aria-labelledby={headingId}>
      <header className="column-header">
        <h2 id={headingId}>{t.columnTitles[column]}</h2>
        <span className="column-count" aria-hidden="true">
          {cards.length}
        </span>
      </header>
      <AddCardForm column={column} onAdd={(text) => onAdd(column, text)} />
      {cards.length === 0 ? (
        <p className="column-empty">{t.columnEmpty[column]}</p>
      ) : (
        <ul className="card-list">
          {cards.map((card) => (
            <CardView
              key={card.id}
              id={card.id}
              column={card.column}
              authorName={authorName(card.authorId)}
              mine={card.authorId === ownAuthorId}
              ytext={cardText(doc, card.id)}
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
