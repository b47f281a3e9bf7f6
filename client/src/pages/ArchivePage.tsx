import type { ArchiveEntry, ArchiveQuery, CommunityView } from '@casusbord/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ArchiveAdmin } from '../components/archive/ArchiveAdmin';
import { ArchiveEntryCard, entryDomId } from '../components/archive/ArchiveEntryCard';
import { ArchiveFilters } from '../components/archive/ArchiveFilters';
import { ArchiveSearch } from '../components/archive/ArchiveSearch';
import { ReportViewer } from '../components/archive/ReportViewer';
import { ReadingList } from '../components/archive/ReadingList';
import { BuddyPanel, BuddyRecommends, PinButton, useBuddy } from '../components/archive/BuddyPanel';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Link } from '../components/Link';
import { useT, type Messages } from '../i18n';
import { describeError } from '../i18n/errors';
import {
  adoptFragmentToken,
  fetchArchive,
  fetchCommunity,
  forgetCommunityToken,
  saveCommunityToken,
} from '../net/communityApi';
import '../styles/archive.css';
import { LoadFailed } from '../components/LoadFailed';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** Why the archive cannot be shown; each says what the reader can do. */
type Problem = { kind: 'noToken' } | { kind: 'badToken' } | { kind: 'notFound' } | { kind: 'failed'; detail: string };

function errorCode(err: unknown): string {
  return err instanceof Error && 'code' in err ? String(err.code) : '';
}

function problemFor(err: unknown, t: Messages): Problem {
  const code = errorCode(err);
  if (code === 'unauthorized' || code === 'forbidden') return { kind: 'badToken' };
  if (code === 'not_found' || code === 'community_not_found') return { kind: 'notFound' };
  return { kind: 'failed', detail: describeError(t, err) };
}

/**
 * /archief/:communityId#<token> — the community's archive for members. The token is moved from
 * the fragment into sessionStorage at once and stripped from the address bar.
 */
