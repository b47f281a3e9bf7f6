import { allowedCommands, type HostCommandType, type Locale, type SessionState } from '@casusbord/shared';
import { useT } from '../../i18n';
import { useHostBoardsStore } from '../../stores/hostBoardsStore';
import { usePresenceStore } from '../../stores/presenceStore';
import { CommandBar } from './CommandBar';
import { HOST_SECTION_IDS, draftsWaiting, participantsOf } from './hostFormat';
import { TableCard } from './TableCard';
import { useHostAction } from './useHostAction';

/** Every table at a glance, with controls for each and (on a case day) for all at once. */
export function TablesSection({ state, locale }: { state: SessionState; locale: Locale }) {
  const t = useT();
  const run = useHostAction();
  const boards = useHostBoardsStore((s) => s.boards);
  const people = participantsOf(usePresenceStore((s) => s.entries));
  const several = state.tables.length > 1;
  // For all tables, offer what applies to at least one of them; the server skips the others.
  const allowedAnywhere = [
    ...new Set(state.tables.flatMap((table) => allowedCommands(table.round))),
  ] as HostCommandType[];
  const first = state.tables[0];
  const waiting = state.tables.filter(draftsWaiting);

  return (
    <section id={HOST_SECTION_IDS.tables} className="host-section" aria-labelledby="host-tables-heading" tabIndex={-1}>
      <div className="host-section-header">
        <h2 id="host-tables-heading">{t.host.sections.tables}</h2>
        {several && first && (
          <CommandBar
            target={t.host.allTables}
            allowed={allowedAnywhere}
            rounds={first.round.rounds}
            roundIndex={first.round.roundIndex}
            locale={locale}
            testId="cmd-all"
          />
        )}
        {several && waiting.length > 0 && (
          <button
            type="button"
            className="button small primary"
            data-testid="reveal-all"
            onClick={() => void run('host:reveal', {}, t.host.doneToast(t.host.revealed, t.host.allTables))}
          >
            {t.host.revealAll}
          </button>
        )}
      </div>
      <div className={several ? 'tables-grid' : 'tables-grid single'}>
        {state.tables.map((table) => (
          <TableCard
            key={table.id}
            sessionId={state.sessionId}
            table={table}
            board={boards[table.docName]}
            people={people.filter((p) => p.groupId === table.id)}
            ready={state.ready}
            caseHolderId={state.caseHolderId}
            locale={locale}
          />
        ))}
      </div>
    </section>
  );
}
