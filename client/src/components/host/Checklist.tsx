import { totalMinutes, type SessionState, type SessionView } from '@casusbord/shared';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { usePresenceStore } from '../../stores/presenceStore';
import { useUiStore } from '../../stores/uiStore';
import { CASE_HOLDER_SELECT_ID } from './SettingsPanel';
import { TABLE_COUNT_ID } from './CaseDayPanel';
import { FIRST_MINUTES_ID } from './RoundEditor';
import { focusControl, formatMinutes, participantsOf } from './hostFormat';

function Item({ ok, children, action }: { ok: boolean; children: ReactNode; action?: ReactNode }) {
  const t = useT();
  return (
    <li className={ok ? 'check ok' : 'check todo'} data-testid="check-item" data-ok={ok}>
      <span className="check-mark" aria-hidden="true">
        {ok ? '✓' : '!'}
      </span>
      <span className="visually-hidden">{ok ? t.host.checkOk : t.host.checkTodo}: </span>
      <span className="check-text">{children}</span>
      {action}
    </li>
  );
}

/** What to settle before the first round, each with a button that leads to the control that settles it. */
export function Checklist({ state, view }: { state: SessionState; view: SessionView | null }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const people = participantsOf(usePresenceStore((s) => s.entries));
  const caseDay = state.plenaryDocName !== null;
  const holder = people.find((p) => p.participantId === state.caseHolderId);
  const rounds = state.tables[0]?.round.rounds ?? [];
  const action = (label: string, target: string) => (
    <button type="button" className="button small" onClick={() => focusControl(target)}>
      {label}
    </button>
  );

  return (
    <section className="checklist panel" aria-labelledby="checklist-heading" data-testid="checklist">
      <h2 id="checklist-heading">{t.host.checklistHeading}</h2>
      <ul>
        <Item ok={Boolean(holder)} action={action(t.host.chooseCaseHolder, CASE_HOLDER_SELECT_ID)}>
          {holder
            ? t.host.caseHolderIs(holder.name)
            : view?.caseHolderName
              ? t.host.caseHolderNamedOnly(view.caseHolderName)
              : t.host.caseHolderMissing}
        </Item>
        <Item
          ok={!caseDay || state.tables.length > 1}
          action={caseDay ? action(t.host.setTables, TABLE_COUNT_ID) : undefined}
        >
          {t.host.tablesCheck(state.tables.length)}
        </Item>
        <Item ok={rounds.length > 0} action={action(t.host.checkDurations, FIRST_MINUTES_ID)}>
          {t.host.durationsCheck(rounds.length, formatMinutes(totalMinutes(rounds), locale))}
        </Item>
        <Item ok={people.length > 0}>{t.host.peopleCheck(people.length, people.filter((p) => p.online).length)}</Item>
      </ul>
    </section>
  );
}
