import type { Verdict } from '@casusbord/shared';
import { useT } from '../../i18n';

/**
 * A book-club review as every screen shows it (issue 16): title, author, the verdict as a badge,
 * the one sentence why and the link (checked to be http(s) by the server), opened in a new tab.
 */
export function ReviewSummary({
  review,
}: {
  review: { title: string; author: string; verdict: Verdict; why: string; link: string };
}) {
  const t = useT();
  return (
    <>
      <div className="review-head">
        <strong className="review-title">{review.title}</strong>
        {review.author && <span className="muted"> — {review.author}</span>}
        <span
          className={`verdict-badge verdict-${review.verdict}`}
          data-testid="review-verdict"
          data-verdict={review.verdict}
        >
          {t.bookClub.verdict[review.verdict]}
        </span>
      </div>
      <p className="review-why">{review.why}</p>
      {review.link && (
        <p className="small">
          <a href={review.link} target="_blank" rel="noopener noreferrer">
            {review.link}
          </a>
        </p>
      )}
    </>
  );
}
