import { MAX_ROUND_MINUTES, totalMinutes, type Locale, type Round, type SessionState } from '@casusbord/shared';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { uiStore } from '../../stores/uiStore';
import { AddRoundForm } from './AddRoundForm';
import { formatMinutes, HOST_SECTION_IDS, parseMinutes, roundTitle } from './hostFormat';
import { useHostAction } from './useHostAction';

/** Id of the first minutes field, where the checklist's "review times" leads. */
export const FIRST_MINUTES_ID = 'round-minutes-0';

interface RowProps {
  round: Round;
  index: number;
  count: number;
  current: boolean;
  /** Only the current round of a running or paused table cannot be removed. */
  removable: boolean;
  groupId: string | undefined;
  locale: Locale;
}

function RoundRow({ round, index, count, current, removable, groupId, locale }: RowProps) {
  const t = useT();
  const run = useHostAction();
  // null: show the server's value; a string: what the host is typing and has not saved yet.
  const [draft, setDraft] = useState<string | null>(null);
  // Enter saves and the blur that may follow must not save (and toast) a second time.
  const saving = useRef(false);
  const title = roundTitle(round, locale);
  const scope = groupId === undefined ? {} : { groupId };

  const commit = async () => {
    if (draft === null || saving.current) return;
    const minutes = parseMinutes(draft);
    if (!(minutes > 0 && minutes <= MAX_ROUND_MINUTES)) {
      uiStore.getState().pushToast({ message: t.host.minutesInvalid });
      return;
    }
    if (minutes !== round.minutes) {
      saving.current = true;
      const saved = t.host.minutesSaved(title, formatMinutes(minutes, locale));
      await run('host:rounds', { type: 'setMinutes', index, minutes, ...scope }, saved);
      saving.current = false;
    }
    setDraft(null);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') void commit();
    if (e.key === 'Escape') setDraft(null);
  };
  const move = (to: number) => {
    if (to < 0 || to >= count) return;
    void run('host:rounds', { type: 'move', from: index, to, ...scope }, t.host.orderSaved);
  };

  return (
    <li className={current ? 'round-row current' : 'round-row'} data-testid="round-row" data-round-id={round.id}>
      <span className="round-number">{index + 1}</span>
      <span className="round-name">
        {title}
        {current && <span className="badge">{t.host.currentMark}</span>}
      </span>
      <label className="round-minutes">
        <span className="visually-hidden">{t.host.minutesLabel(title)}</span>
        <input
          id={`round-minutes-${index}`}
          inputMode="decimal"
          data-testid="round-minutes"
          value={draft ?? formatMinutes(round.minutes, locale)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={onKey}
        />
        <span aria-hidden="true">{t.host.minutesUnit}</span>
      </label>
      <label className="round-move-on" title={t.cockpit.moveOnHint}>
        <input
          type="checkbox"
          checked={round.moveOnAtZero === true}
          aria-label={t.cockpit.moveOnLabel(title)}
          data-testid="round-move-on"
          onChange={(e) => {
            const on = e.target.checked;
            void run(
              'host:rounds',
              { type: 'setMoveOnAtZero', index, on, ...scope },
              on ? t.cockpit.moveOnSet(title) : t.cockpit.moveOnCleared(title),
            );
          }}
        />
        <span aria-hidden="true">{t.cockpit.moveOn}</span>
      </label>
      <span className="round-row-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={t.host.moveUp(title)}
          aria-disabled={index === 0 || undefined}
          data-testid="round-up"
          onClick={() => move(index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t.host.moveDown(title)}
          aria-disabled={index === count - 1 || undefined}
          data-testid="round-down"
          onClick={() => move(index + 1)}
        >
          ↓
        </button>
        {removable && (
          <button
            type="button"
            className="icon-button danger"
            aria-label={t.host.removeRound(title)}
            data-testid="round-remove"
            onClick={() => void run('host:rounds', { type: 'remove', index, ...scope }, t.host.roundRemoved(title))}
          >
            ×
          </button>
        )}
      </span>
    </li>
  );
}

/** Durations, order, adding and removing rounds — before and during the session (`host:rounds`). */
export function RoundEditor({ state, locale }: { state: SessionState; locale: Locale }) {
  const t = useT();
  const [scopeId, setScopeId] = useState<string>('all');
  const table = state.tables.find((tb) => tb.id === scopeId) ?? state.tables[0];
  if (!table) return null;
  const groupId = scopeId === 'all' ? undefined : table.id;
  const { rounds, roundIndex, status } = table.round;
  const active = status === 'running' || status === 'paused';

  return (
    <section id={HOST_SECTION_IDS.rounds} className="host-section panel" aria-labelledby="host-rounds-heading">
      <div className="host-section-header">
        <h2 id="host-rounds-heading">{t.host.roundsHeading}</h2>
        <span className="muted small" data-testid="rounds-total">
          {t.host.totalMinutes(formatMinutes(totalMinutes(rounds), locale))}
        </span>
      </div>
      {state.tables.length > 1 && (
        <label className="field inline">
          <span>{t.host.roundsScope}</span>
          <select value={scopeId} onChange={(e) => setScopeId(e.target.value)} data-testid="rounds-scope">
            <option value="all">{t.host.allTables}</option>
            {state.tables.map((tb) => (
              <option key={tb.id} value={tb.id}>
                {tb.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <ol className="round-list" data-testid="round-list">
        {rounds.map((round, i) => (
          <RoundRow
            key={round.id}
            round={round}
            index={i}
            count={rounds.length}
            current={status !== 'idle' && i === roundIndex}
            removable={rounds.length > 1 && !(active && i === roundIndex)}
            groupId={groupId}
            locale={locale}
          />
        ))}
      </ol>
      <AddRoundForm rounds={rounds} roundIndex={roundIndex} started={status !== 'idle'} groupId={groupId} />
    </section>
  );
}
