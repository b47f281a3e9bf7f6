import { currentRound, elapsedFraction, type Locale, type SessionState, type TableState } from '@casusbord/shared';
import { useEffect, useMemo } from 'react';
import { NotHost, useSessionView } from '../components/host/HostGate';
import { QrCode } from '../components/host/QrCode';
import { RoundAnnouncer } from '../components/host/RoundAnnouncer';
import { RoundClock } from '../components/host/RoundClock';
import { RoundStatusBadge } from '../components/host/RoundStatusBadge';
import { SoundToggle } from '../components/board/SoundToggle';
import { roundTitle } from '../components/host/hostFormat';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { joinLinkFor } from '../config';
import { useServerNow } from '../hooks/useServerNow';
import { messagesFor, type Messages } from '../i18n';
import { openHost, useHostConnection } from '../net/activeHost';
import { useDilemmaLink } from '../net/dilemmaLink';
import { BeamerDilemma, useBeamerHasDilemma } from '../components/dilemma/BeamerDilemma';
import { loadCredentials, type StoredCredentials } from '../net/credentials';
import { useRoundStore } from '../stores/roundStore';
import { useSessionStore } from '../stores/sessionStore';
import { useUiStore } from '../stores/uiStore';
import '../styles/hostTables.css';
import '../styles/beamer.css';

export function BeamerPage({ sessionId }: { sessionId: string }) {
  const credentials = useMemo(() => loadCredentials(sessionId), [sessionId]);
  if (credentials?.role !== 'host') return <NotHost sessionId={sessionId} credentials={credentials} />;
  return <Beamer sessionId={sessionId} credentials={credentials} />;
}

/** "https://casusbord.nl/join/K7MQ4T" → "casusbord.nl/join/K7MQ4T": shorter to read off a wall. */
function shortLink(link: string): string {
  return link.replace(/^https?:\/\//, '');
}

function TableProgress({ table, t, locale }: { table: TableState; t: Messages; locale: Locale }) {
  const now = useServerNow(1000);
  const { round } = table;
  return (
    <li className={`beamer-table host-status-${round.status}`} data-testid="beamer-table" data-table-id={table.id}>
      <div className="beamer-table-name">{table.name}</div>
      <div className="beamer-table-round">
        {t.host.roundOf(round.roundIndex + 1, round.rounds.length)} · {roundTitle(currentRound(round), locale)}
      </div>
      <RoundClock round={round} className="beamer-table-clock" testId="beamer-table-clock" t={t} />
      <div className="round-progress" aria-hidden="true">
        <span style={{ width: `${Math.round(elapsedFraction(round, now) * 100)}%` }} />
      </div>
    </li>
  );
}

function BeamerRound({ state, t, locale }: { state: SessionState; t: Messages; locale: Locale }) {
  const main = state.tables[0];
  if (!main) return null;
  const { round } = main;
  const current = currentRound(round);
  return (
    <main className="beamer-main">
      <div className="beamer-round-index" data-testid="beamer-round-index" data-round-index={round.roundIndex}>
        {t.host.roundOf(round.roundIndex + 1, round.rounds.length)}
        <RoundStatusBadge status={round.status} label={t.host.status[round.status]} testId="beamer-status" />
      </div>
      <h1 className="beamer-round-title" data-testid="beamer-round-title">
        {roundTitle(current, locale)}
      </h1>
      <RoundClock round={round} className="beamer-clock" testId="beamer-clock" t={t} />
      <p className="beamer-instruction" data-testid="beamer-instruction">
        {round.status === 'idle' ? t.host.beamerWaiting : current ? current.instruction[locale] : ''}
      </p>
      <BeamerDilemma t={t} locale={locale} />
    </main>
  );
}

/** The projected screen: big clock, the round and what to do, how to join; no controls. */
function Beamer({ sessionId, credentials }: { sessionId: string; credentials: StoredCredentials }) {
  useEffect(() => openHost(credentials, { watchBoards: false }), [credentials]);
  useDilemmaLink(useHostConnection()?.socket);
  const hasDilemma = useBeamerHasDilemma();
  useSessionView(sessionId, credentials);
  const view = useSessionStore((s) => s.view);
  const state = useRoundStore((s) => s.state);
  const uiLocale = useUiStore((s) => s.locale);
  // The room reads the session's language, whatever the facilitator's own UI is set to.
  const locale: Locale = view?.locale ?? uiLocale;
  const t = messagesFor(locale);
  const joinLink = view?.joinCode ? joinLinkFor(view.joinCode, view.joinUrl) : null;
  const rounds = useMemo(() => state?.tables.map((table) => table.round) ?? [], [state]);

  useDocumentTitle(view?.title, t.appName);

  return (
    <div
      className={`${state && state.tables.length > 1 ? 'beamer with-tables' : 'beamer'}${hasDilemma ? ' with-dilemma' : ''}`}
      lang={locale}
      data-testid="beamer"
    >
      {state ? <BeamerRound state={state} t={t} locale={locale} /> : <main className="beamer-main">{t.loading}</main>}
      <aside className="beamer-join" aria-label={t.joinCodeLabel}>
        {view && <div className="beamer-session">{view.title}</div>}
        <div className="beamer-join-label">{t.host.beamerJoin}</div>
        {view?.joinCode && (
          <div className="beamer-code" data-testid="beamer-code">
            {view.joinCode}
          </div>
        )}
        {joinLink && <QrCode text={joinLink} alt={t.host.qrAlt(joinLink)} className="beamer-qr" />}
        {joinLink && <div className="beamer-link">{shortLink(joinLink)}</div>}
        {/* The room's clock sound: on by default here, heard once someone clicks or presses a key. */}
        <SoundToggle who="facilitator" rounds={rounds} t={t} className="button ghost small sound-toggle beamer-sound" />
      </aside>
      {state && state.tables.length > 1 && (
        <footer className="beamer-tables" aria-label={t.host.beamerTables}>
          <ul>
            {state.tables.map((table) => (
              <TableProgress key={table.id} table={table} t={t} locale={locale} />
            ))}
          </ul>
        </footer>
      )}
      {state && <RoundAnnouncer state={state} t={t} locale={locale} />}
    </div>
  );
}
