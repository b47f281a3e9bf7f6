import type { DilemmaView, Role } from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { ackErrorMessage } from '../../board/useBoardActions';
import { useT } from '../../i18n';
import type { ControlSocket } from '../../net/controlSocket';
import { sendDilemma } from '../../net/dilemmaLink';
import { useDilemmaStore } from '../../stores/dilemmaStore';
import { uiStore, useUiStore } from '../../stores/uiStore';
import { DotPlot, spreadSummary } from './DotPlot';
import '../../styles/dilemma.css';

/**
 * Issue 16: the current dilemma line on the board. A participant places (or moves) their one
 * marker with a slider until the host reveals; before that they see only their own marker and how
 * many have placed one (the server sends nothing more), after it every marker as a dot plot.
 */
export function DilemmaLine({ socket, role }: { socket: ControlSocket | null; role: Role }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const d = useDilemmaStore((s) => s.current);
  if (!d) return null;
  const shown = d.revealed ? (d.positions ?? []) : d.mine !== null ? [d.mine] : [];
  const label = d.revealed ? t.dilemma.plotLabel(spreadSummary(d, locale)) : t.dilemma.between(d.left, d.right);
  return (
    <section
      className="dilemma-line"
      data-testid="dilemma-line"
      data-revealed={d.revealed ? 'true' : 'false'}
      aria-labelledby="dilemma-heading"
    >
      <h2 id="dilemma-heading">
        {t.dilemma.heading}
        {d.text && (
          <>
            : <span data-testid="dilemma-text">{d.text}</span>
          </>
        )}
      </h2>
      <DotPlot positions={shown} mine={d.mine} label={label} testId="dilemma-plot" />
      <div className="dilemma-poles" aria-hidden="true">
        <span>← {d.left}</span>
        <span>{d.right} →</span>
      </div>
      <p className="muted small" data-testid="dilemma-count" data-count={d.count}>
        {t.dilemma.count(d.count)} {d.revealed ? t.dilemma.revealed : t.dilemma.hidden}
      </p>
      {d.revealed && <p className="small">{spreadSummary(d, locale)}</p>}
      {role === 'participant' && !d.revealed && <PlaceMarker key={d.id} d={d} socket={socket} />}
    </section>
  );
}

function PlaceMarker({ d, socket }: { d: DilemmaView; socket: ControlSocket | null }) {
  const t = useT();
  const [value, setValue] = useState(d.mine ?? 50);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const res = await sendDilemma(socket, 'dilemma:place', { dilemmaId: d.id, position: value });
    setBusy(false);
    uiStore.getState().pushToast({ message: res.ok ? t.dilemma.placed : ackErrorMessage(res.error), timeoutMs: 3000 });
  };
  return (
    <form className="dilemma-place" onSubmit={submit}>
      <label className="field">
        <span>{t.dilemma.placeLabel}</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={value}
          data-testid="dilemma-slider"
          aria-valuetext={t.dilemma.valueText(value, d.left, d.right)}
          onChange={(e) => setValue(Number(e.target.value))}
        />
      </label>
      <button type="submit" className="button small primary" data-testid="dilemma-place" disabled={busy}>
        {d.mine === null ? t.dilemma.place : t.dilemma.move}
      </button>
      {d.mine !== null && (
        <span className="muted small" data-testid="dilemma-mine" data-position={d.mine}>
          {t.dilemma.mine(d.mine)}
        </span>
      )}
    </form>
  );
}
