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

/**
 * Issue 16, the host's side of the dilemma line: set a dilemma with two poles (it goes to every
 * board and the beamer), follow how many markers are placed, reveal them. Before the reveal the
 * host sees no positions either: the server sends none.
 */
export function DilemmaHostPanel({ socket }: { socket: ControlSocket | null }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const d = useDilemmaStore((s) => s.current);
  const [text, setText] = useState('');
  const [left, setLeft] = useState('');
  const [right, setRight] = useState('');
  const [busy, setBusy] = useState(false);
  const toast = (message: string) => uiStore.getState().pushToast({ message, timeoutMs: 3000 });

  const set = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const res = await sendDilemma(socket, 'dilemma:set', { text, left, right });
    setBusy(false);
    if (!res.ok) return toast(ackErrorMessage(res.error));
    setText('');
    setLeft('');
    setRight('');
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
        <Field label={t.dilemma.host.textLabel}>
          <input
            data-testid="dilemma-input-text"
            maxLength={LIMITS.dilemmaTextChars}
            placeholder={t.dilemma.host.textPlaceholder}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <Field label={t.dilemma.host.leftLabel}>
          <input
            data-testid="dilemma-input-left"
            required
            maxLength={LIMITS.dilemmaPoleChars}
            placeholder={t.dilemma.host.leftPlaceholder}
            value={left}
            onChange={(e) => setLeft(e.target.value)}
          />
        </Field>
        <Field label={t.dilemma.host.rightLabel}>
          <input
            data-testid="dilemma-input-right"
            required
            maxLength={LIMITS.dilemmaPoleChars}
            placeholder={t.dilemma.host.rightPlaceholder}
            value={right}
            onChange={(e) => setRight(e.target.value)}
          />
        </Field>
        <button type="submit" className="button small" data-testid="dilemma-set" disabled={busy}>
          {d ? t.dilemma.host.setAnother : t.dilemma.host.set}
        </button>
      </form>
    </section>
  );
}
