import { currentRound, type Locale, type SessionState } from '@casusbord/shared';
import type { Messages } from '../../i18n';
import { roundTitle } from './hostFormat';

/**
 * A polite live region that says each table's round and status. One line per table, so when a
 * table moves on only its line changes and only that line is read out.
 */
export function RoundAnnouncer({ state, t, locale }: { state: SessionState; t: Messages; locale: Locale }) {
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="round-announcer">
      {state.tables.map((table) => {
        const { round } = table;
        const text =
          round.status === 'idle' || round.status === 'finished'
            ? t.host.announceStatus(table.name, t.host.status[round.status])
            : `${t.host.announceRound(table.name, round.roundIndex + 1, roundTitle(currentRound(round), locale))} — ${t.host.status[round.status]}`;
        return <p key={table.id}>{text}</p>;
      })}
    </div>
  );
}
