import type { Locale } from '@casusbord/shared';
import type { Messages } from '../../i18n';
import { useDilemmaStore } from '../../stores/dilemmaStore';
import { DotPlot, spreadSummary } from './DotPlot';
import '../../styles/dilemma.css';

/** Issue 16: the current dilemma line on the beamer, in the session's language: the count, after the reveal the dots. */
export function BeamerDilemma({ t, locale }: { t: Messages; locale: Locale }) {
  const d = useDilemmaStore((s) => s.current);
  if (!d) return null;
  return (
    <section className="beamer-dilemma" data-testid="beamer-dilemma" data-revealed={d.revealed ? 'true' : 'false'}>
      <h2>{d.text || t.dilemma.heading}</h2>
      <DotPlot
        positions={d.positions ?? []}
        mine={null}
        label={d.revealed ? t.dilemma.plotLabel(spreadSummary(d, locale)) : t.dilemma.between(d.left, d.right)}
        testId="beamer-dilemma-plot"
      />
      <div className="dilemma-poles">
        <span>← {d.left}</span>
        <span>{d.right} →</span>
      </div>
      <p data-testid="beamer-dilemma-count" data-count={d.count}>
        {t.dilemma.count(d.count)} {d.revealed ? spreadSummary(d, locale) : ''}
      </p>
    </section>
  );
}

/** Whether the beamer shows a dilemma (the clock then makes room). */
export function useBeamerHasDilemma(): boolean {
  return useDilemmaStore((s) => s.current !== null);
}
