import { LIMITS, type SessionState } from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { usePresenceStore } from '../../stores/presenceStore';
import { HOST_SECTION_IDS, participantsOf } from './hostFormat';
import { useHostAction } from './useHostAction';
import { clampCount, CountField, Field } from '../Field';

/** Ids the checklist's actions focus. */
export const CASE_HOLDER_SELECT_ID = 'host-case-holder';

const MAX_DOTS = LIMITS.dotsPerPersonMax;

/** Dots per person and the case holder (`host:settings`). */
export function SettingsPanel({ state }: { state: SessionState }) {
  const t = useT();
  const run = useHostAction();
  const people = participantsOf(usePresenceStore((s) => s.entries));
  // null: show the server's value; otherwise the host's unsaved choice.
  const [dots, setDots] = useState<string | null>(null);
  const [holder, setHolder] = useState<string | null>(null);
  const tableName = (groupId: string | null) => state.tables.find((tb) => tb.id === groupId)?.name ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const payload: { dotsPerPerson?: number; caseHolderId?: string | null } = {};
    if (dots !== null) payload.dotsPerPerson = clampCount(dots, MAX_DOTS);
    if (holder !== null) payload.caseHolderId = holder === '' ? null : holder;
    if (Object.keys(payload).length === 0) return;
    if (await run('host:settings', payload, t.host.settingsSaved)) {
      setDots(null);
      setHolder(null);
    }
  };

  return (
    <section id={HOST_SECTION_IDS.settings} className="host-section panel" aria-labelledby="host-settings-heading">
      <h2 id="host-settings-heading">{t.host.settingsHeading}</h2>
      <form className="settings-form" onSubmit={submit}>
        <Field label={t.host.caseHolderLabel}>
          <select
            id={CASE_HOLDER_SELECT_ID}
            data-testid="case-holder-select"
            value={holder ?? state.caseHolderId ?? ''}
            onChange={(e) => setHolder(e.target.value)}
          >
            <option value="">{t.host.caseHolderNone}</option>
            {people.map((p) => (
              <option key={p.participantId} value={p.participantId}>
                {state.tables.length > 1 ? `${p.name} (${tableName(p.groupId)})` : p.name}
              </option>
            ))}
          </select>
        </Field>
        <CountField
          label={t.host.dotsLabel}
          max={MAX_DOTS}
          draft={dots}
          saved={state.dotsPerPerson}
          onDraft={setDots}
          testId="dots-input"
        />
        <button type="submit" className="button small" data-testid="settings-save">
          {t.host.save}
        </button>
      </form>
    </section>
  );
}
