import { COLUMNS, EXTRA_ROUNDS, MAX_ROUND_MINUTES, METHODS, cloneRound, type Column, type Round } from '@casusbord/shared';
import { useId, useState, type FormEvent } from 'react';
import { DICTIONARIES, useT } from '../../i18n';
import { uiStore, useUiStore } from '../../stores/uiStore';
import { formatMinutes, parseMinutes } from './hostFormat';
import { useHostAction } from './useHostAction';
import { Field } from '../Field';

const BLANK = 'blank';

/** Every round of every method once (by id): the "templates" a host can add. */
const TEMPLATES: Round[] = (() => {
  const seen = new Map<string, Round>();
  for (const method of Object.values(METHODS)) for (const r of method.rounds) if (!seen.has(r.id)) seen.set(r.id, r);
  for (const r of EXTRA_ROUNDS) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
})();

/** A round id not yet used in the session: "advice", then "advice-2", "advice-3"… */
function freeId(base: string, rounds: readonly Round[]): string {
  const taken = new Set(rounds.map((r) => r.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

interface Props {
  rounds: readonly Round[];
  roundIndex: number;
  started: boolean;
  groupId: string | undefined;
}

/** Adds a round from the methods' templates or a blank custom one, at the end or after the current round. */
export function AddRoundForm({ rounds, roundIndex, started, groupId }: Props) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const run = useHostAction();
  const uid = useId();
  const [choice, setChoice] = useState<string>(BLANK);
  const [title, setTitle] = useState('');
  const [instruction, setInstruction] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [columns, setColumns] = useState<Column[]>([]);
  const [privateWriting, setPrivate] = useState(false);
  const [dots, setDots] = useState(false);
  const [where, setWhere] = useState<'end' | 'after'>('end');
  const template = TEMPLATES.find((r) => r.id === choice);

  const choose = (id: string) => {
    setChoice(id);
    const picked = TEMPLATES.find((r) => r.id === id);
    if (picked) setMinutes(formatMinutes(picked.minutes, locale));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const mins = parseMinutes(minutes);
    if (!(mins > 0 && mins <= MAX_ROUND_MINUTES)) {
      uiStore.getState().pushToast({ message: t.host.minutesInvalid });
      return;
    }
    let round: Round;
    if (template) {
      round = { ...cloneRound(template), id: freeId(template.id, rounds), minutes: mins };
    } else {
      const name = title.trim();
      if (!name) return;
      // A blank round has one title in both languages; its instruction falls back to a neutral one.
      const text = instruction.trim();
      round = {
        id: freeId('custom', rounds),
        title: { nl: name, en: name },
        instruction: {
          nl: text || DICTIONARIES.nl.host.defaultInstruction,
          en: text || DICTIONARIES.en.host.defaultInstruction,
        },
        minutes: mins,
        openColumns: COLUMNS.filter((c) => columns.includes(c)),
        privateWriting,
        dots,
      };
    }
    const at = where === 'after' && started ? roundIndex + 1 : undefined;
    const payload = {
      type: 'add' as const,
      round,
      ...(at === undefined ? {} : { at }),
      ...(groupId ? { groupId } : {}),
    };
    if (await run('host:rounds', payload, t.host.roundAdded(round.title[locale]))) {
      setTitle('');
      setInstruction('');
    }
  };

  const toggleColumn = (column: Column, on: boolean) =>
    setColumns((list) => (on ? [...list, column] : list.filter((c) => c !== column)));

  return (
    <form className="add-round" onSubmit={submit} aria-labelledby={`${uid}-heading`} data-testid="add-round">
      <h3 id={`${uid}-heading`}>{t.host.addRoundHeading}</h3>
      <div className="add-round-grid">
        <Field label={t.host.templateLabel}>
          <select value={choice} onChange={(e) => choose(e.target.value)} data-testid="add-round-template">
            <option value={BLANK}>{t.host.blankRound}</option>
            {TEMPLATES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title[locale]} ({formatMinutes(r.minutes, locale)} {t.host.minutesUnit})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.host.newMinutes} narrow>
          <input inputMode="decimal" required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </Field>
        {started && (
          <Field label={t.host.addAt}>
            <select value={where} onChange={(e) => setWhere(e.target.value === 'after' ? 'after' : 'end')}>
              <option value="end">{t.host.addAtEnd}</option>
              <option value="after">{t.host.addAfterCurrent}</option>
            </select>
          </Field>
        )}
      </div>
      {!template && (
        <div className="add-round-custom">
          <Field label={t.host.newTitle}>
            <input
              required
              maxLength={120}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="add-round-title"
            />
          </Field>
          <Field label={t.host.newInstruction}>
            <input maxLength={400} value={instruction} onChange={(e) => setInstruction(e.target.value)} />
          </Field>
          <fieldset className="checks">
            <legend>{t.host.newColumns}</legend>
            {COLUMNS.map((column) => (
              <label key={column}>
                <input
                  type="checkbox"
                  checked={columns.includes(column)}
                  onChange={(e) => toggleColumn(column, e.target.checked)}
                />
                {t.columnTitles[column]}
              </label>
            ))}
            <label>
              <input type="checkbox" checked={privateWriting} onChange={(e) => setPrivate(e.target.checked)} />
              {t.host.newPrivate}
            </label>
            <label>
              <input type="checkbox" checked={dots} onChange={(e) => setDots(e.target.checked)} />
              {t.host.newDots}
            </label>
          </fieldset>
        </div>
      )}
      <button type="submit" className="button small" data-testid="add-round-submit">
        {t.host.addSubmit}
      </button>
    </form>
  );
}
