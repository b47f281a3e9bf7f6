import { COLUMNS, type CardDetails, type Column, type SessionState, type TableState } from '@casusbord/shared';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { promoteCard } from '../../net/activeHost';
import { useHostBoardsStore } from '../../stores/hostBoardsStore';
import { notifyHost } from './useHostAction';

function TableCards({ table, cards, promoted }: { table: TableState; cards: CardDetails[]; promoted: Set<string> }) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const promote = async (card: CardDetails) => {
    if (busy) return;
    setBusy(card.id);
    const res = await promoteCard(table.id, card.id);
    setBusy(null);
    if (res.ok) notifyHost({ ok: true, message: t.host.promotedToast }, t);
    else
      notifyHost({ ok: false, reason: res.error.code === 'unavailable' ? t.host.disconnected : res.error.message }, t);
  };
  return (
    <div className="promote-table" data-testid="promote-table" data-table-id={table.id}>
      <h4>{table.name}</h4>
      {cards.length === 0 ? (
        <p className="muted small">{t.host.noCards}</p>
      ) : (
        <ul className="mini-cards">
          {cards.map((card) => {
            const done = promoted.has(`${table.id}:${card.id}`);
            return (
              <li
                key={card.id}
                className={`mini-card column-${card.column}`}
                data-testid="promote-card"
                data-card-id={card.id}
              >
                <span className="mini-card-column">{t.columnTitles[card.column]}</span>
                <span className="mini-card-text">{card.text}</span>
                {done ? (
                  <span className="badge ready" data-testid="promoted-mark">
                    ✓ {t.host.promoted}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button small"
                    aria-label={t.host.promoteLabel(card.text)}
                    aria-disabled={busy !== null || undefined}
                    data-testid="promote-button"
                    onClick={() => void promote(card)}
                  >
                    {t.host.promote}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Case day: each table's cards with "to plenary" (`card:promote`), and the plenary board as it stands. */
export function PromotePanel({ state }: { state: SessionState }) {
  const t = useT();
  const boards = useHostBoardsStore((s) => s.boards);
  const plenary = state.plenaryDocName ? boards[state.plenaryDocName] : undefined;
  const plenaryCards = useMemo(() => plenary?.cards ?? [], [plenary]);
  const promoted = useMemo(
    () => new Set(plenaryCards.map((c) => c.promotedFrom).filter((p): p is string => p !== null)),
    [plenaryCards],
  );
  const grouped = useMemo(() => {
    const byColumn = Object.fromEntries(COLUMNS.map((c) => [c, [] as CardDetails[]])) as Record<Column, CardDetails[]>;
    for (const card of plenaryCards) byColumn[card.column].push(card);
    return byColumn;
  }, [plenaryCards]);
  const tableName = (promotedFrom: string | null) => {
    const groupId = promotedFrom?.split(':')[0];
    return state.tables.find((tb) => tb.id === groupId)?.name ?? null;
  };

  return (
    <div className="promote-panel">
      <div>
        <h3>{t.host.promoteHeading}</h3>
        <div className="promote-tables">
          {state.tables.map((table) => (
            <TableCards key={table.id} table={table} cards={boards[table.docName]?.cards ?? []} promoted={promoted} />
          ))}
        </div>
      </div>
      <div className="plenary-overview" data-testid="plenary-overview" aria-labelledby="plenary-heading">
        <h3 id="plenary-heading">{t.host.plenaryHeading}</h3>
        {plenaryCards.length === 0 ? (
          <p className="muted small">{t.host.plenaryEmpty}</p>
        ) : (
          <div className="plenary-columns">
            {COLUMNS.filter((c) => grouped[c].length > 0).map((column) => (
              <div key={column} className={`plenary-column column-${column}`}>
                <h4>
                  {t.columnTitles[column]} <span className="muted">({grouped[column].length})</span>
                </h4>
                <ul>
                  {grouped[column].map((card) => {
                    const from = tableName(card.promotedFrom);
                    return (
                      <li key={card.id} data-testid="plenary-card">
                        <span className="plenary-card-text">{card.text}</span>
                        {from && <span className="muted small"> — {t.host.fromTable(from)}</span>}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
