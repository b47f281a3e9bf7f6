import { RATINGS, type CardDetails } from '@casusbord/shared';
import { useT } from '../../i18n';
import '../../styles/reactions.css';
import '../../styles/ratings.css';
import { useBoardContext } from './BoardContext';

/**
 * The case holder's rating of one question (Socratic intervision): in the rating round the case
 * holder (or the host) picks warm, neutral or cold with radio buttons; everybody else, and
 * everyone after that round, sees the chosen rating. The server refuses anyone else's rating.
 */
export function CardRating({ card }: { card: CardDetails }) {
  const t = useT();
  const ctx = useBoardContext();
  if (!ctx.rights.canRate) {
    if (!card.rating) return null;
    return (
      <div className={`rating-badge rating-${card.rating}`} data-testid="card-rating" data-rating={card.rating}>
        <span className="rating-label">{t.rating.ratings[card.rating]}</span>
      </div>
    );
  }
  const name = `rating-${ctx.kind}-${card.id}`;
  return (
    <div className="reaction-editor rating-editor" data-testid="rating-editor">
      <fieldset>
        <legend>{t.rating.legend}</legend>
        <div className="reaction-options">
          {RATINGS.map((rating) => (
            <label key={rating} className={`reaction-option rating-option rating-${rating}`}>
              <input
                type="radio"
                name={name}
                value={rating}
                data-testid={`rating-${rating}`}
                checked={card.rating === rating}
                onChange={() => ctx.actions.rate(card.id, rating)}
              />
              {t.rating.ratings[rating]}
            </label>
          ))}
          {card.rating && (
            <button
              type="button"
              className="button small"
              data-testid="rating-clear"
              aria-label={t.rating.clearLabel}
              onClick={() => ctx.actions.rate(card.id, null)}
            >
              {t.rating.clear}
            </button>
          )}
        </div>
      </fieldset>
    </div>
  );
}
