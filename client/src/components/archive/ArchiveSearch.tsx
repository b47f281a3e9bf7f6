import { COMMUNITY_LIMITS, type SearchHit, type SearchResponse, type SearchSegment } from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { searchArchive } from '../../net/communityApi';
import { useUiStore } from '../../stores/uiStore';
import { OpenReportButton } from './ArchiveEntryCard';
import { formatDay } from './format';

/** A snippet as React text: match segments in <mark>, never HTML from the server. */
export function Snippet({ segments }: { segments: SearchSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}

interface Props {
  communityId: string;
  token: string;
  onOpenReport: (sessionId: string, title: string) => void;
}

/** Search across the community's cards and reports; hits ranked by the server, best first. */
export function ArchiveSearch({ communityId, token, onOpenReport }: Props) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (!q || busy) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await searchArchive(communityId, token, q));
    } catch (err) {
      setResult(null);
      setError(`${t.archive.searchFailed} ${describeError(t, err)}`);
    } finally {
      setBusy(false);
    }
  };

  const kindLabel = (hit: SearchHit) =>
    hit.kind === 'question'
      ? t.archive.hitQuestion
      : hit.kind === 'reading'
        ? t.bookClub.searchKind
        : hit.kind === 'movement'
          ? t.fromTo.heading
          : (t.archive.hitColumns[hit.column ?? ''] ?? '');

  return (
    <section className="archive-search" aria-labelledby="archive-search-heading">
      <form role="search" onSubmit={submit} className="archive-search-form">
        <label className="field" htmlFor="archive-search-input">
          <span id="archive-search-heading">{t.archive.searchLabel}</span>
        </label>
        <div className="join-link-row">
          <input
            id="archive-search-input"
            type="search"
            data-testid="archive-search-input"
            maxLength={COMMUNITY_LIMITS.searchQueryChars}
            value={query}
            placeholder={t.archive.searchPlaceholder}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit" className="button primary small" data-testid="archive-search-submit">
            {busy ? t.archive.searching : t.archive.searchSubmit}
          </button>
        </div>
      </form>
      <div role="status" className="hint" data-testid="archive-search-status">
        {error ??
          (result
            ? result.hits.length
              ? t.archive.searchCount(result.hits.length, result.query)
              : t.archive.searchNone(result.query)
            : '')}
      </div>
      {result && result.hits.length > 0 && (
        <>
          <ol className="search-hits" data-testid="search-hits">
            {result.hits.map((hit, i) => (
              <li key={`${hit.sessionId}-${hit.cardId ?? 'q'}-${i}`} className="search-hit" data-testid="search-hit">
                <div className="search-hit-meta small muted">
                  <span className="badge">{kindLabel(hit)}</span> {hit.title} · {hit.city} ·{' '}
                  {formatDay(hit.handedOverAt, locale)}
                </div>
                <p className="search-snippet" data-testid="search-snippet">
                  <Snippet segments={hit.snippet} />
                </p>
                <OpenReportButton
                  sessionId={hit.sessionId}
                  title={hit.title}
                  onOpen={onOpenReport}
                  testId="search-hit-report"
                />
              </li>
            ))}
          </ol>
          <button type="button" className="button small" onClick={() => setResult(null)}>
            {t.archive.searchClear}
          </button>
        </>
      )}
    </section>
  );
}