export function ArchivePage({ communityId }: { communityId: string }) {
  const t = useT();
  const [token, setToken] = useState<string | null>(() => adoptFragmentToken(communityId));
  const [view, setView] = useState<CommunityView | null>(null);
  const [problem, setProblem] = useState<Problem | null>(token ? null : { kind: 'noToken' });
  const [attempt, setAttempt] = useState(0);
  const [filters, setFilters] = useState<ArchiveQuery>({});
  /** The last archive answer, tagged with the query it answers; another query shows "loading". */
  const [loaded, setLoaded] = useState<{ key: string; entries: ArchiveEntry[] | null; error: string | null } | null>(
    null,
  );
  const [report, setReport] = useState<{ sessionId: string; title: string } | null>(null);
  const [deleted, setDeleted] = useState(false);
  // Issue 16: who this browser is in the community; a newcomer's archive opens on the buddy's pins.
  const buddy = useBuddy(communityId, token ?? '');

  useDocumentTitle(view ? `${t.archive.pageTitle}: ${view.name}` : t.archive.pageTitle, t.appName);

  // The community (name, role, filter values); a token change (facilitator key) reloads it.
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    fetchCommunity(communityId, token).then(
      (v) => {
        if (!cancelled) setView(v);
      },
      (err: unknown) => {
        if (!cancelled) setProblem(problemFor(err, t));
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `t` only words the error
  }, [communityId, token, attempt]);

  // The entries for the chosen filters.
  const queryKey = JSON.stringify([token, filters, attempt]);
  useEffect(() => {
    if (!token || !view) return;
    let cancelled = false;
    fetchArchive(communityId, token, filters).then(
      (res) => {
        if (!cancelled) setLoaded({ key: queryKey, entries: res.entries, error: null });
      },
      (err: unknown) => {
        if (!cancelled) setLoaded({ key: queryKey, entries: null, error: describeError(t, err) });
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `t` only words the error; queryKey covers the rest
  }, [communityId, queryKey, view]);
  const current = loaded?.key === queryKey ? loaded : null;
  const entries = current?.entries ?? null;
  const entriesError = current?.error ?? null;

  const known = useMemo(() => new Map((entries ?? []).map((e) => [e.sessionId, e])), [entries]);
  const openReport = useCallback((sessionId: string, title: string) => setReport({ sessionId, title }), []);
  const jump = useCallback((sessionId: string) => {
    const el = document.getElementById(entryDomId(sessionId));
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
  }, []);

  const header = (
    <header className="home-header archive-header">
      <div>
        <Link href="/" className="brand">
          {t.appName}
        </Link>
        <h1 id="archive-heading" data-testid="archive-heading">
          {view ? t.archive.heading(view.name) : t.archive.pageTitle}
        </h1>
        {view && (
          <p className="muted" data-testid="archive-role">
            {t.archive.intro} {view.role === 'facilitator' ? t.archive.roleFacilitator : t.archive.roleMember}
          </p>
        )}
      </div>
      <LanguageSwitch />
    </header>
  );

  if (deleted || problem) {
    const text = deleted
      ? t.archive.deleted
      : problem?.kind === 'noToken'
        ? t.archive.noToken
        : problem?.kind === 'badToken'
          ? t.archive.badToken
          : problem?.kind === 'notFound'
            ? t.archive.notFound
            : `${t.archive.loadFailed} ${problem?.kind === 'failed' ? problem.detail : ''}`;
    return (
      <div className="home archive-page">
        {header}
        <div className={`notice${deleted ? '' : ' error'}`} role="alert" data-testid="archive-problem">
          <p>{text}</p>
          {problem?.kind === 'failed' ? (
            <button
              type="button"
              className="button small"
              onClick={() => {
                setProblem(null);
                setAttempt((n) => n + 1);
              }}
            >
              {t.archive.retry}
            </button>
          ) : (
            <Link href="/" className="button small">
              {t.backHome}
            </Link>
          )}
        </div>
      </div>
    );
  }

  if (!view || !token) {
    return (
      <div className="home archive-page">
        {header}
        <p className="centered muted" role="status" aria-busy="true">
          {t.loading}
        </p>
      </div>
    );
  }

  const filtered = Boolean(filters.city || filters.year !== undefined || filters.theme);

  return (
    <div className="home archive-page" data-testid="archive-page">
      {header}
      <div className="archive-tools">
        <ArchiveSearch communityId={communityId} token={token} onOpenReport={openReport} />
        <ArchiveAdmin
          communityId={communityId}
          token={token}
          view={view}
          onFacilitatorKey={(key, next) => {
            saveCommunityToken(communityId, key);
            setToken(key);
            setView(next);
          }}
          onDeleted={() => {
            forgetCommunityToken(communityId);
            setDeleted(true);
          }}
        />
        <BuddyPanel communityId={communityId} token={token} facilitator={view.role === 'facilitator'} buddy={buddy} />
      </div>
      {buddy.me?.buddy && <BuddyRecommends me={buddy.me} />}
      {report && (
        <ReportViewer
          key={report.sessionId}
          communityId={communityId}
          token={token}
          sessionId={report.sessionId}
          title={report.title}
          onClose={() => {
            const id = report.sessionId;
            setReport(null);
            // Back to where the reader was, if that entry is on the page.
            document.getElementById(entryDomId(id))?.focus();
          }}
        />
      )}
      <main className="archive-main" aria-labelledby="archive-heading" aria-busy={entries === null}>
        {/* Nothing to filter while the archive is empty. */}
        {view.cities.length > 0 && <ArchiveFilters view={view} filters={filters} onChange={setFilters} />}
        {entriesError ? (
          <LoadFailed what={t.archive.loadFailed} detail={entriesError} onRetry={() => setAttempt((n) => n + 1)} />
        ) : entries === null ? (
          <p className="muted" role="status">
            {t.loading}
          </p>
        ) : entries.length === 0 ? (
          <p className="notice" role="status" data-testid="archive-empty">
            {filtered ? t.archive.emptyFiltered : t.archive.empty}
          </p>
        ) : (
          <>
            <p className="hint" role="status" data-testid="archive-count">
              {t.archive.count(entries.length)}
            </p>
            {/* Issue 16: the book club's reviews of the entries shown, the community's reading list. */}
            <ReadingList
              entries={entries}
              action={(item) => (
                <PinButton
                  buddy={buddy}
                  pin={{ kind: 'reading', sessionId: item.sessionId, itemId: item.reading.reviewId }}
                  text={item.reading.title}
                />
              )}
            />
            <div className="archive-entries">
              {entries.map((entry) => (
                <ArchiveEntryCard
                  key={entry.sessionId}
                  entry={entry}
                  known={known}
                  onOpenReport={openReport}
                  onJump={jump}
                  adviceAction={(sessionId, cardId, text) => (
                    <PinButton buddy={buddy} pin={{ kind: 'advice', sessionId, itemId: cardId }} text={text} />
                  )}
                />
              ))}
            </div>
          </>
        )}
      </main>
    </div>
  );
}
