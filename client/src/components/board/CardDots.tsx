import type { CardDetails } from '@casusbord/shared';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { useBoardContext } from './BoardContext';

/** One of the − / + buttons; its name is said and shown as a tooltip, the sign is all one sees. */
function DotButton({
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

/** What DotControls shows: a tally and, while voting, one's own − / + buttons. */
export interface DotControlsProps {
  /** Said for the whole group: the tally, and one's own share. */
  label: string;
  total: number;
  mine: number;
  voting: boolean;
  /** All of one's dots are placed: "+" is disabled, so nobody can exceed the budget. */
  full: boolean;
  testIds: { remove: string; add: string; tally: string };
  labels: { remove: string; add: string };
  change: (delta: 1 | -1) => void;
}

/** Dots on one thing (a card, a from → to row): everyone's tally and one's own − / + buttons. */
export function DotControls({ label, total, mine, voting, full, testIds, labels, change }: DotControlsProps) {
  return (
    <div className="card-dots" role="group" aria-label={label}>
      {voting && (
        <DotButton testId={testIds.remove} label={labels.remove} disabled={mine === 0} onClick={() => change(-1)}>
          −
        </DotButton>
      )}
      <span className="tally" data-testid={testIds.tally} data-count={total} data-mine={mine} aria-hidden="true">
        <span className="tally-dots">{'●'.repeat(Math.min(total, 10))}</span>
        {total > 10 ? ' +' : ' '}
        {total}
      </span>
      {voting && (
        <DotButton testId={testIds.add} label={labels.add} disabled={full} onClick={() => change(1)}>
          +
        </DotButton>
      )}
    </div>
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
  return (
    <DotControls
      label={`${t.board.tally(total)}${mine > 0 ? ` ${t.board.tallyMine(mine)}` : ''}`}
      total={total}
      mine={mine}
      voting={voting}
      full={ctx.ownUsed >= ctx.budget}
      testIds={{ remove: 'dot-remove', add: 'dot-add', tally: 'card-tally' }}
      labels={{ remove: t.board.dotRemove, add: t.board.dotAdd }}
      change={(delta) => ctx.actions.changeDots(card.id, delta)}
    />
  );
}
