import type { SessionState, TableState, BoardRights } from '@casusbord/shared';
import { useT } from '../../i18n';
import { useBoardView, boardViewStore } from '../../stores/boardViewStore';
import { usePresenceStore } from '../../stores/presenceStore';
import { useUiStore } from '../../stores/uiStore';
import { ReadyToggle } from './ReadyToggle';
import { RoundClock } from './RoundClock';
import { roundTask } from './roundTask';

interface RoundBannerProps {
  state: SessionState | null;
  table: TableState | null;
  rights: BoardRights;
  role: string;
  participantId: string | null;
  /** Another table's round, on its board, where the facilitator brought everyone (issue 15): not "your table". */
  visiting?: boolean;
}

/**
 * What the round asks of everyone now, in the UI's language: the round and its instruction,
 * the server's clock, the status, the person's dots left and their "ready" toggle. A live region
 * announces each new round to screen readers (the clock announces the last minute itself).
 */
export function RoundBanner({ state, table, rights, role, participantId, visiting = false }: RoundBannerProps) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const presence = usePresenceStore((s) => s.entries);
  const ownUsed = useBoardView(boardViewStore, (s) => s.ownUsed);
  if (!state || !table) return <div className="round-banner loading" aria-busy="true" />;

  const { phase, round } = rights;
  const rounds = table.round.rounds;
  const participant = role === 'participant' && participantId !== null;
  const multiTable = state.tables.length > 1 || state.plenaryDocName !== null;
  const atTable = presence.filter((p) => p.role === 'participant' && p.groupId === table.id && p.online);
  const readyHere = atTable.filter((p) => p.participantId && state.ready.includes(p.participantId)).length;
  const voting = participant && rights.dotColumns.size > 0;
  const dotsLeft = Math.max(0, state.dotsPerPerson - ownUsed);

  let status: string;
  let hint: string | null = null;
  switch (phase) {
    case 'waiting':
    case 'unknown':
      status = t.board.statusIdle;
      hint = t.board.idleHint;
      break;
    case 'finished':
      status = t.board.statusFinished;
      hint = t.board.finishedHint;
      break;
    case 'locked':
      status = t.board.statusFinished;
      hint = t.board.lockedHint;
      break;
    case 'open':
      status = table.round.status === 'paused' ? t.board.statusPaused : t.board.statusRunning;
      if (table.round.status === 'paused') hint = t.board.pausedHint;
      break;
  }
  const title = round ? round.title[locale] : '';
  const showClock = phase === 'open' || phase === 'waiting';
  const task = roundTask(t, rights, participant);

  return (
    <section
      className={`round-banner phase-${phase} status-${table.round.status}`}
      data-testid="round-banner"
      data-phase={phase}
      data-round-id={round?.id ?? ''}
      aria-label={title || status}
    >
      <div className="round-main">
        <div className="round-meta">
          {multiTable && (
            <span className="table-name" data-testid="table-name">
              {participant && !visiting ? `${t.board.yourTable}: ${table.name}` : table.name}
            </span>
          )}
          {round && phase !== 'waiting' && (
            <span className="round-count">{t.board.roundOf(table.round.roundIndex + 1, rounds.length)}</span>
          )}
          <span className={`round-status status-${table.round.status}`} data-testid="round-status">
            {status}
          </span>
        </div>
        <h2 className="round-title" data-testid="round-title">
          {title}
        </h2>
        {round && phase === 'open' && (
          <p className="round-instruction" data-testid="round-instruction">
            {round.instruction[locale]}
          </p>
        )}
        {task && (
          <p className="round-task" data-testid="round-task">
            <strong>{t.board.task.label}:</strong> {task}
          </p>
        )}
        {hint && <p className="round-hint">{hint}</p>}
      </div>
      <div className="round-side">
        {showClock && <RoundClock round={table.round} who={role === 'host' ? 'facilitator' : 'participant'} />}
        <div className="round-actions">
          {voting && (
            <span
              className="dots-left"
              data-testid="dots-left"
              data-left={dotsLeft}
              title={t.board.dotsHint(state.dotsPerPerson)}
            >
              <span aria-hidden="true">● </span>
              {t.board.dotsLeft(dotsLeft)}
            </span>
          )}
          {participant && !visiting && phase === 'open' && <ReadyToggle ready={state.ready.includes(participantId)} />}
          {phase === 'open' && atTable.length > 0 && (
            <span className="ready-count muted small" data-testid="ready-count">
              {t.board.readyCount(readyHere, atTable.length)}
            </span>
          )}
        </div>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {phase === 'open' && title
          ? `${t.board.announceRound(title)}${task ? `. ${t.board.task.label}: ${task}` : ''}`
          : ''}
      </div>
    </section>
  );
}
