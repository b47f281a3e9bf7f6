import type { ArchiveEntry, ArchiveReading } from '@casusbord/shared';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { ReviewSummary } from '../board/ReviewSummary';
import '../../styles/bookClub.css';

/** One reading of the list with the session it was reviewed in. */
export interface ListedReading {
  reading: ArchiveReading;
  sessionId: string;
  sessionTitle: string;
}

/** Every review of the archive entries on screen, newest session first (the entries' order). */
export function readingsOf(entries: readonly ArchiveEntry[]): ListedReading[] {
  return entries.flatMap((e) =>
    e.readings.map((reading) => ({ reading, sessionId: e.sessionId, sessionTitle: e.title })),
  );
}

/** One reading: title, author, verdict, why, link and how many reacted; `action` e.g. a pin button. */
export function ReadingItem({ item, action }: { item: ListedReading; action?: ReactNode }) {
  const t = useT();
  const r = item.reading;
  return (
    <li className={`reading verdict-${r.verdict}`} data-testid="reading" data-review-id={r.reviewId}>
      <ReviewSummary review={r} />
      <p className="muted small">
        {t.bookClub.fromSession(item.sessionTitle)}
        {r.reactions.length > 0 && ` · ${t.bookClub.reactionCount(r.reactions.length)}`}
      </p>
      {action}
    </li>
  );
}

/** The community's reading list (issue 16): the book club's reviews of every archived session. */
export function ReadingList({
  entries,
  action,
}: {
  entries: readonly ArchiveEntry[];
  action?: (item: ListedReading) => ReactNode;
}) {
  const t = useT();
  const items = readingsOf(entries);
  return (
    <section className="archive-readings panel" aria-labelledby="reading-list-heading" data-testid="reading-list">
      <h2 id="reading-list-heading">{t.bookClub.readingList}</h2>
      {items.length === 0 ? (
        <p className="muted small">{t.bookClub.readingListEmpty}</p>
      ) : (
        <ul className="reading-list">
          {items.map((item) => (
            <ReadingItem key={`${item.sessionId}-${item.reading.reviewId}`} item={item} action={action?.(item)} />
          ))}
        </ul>
      )}
    </section>
  );
}
