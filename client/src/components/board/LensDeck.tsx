import type { Lens } from '@casusbord/shared';
import { useEffect, useState } from 'react';
import { useBoardActions, type ActionDeps } from '../../board/useBoardActions';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { fetchLenses } from '../../net/communityApi';
import { useUiStore } from '../../stores/uiStore';
import '../../styles/followUp.css';
import { LoadFailed } from '../LoadFailed';

interface Props extends ActionDeps {
  sessionId: string;
  token: string;
}

/**
 * The lens deck of the analysis round: prompt cards (built in, plus the pitfalls the community's
 * archive names most). "Maak kaart" writes a pitfall through the ordinary board actions, so a
 * private round puts it in the person's draft like any card they type.
 */
export function LensDeck({ sessionId, token, ...deps }: Props) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [lenses, setLenses] = useState<Lens[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const actions = useBoardActions(deps);
  // The round picks the deck (the six thinking hats, or the pitfall lenses by default).
  const set = deps.rights.round?.lensSet ?? 'pitfalls';
  const canWrite = deps.rights.writable.has('pitfall');

  // The built-in deck follows the session's language on the server; refetch when the UI switches too.
  useEffect(() => {
    let cancelled = false;
    fetchLenses(sessionId, token, set).then(
      (res) => {
        if (!cancelled) setLenses(res.lenses);
      },
      (err: unknown) => {
        if (!cancelled) setError(describeError(t, err));
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `t` only words the error
  }, [sessionId, token, locale, attempt, set]);

  return (
    <section className="lens-deck panel" aria-labelledby="lens-deck-heading" data-testid="lens-deck">
      <h2 id="lens-deck-heading">{t.lenses.heading}</h2>
      <p className="muted">{t.lenses.intro}</p>
      {!canWrite && <p className="hint">{t.lenses.cannotWrite}</p>}
      {error ? (
        <LoadFailed
          what={t.lenses.loadFailed}
          detail={error}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      ) : lenses === null ? (
        <p className="muted" role="status">
          {t.lenses.loading}
        </p>
      ) : lenses.length === 0 ? (
        <p className="muted">{t.lenses.empty}</p>
      ) : (
        <ul className="lens-list">
          {lenses.map((lens) => (
            <li key={lens.id} className={`lens lens-${lens.source}`} data-testid="lens" data-lens-id={lens.id}>
              <p className="lens-text">{lens.text}</p>
              {lens.source === 'archive' && lens.count > 0 && (
                <span className="small muted">{t.lenses.fromArchive(lens.count)}</span>
              )}
              {deps.rights.writable.has(lens.column ?? 'pitfall') && (
                <button
                  type="button"
                  className="button small"
                  aria-label={t.lenses.makeCardLabel(lens.text)}
                  data-testid="lens-make-card"
                  onClick={() => actions.addCard(lens.column ?? 'pitfall', lens.text)}
                >
                  {t.lenses.makeCard}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
