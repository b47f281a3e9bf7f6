import type { CardDetails } from '@casusbord/shared';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { useBoardContext } from './BoardContext';

/** One of the − / + buttons; its name is said and shown as a tooltip, the sign is all one sees. */
export function DotButton({
  testId,
  label,
  disabled,
  onClick,
  children,
}: {
  testId: string;
  label: string;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="dot-button"
      data-testid={testId}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * A card's dot tally (everyone's, each person capped at the budget) and, in a voting round, the
 * person's own − / + buttons. "+" is disabled once all dots are placed, so nobody can exceed N.
 */
export function CardDots({ card }: { card: CardDetails }) {
  const t = useT();
  const ctx = useBoardContext();
  const total = ctx.tally[card.id] ?? 0;
  const mine = ctx.ownDots[card.id] ?? 0;
  const voting = ctx.rights.dotColumns.has(card.column);
  if (!voting && total === 0) return null;
  const label = `${t.board.tally(total)}${mine > 0 ? ` ${t.board.tallyMine(mine)}` : ''}`;
  return (
    <div className="card-dots" role="group" aria-label={label}>
      {voting && (
        <DotButton
          testId="dot-remove"
          label={t.board.dotRemove}
          disabled={mine === 0}
          onClick={() => ctx.actions.changeDots(card.id, -1)}
        >
          −
        </DotButton>
      )}
      <span className="tally" data-testid="card-tally" data-count={total} data-mine={mine} aria-hidden="true">
        <span className="tally-dots">{'●'.repeat(Math.min(total, 10))}</span>
        {total > 10 ? ' +' : ' '}
        {total}
      </span>
      {voting && (
        <DotButton
          testId="dot-add"
          label={t.board.dotAdd}
          disabled={ctx.ownUsed >= ctx.budget}
          onClick={() => ctx.actions.changeDots(card.id, 1)}
        >
          +
        </DotButton>
      )}
    </div>
  );
}
