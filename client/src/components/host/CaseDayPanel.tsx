import { LIMITS, type PresenceEntry, type SessionState } from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { usePresenceStore } from '../../stores/presenceStore';
import { participantsOf } from './hostFormat';
import { useHostAction } from './useHostAction';
import { clampCount, CountField } from '../Field';

/** Id of the table-count field, where the checklist's "set tables" leads. */
export const TABLE_COUNT_ID = 'host-table-count';
const MAX_TABLES = LIMITS.tablesPerSession;

function TablesForm({ state }: { state: SessionState }) {
  const t = useT();
  const run = useHostAction();
  const [count, setCount] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (count === null) return;
    const n = clampCount(count, MAX_TABLES);
    await run('host:tables', { count: n }, t.host.tablesSaved(n));
    // Either way the field shows the number of tables there really are now.
    setCount(null);
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <CountField
        label={t.host.tablesCount}
        max={MAX_TABLES}
        draft={count}
        saved={state.tables.length}
        onDraft={setCount}
        id={TABLE_COUNT_ID}
        testId="table-count"
      />
      <button type="submit" className="button small" data-testid="table-count-apply">
        {t.host.apply}
      </button>
    </form>
  );
}

function MoveRow({ person, state }: { person: PresenceEntry & { participantId: string }; state: SessionState }) {
  const t = useT();
  const run = useHostAction();
  const [target, setTarget] = useState<string | null>(null);
  const chosen = target ?? person.groupId ?? '';
  const tableName = state.tables.find((tb) => tb.id === chosen)?.name ?? chosen;
  const move = async () => {
    if (chosen === person.groupId) return;
    if (
      await run(
        'host:move',
        { participantId: person.participantId, groupId: chosen },
        t.host.moved(person.name, tableName),
      )
    ) {
      setTarget(null);
    }
  };
  return (
    <li className="move-row" data-testid="move-row" data-participant-id={person.participantId}>
      <span className={person.online ? 'person online' : 'person'}>
        <span className="dot" role="img" aria-label={person.online ? t.presenceOnline : t.presenceOffline} />
        <span className="person-name">{person.name}</span>
      </span>
      <select
        aria-label={t.host.tableFor(person.name)}
        data-testid="move-select"
        value={chosen}
        onChange={(e) => setTarget(e.target.value)}
      >
        {state.tables.map((tb) => (
          <option key={tb.id} value={tb.id}>
            {tb.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button small"
        aria-label={t.host.moveLabel(person.name)}
        aria-disabled={chosen === person.groupId || undefined}
        data-testid="move-submit"
        onClick={() => void move()}
      >
        {t.host.move}
      </button>
    </li>
  );
}

/** Case day: how many tables, and who sits where (`host:tables`, `host:move`). */
export function CaseDayPanel({ state }: { state: SessionState }) {
  const t = useT();
  const people = participantsOf(usePresenceStore((s) => s.entries));
  return (
    <div className="caseday-panel">
      <TablesForm state={state} />
      <h3>{t.host.moveHeading}</h3>
      {people.length === 0 ? (
        <p className="muted small">{t.host.noParticipants}</p>
      ) : (
        <ul className="move-list">
          {people.map((person) => (
            <MoveRow key={person.participantId} person={person} state={state} />
          ))}
        </ul>
      )}
    </div>
  );
}
