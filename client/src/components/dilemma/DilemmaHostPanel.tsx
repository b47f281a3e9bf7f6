import { LIMITS } from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { ackErrorMessage } from '../../board/useBoardActions';
import { useT } from '../../i18n';
import type { ControlSocket } from '../../net/controlSocket';
import { sendDilemma } from '../../net/dilemmaLink';
import { useDilemmaStore } from '../../stores/dilemmaStore';
import { uiStore, useUiStore } from '../../stores/uiStore';
import { Field } from '../Field';
import { DotPlot, spreadSummary } from './DotPlot';
import '../../styles/dilemma.css';

const EMPTY = { text: '', left: '', right: '' };
/** The form's fields: the dilemma (may stay empty) and its two poles. */
const FIELDS = [
  { name: 'text', max: LIMITS.dilemmaTextChars, required: false },
  { name: 'left', max: LIMITS.dilemmaPoleChars, required: true },
  { name: 'right', max: LIMITS.dilemmaPoleChars, required: true },
] as const;

/**
 * Issue 16, the host's side of the dilemma line: set a dilemma with two poles (it goes to every
 * board and the beamer), follow how many markers are placed, reveal them. Before the reveal the
 * host sees no positions either: the server sends none.
 */
export function DilemmaHostPanel({ socket }: { socket: ControlSocket | null }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const d = useDilemmaStore((s) => s.current);
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const toast = (message: string) => uiStore.getState().pushToast({ message, timeoutMs: 3000 });

  const set = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const res = await sendDilemma(socket, 'dilemma:set', form);
    setBusy(false);
    if (!res.ok) return toast(ackErrorMessage(res.error));
    setForm(EMPTY);
    toast(t.dilemma.host.setDone);
  };
  const reveal = async () => {
    if (!d) return;
    const res = await sendDilemma(socket, 'dilemma:reveal', { dilemmaId: d.id });
    toast(res.ok ? t.dilemma.host.revealDone : ackErrorMessage(res.error));
  };

  return (
    <section
      className="host-section panel dilemma-host"
      aria-labelledby="host-dilemma-heading"
      data-testid="dilemma-host"
    >
      <h2 id="host-dilemma-heading">{t.dilemma.host.heading}</h2>
      <p className="muted small">{t.dilemma.host.intro}</p>
      {d && (
        <div className="dilemma-current" data-testid="dilemma-host-current">
          <h3>
            {t.dilemma.host.current}
            {d.text ? `: ${d.text}` : ''}
          </h3>
          <DotPlot
            positions={d.positions ?? []}
            mine={null}
            label={d.revealed ? t.dilemma.plotLabel(spreadSummary(d, locale)) : t.dilemma.between(d.left, d.right)}
            testId="dilemma-host-plot"
          />
          <div className="dilemma-poles" aria-hidden="true">
            <span>← {d.left}</span>
            <span>{d.right} →</span>
          </div>
          <p className="small" data-testid="dilemma-host-count" data-count={d.count}>
            {t.dilemma.count(d.count)} {d.revealed ? spreadSummary(d, locale) : t.dilemma.hidden}
          </p>
          {!d.revealed && (
            <button type="button" className="button small primary" data-testid="dilemma-reveal" onClick={reveal}>
              {t.dilemma.host.reveal}
            </button>
          )}
        </div>
      )}
      <form onSubmit={set}>
        {FIELDS.map(({ name, max, required }) => (
          <Field key={name} label={t.dilemma.host[`${name}Label`]}>
            <input
              data-testid={`dilemma-input-${name}`}
              required={required}
              maxLength={max}
              placeholder={t.dilemma.host[`${name}Placeholder`]}
              value={form[name]}
              onChange={(e) => setForm({ ...form, [name]: e.target.value })}
            />
          </Field>
        ))}
        <button type="submit" className="button small" data-testid="dilemma-set" disabled={busy}>
          {d ? t.dilemma.host.setAnother : t.dilemma.host.set}
        </button>
      </form>
    </section>
  );
}
