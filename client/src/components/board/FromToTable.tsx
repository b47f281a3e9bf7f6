import {
  LIMITS,
  addMovement,
  changeMovementDots,
  deleteMovement,
  movementText,
  type MovementSide,
  type MovementSnapshot,
} from '@casusbord/shared';
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { newCardId } from '../../board/actions';
import { useYTextBinding } from '../../board/useYTextBinding';
import { useT } from '../../i18n';
import { boardViewStore, useBoardView } from '../../stores/boardViewStore';
import { uiStore } from '../../stores/uiStore';
import { DotControls } from './CardDots';
import '../../styles/fromTo.css';

interface Props {
  doc: Y.Doc;
  canEdit: boolean;
  canDot: boolean;
  /** Who writes new rows: a participant id, or 'host'. */
  authorId: string;
  participantId: string | null;
  budget: number;
}

/**
 * Issue 16: the from → to table, a co-edited two-column table of the movements the group wants
 * to make, with dots on the rows it stands behind. Each cell is a Y.Text bound to its textarea, so
 * two people can write in the same row; the server undoes what the round does not allow
 * (writeRules.ts), so the buttons here only follow the same rights.
 */
export function FromToTable({ doc, canEdit, canDot, authorId, participantId, budget }: Props) {
  const t = useT();
  const rows = useBoardView(boardViewStore, (s) => s.movements);
  const tally = useBoardView(boardViewStore, (s) => s.movementTally);
  const own = useBoardView(boardViewStore, (s) => s.ownMovementDots);
  const used = useBoardView(boardViewStore, (s) => s.ownMovementUsed);
  const [focusId, setFocusId] = useState<string | null>(null);
  const voting = canDot && participantId !== null;

  const add = () => {
    const id = newCardId();
    addMovement(doc, { id, from: '', to: '', authorId, createdAt: Date.now() });
    setFocusId(id);
    uiStore.getState().pushToast({ message: t.fromTo.added, timeoutMs: 3000 });
  };
  const remove = (row: MovementSnapshot) => {
    if (!deleteMovement(doc, row.id)) return;
    uiStore.getState().pushToast({
      message: t.fromTo.removed,
      action: { label: t.undo, run: () => addMovement(doc, row) },
    });
  };
  const dot = (rowId: string, delta: 1 | -1) => {
    if (!participantId) return;
    if (!changeMovementDots(doc, participantId, rowId, delta, budget) && delta > 0) {
      uiStore.getState().pushToast({ message: t.fromTo.dotsUsedUp, timeoutMs: 3000 });
    }
  };

  return (
    <section className="from-to" data-testid="from-to" aria-labelledby="from-to-heading">
      <h2 id="from-to-heading">{t.fromTo.heading}</h2>
      {canEdit && <p className="muted small">{t.fromTo.intro}</p>}
      {rows.length === 0 ? (
        <p className="muted small" data-testid="from-to-empty">
          {t.fromTo.empty}
        </p>
      ) : (
        <table className="from-to-table">
          <thead>
            <tr>
              <th scope="col">{t.fromTo.from}</th>
              <th scope="col" className="from-to-arrow" aria-hidden="true">
                →
              </th>
              <th scope="col">{t.fromTo.to}</th>
              <th scope="col">{t.fromTo.dots}</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">{t.fromTo.actions}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.id} data-testid="from-to-row" data-row-id={row.id}>
                <td>
                  <Cell doc={doc} row={row} side="from" n={i + 1} editable={canEdit} focus={focusId === row.id} />
                </td>
                <td className="from-to-arrow" aria-hidden="true">
                  →
                </td>
                <td>
                  <Cell doc={doc} row={row} side="to" n={i + 1} editable={canEdit} focus={false} />
                </td>
                <td>
                  <DotControls
                    label={t.fromTo.tally(tally[row.id] ?? 0, own[row.id] ?? 0)}
                    total={tally[row.id] ?? 0}
                    mine={own[row.id] ?? 0}
                    voting={voting}
                    full={used >= budget}
                    testIds={{ remove: 'from-to-dot-remove', add: 'from-to-dot-add', tally: 'from-to-tally' }}
                    labels={{ remove: t.fromTo.dotRemove(i + 1), add: t.fromTo.dotAdd(i + 1) }}
                    change={(delta) => dot(row.id, delta)}
                  />
                </td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="button ghost small"
                      data-testid="from-to-remove"
                      aria-label={t.fromTo.remove(i + 1)}
                      title={t.fromTo.remove(i + 1)}
                      onClick={() => remove(row)}
                    >
                      ×
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="from-to-footer">
        {canEdit && rows.length < LIMITS.movementsPerBoard && (
          <button type="button" className="button small" data-testid="from-to-add" onClick={add}>
            {t.fromTo.add}
          </button>
        )}
        {voting && (
          <span className="muted small" data-testid="from-to-dots-left">
            {t.fromTo.dotsLeft(Math.max(0, budget - used), budget)}
          </span>
        )}
      </div>
    </section>
  );
}

/** One cell: its textarea follows the Y.Text (never a prop), read-only when the round says so. */
function Cell({
  doc,
  row,
  side,
  n,
  editable,
  focus,
}: {
  doc: Y.Doc;
  row: MovementSnapshot;
  side: MovementSide;
  n: number;
  editable: boolean;
  focus: boolean;
}) {
  const t = useT();
  const ytext = useMemo(() => movementText(doc, row.id, side), [doc, row.id, side]);
  const ref = useYTextBinding(ytext, LIMITS.movementChars);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, ref]);
  return (
    <textarea
      ref={ref}
      className="from-to-cell"
      data-testid={`from-to-${side}`}
      aria-label={side === 'from' ? t.fromTo.fromLabel(n) : t.fromTo.toLabel(n)}
      placeholder={editable ? (side === 'from' ? t.fromTo.fromPlaceholder : t.fromTo.toPlaceholder) : undefined}
      maxLength={LIMITS.movementChars}
      readOnly={!editable}
      rows={2}
      spellCheck
    />
  );
}
