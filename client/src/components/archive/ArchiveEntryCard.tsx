import type { ArchiveEntry, FollowUpItem } from '@casusbord/shared';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { useUiStore } from '../../stores/uiStore';
import { formatDay } from './format';
import { ArchiveMovements } from './ArchiveMovements';

interface Props {
  entry: ArchiveEntry;
  /** Titles and dates of the entries on screen, to name the sessions of a thread. */
  known: ReadonlyMap<string, ArchiveEntry>;
  onOpenReport: (sessionId: string, title: string) => void;
  /** Moves focus to another entry on this page. */
  onJump: (sessionId: string) => void;
  /** Issue 16: e.g. a member's pin button beside each advice. */
  adviceAction?: (sessionId: string, cardId: string, text: string) => ReactNode;
}

/** Opens one session's report in the viewer; named by the session's title for screen readers. */
export function OpenReportButton({
  sessionId,
  title,
  onOpen,
  testId,
}: {
  sessionId: string;
  title: string;
  onOpen: Props['onOpenReport'];
  testId: string;
}) {
  const t = useT();
  return (
    <button
      type="button"
      className="button small"
      aria-label={t.archive.openReportLabel(title)}
      data-testid={testId}
      onClick={() => onOpen(sessionId, title)}
    >
      {t.archive.openReport}
    </button>
  );
}

export function entryDomId(sessionId: string): string {
  return `archive-entry-${sessionId}`;
}

function FollowUpList({ items }: { items: FollowUpItem[] }) {
  const t = useT();
  return (
    <ul className="followup-list" data-testid="entry-followup">
      {items.map((item) => (
        <li key={item.adviceId}>
          <span className={`status-badge status-${item.status ?? 'none'}`}>
            {item.status ? t.archive.statuses[item.status] : t.archive.noStatus}
          </span>{' '}
          <span>{item.text}</span>
          {item.note && <span className="muted"> — {item.note}</span>}
        </li>
      ))}
    </ul>
  );
}

/** One handed-over session: its case, the advice with dots and reactions, and its thread. */
export function ArchiveEntryCard({ entry, known, onOpenReport, onJump, adviceAction }: Props) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const headingId = `${entryDomId(entry.sessionId)}-heading`;
  return (
    <article
      id={entryDomId(entry.sessionId)}
      className="panel archive-entry"
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="archive-entry"
      data-session-id={entry.sessionId}
    >
      <header className="archive-entry-head">
        <h3 id={headingId}>{entry.title}</h3>
        <p className="small muted">
          <span className="city">{entry.city}</span> · <time>{formatDay(entry.handedOverAt, locale)}</time>
          {entry.theme && (
            <>
              {' '}
              · {t.archive.theme}: <span className="badge">{entry.theme}</span>
            </>
          )}
        </p>
      </header>
      {entry.coreQuestion && (
        <p className="archive-question">
          <strong>{t.archive.coreQuestion}:</strong> {entry.coreQuestion}
        </p>
      )}
      <h4>{t.archive.adviceHeading}</h4>
      {entry.advice.length === 0 ? (
        <p className="muted">{t.archive.noAdvice}</p>
      ) : (
        <ol className="archive-advice" data-testid="entry-advice">
          {entry.advice.map((advice) => (
            <li key={advice.cardId}>
              <span className="archive-advice-text">{advice.text}</span>
              <span className="archive-advice-meta small">
                <span className="badge dots-badge" aria-label={t.archive.dots(advice.dots)}>
                  <span aria-hidden="true">● </span>
                  {advice.dots}
                </span>{' '}
                <span className={`badge reaction-${advice.reaction ?? 'none'}`}>
                  <span className="visually-hidden">{t.archive.reactionLabel}: </span>
                  {advice.reaction ? t.archive.reactions[advice.reaction] : t.archive.noReaction}
                </span>
                {advice.reactionNote && <span className="muted"> — {advice.reactionNote}</span>}
              </span>
              {adviceAction?.(entry.sessionId, advice.cardId, advice.text)}
            </li>
          ))}
        </ol>
      )}
      {entry.followUp.length > 0 && (
        <>
          <h4>{t.archive.followUpHeading}</h4>
          <FollowUpList items={entry.followUp} />
        </>
      )}
      {entry.movements && entry.movements.length > 0 && <ArchiveMovements movements={entry.movements} />}
      {entry.thread.length > 1 && (
        <nav className="archive-thread" aria-label={t.archive.threadHeading(entry.thread.length)}>
          <h4>{t.archive.threadHeading(entry.thread.length)}</h4>
          <ol data-testid="entry-thread">
            {entry.thread.map((id) => {
              const other = known.get(id);
              if (id === entry.sessionId)
                return (
                  <li key={id} aria-current="true">
                    <strong>
                      {entry.title} ({formatDay(entry.handedOverAt, locale)}) — {t.archive.threadThis}
                    </strong>
                  </li>
                );
              return (
                <li key={id}>
                  {other ? (
                    <button type="button" className="link-button" onClick={() => onJump(id)}>
                      {other.title} ({formatDay(other.handedOverAt, locale)})
                    </button>
                  ) : (
                    <span className="muted">{t.archive.threadOutside}</span>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      )}
      <div className="button-row">
        <OpenReportButton
          sessionId={entry.sessionId}
          title={entry.title}
          onOpen={onOpenReport}
          testId="entry-open-report"
        />
      </div>
    </article>
  );
}
