import {
  COLUMNS,
  allowedCommands,
  cardsByColumn,
  currentRound,
  elapsedFraction,
  type Locale,
  type PresenceEntry,
  type TableState,
} from '@casusbord/shared';
import { useMemo } from 'react';
import { useServerNow } from '../../hooks/useServerNow';
import { useT } from '../../i18n';
import { boardPath } from '../../router';
import { Link } from '../Link';
import type { WatchedBoard } from '../../stores/hostBoardsStore';
import { CommandBar } from './CommandBar';
import { draftsWaiting, roundTitle } from './hostFormat';
import { RoundClock } from './RoundClock';
import { RoundStatusBadge } from './RoundStatusBadge';
import { useHostAction } from './useHostAction';

interface Props {
  sessionId: string;
  table: TableState;
  board: WatchedBoard | undefined;
  /** Participants seated at this table (online or not), from the server's presence list. */
  people: PresenceEntry[];
  ready: readonly string[];
  caseHolderId: string | null;
  locale: Locale;
}

function ProgressBar({ table }: { table: TableState }) {
  const now = useServerNow(1000);
  const fraction = elapsedFraction(table.round, now);
  return (
    <div className="round-progress" aria-hidden="true">
      <span style={{ width: `${Math.round(fraction * 100)}%` }} />
    </div>
  );
}

/** One table at a glance: round, clock, status, cards per column, who is here and ready, its controls. */
export function TableCard({ sessionId, table, board, people, ready, caseHolderId, locale }: Props) {
  const t = useT();
  const run = useHostAction();
  const { round: state } = table;
  const round = currentRound(state);
  const counts = useMemo(() => cardsByColumn(board?.cards ?? []), [board]);
  const readyHere = people.filter((p) => ready.includes(p.participantId ?? ''));
  const headingId = `table-${table.id}-heading`;

  return (
    <article
      className={`table-card host-status-${state.status}`}
      aria-labelledby={headingId}
      data-testid="table-card"
      data-table-id={table.id}
    >
      <header className="table-card-header">
        <h3 id={headingId}>{table.name}</h3>
        <RoundStatusBadge status={state.status} label={t.host.status[state.status]} testId="table-status" />
        {/* The table's own board: where the facilitator can bring everyone (case day). */}
        <Link
          href={`${boardPath(sessionId)}?table=${encodeURIComponent(table.id)}`}
          className="button ghost small"
          aria-label={t.cockpit.openTableLabel(table.name)}
          data-testid="table-open-board"
        >
          {t.cockpit.openTable}
        </Link>
      </header>

      <div className="table-round">
        <div className="table-round-text">
          <div className="muted small" data-testid="table-round-index" data-round-index={state.roundIndex}>
            {t.host.roundOf(state.roundIndex + 1, state.rounds.length)}
          </div>
          <div className="table-round-title" data-testid="table-round-title">
            {roundTitle(round, locale)}
          </div>
        </div>
        <RoundClock round={state} className="table-clock" testId="table-clock" t={t} />
      </div>
      <ProgressBar table={table} />

      {draftsWaiting(table) && (
        <div className="drafts-waiting" role="status" data-testid="drafts-waiting">
          <span>{t.host.draftsWaiting}</span>
          <button
            type="button"
            className="button small primary"
            aria-label={t.host.revealLabel(table.name)}
            data-testid="reveal-table"
            onClick={() =>
              void run('host:reveal', { groupId: table.id }, t.host.doneToast(t.host.revealed, table.name))
            }
          >
            {t.host.reveal}
          </button>
        </div>
      )}

      <div className="table-counts" aria-label={t.host.cardsHeading}>
        {board?.failed ? (
          <span className="hint warn">{t.host.boardFailed}</span>
        ) : !board?.synced ? (
          <span className="hint">{t.host.cardsLoading}</span>
        ) : (
          COLUMNS.map((column) => (
            <span key={column} className={`count-chip column-${column}`} data-testid={`count-${column}`}>
              <span className="count-label">{t.columnTitles[column]}</span>
              <strong className="count-value">{counts[column].length}</strong>
            </span>
          ))
        )}
      </div>

      <div className="table-people">
        <div className="label">
          {t.host.peopleHeading} · {t.host.readyCount(readyHere.length, people.length)}
        </div>
        {people.length === 0 ? (
          <p className="muted small">{t.host.nobodyAtTable}</p>
        ) : (
          <ul data-testid="table-people">
            {people.map((p) => {
              const isReady = ready.includes(p.participantId ?? '');
              return (
                <li
                  key={p.participantId}
                  className={p.online ? 'person online' : 'person'}
                  data-testid="table-person"
                  data-online={p.online}
                  data-ready={isReady}
                >
                  <span className="dot" role="img" aria-label={p.online ? t.presenceOnline : t.presenceOffline} />
                  <span className="person-name">{p.name}</span>
                  {p.participantId === caseHolderId && <span className="badge">{t.host.caseHolderBadge}</span>}
                  {isReady && <span className="badge ready">✓ {t.host.readyMark}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <CommandBar
        target={table.name}
        groupId={table.id}
        allowed={allowedCommands(state)}
        rounds={state.rounds}
        roundIndex={state.roundIndex}
        locale={locale}
        testId={`cmd-${table.id}`}
      />
    </article>
  );
}
