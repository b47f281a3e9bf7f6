import { useEffect, useMemo } from 'react';
import { CaseDayPanel } from '../components/host/CaseDayPanel';
import { CockpitBar } from '../components/host/CockpitBar';
import { CohostPanel } from '../components/host/CohostPanel';
import { fatalMessage } from '../components/FatalBanner';
import { FollowUpHostPanel } from '../components/host/FollowUpHostPanel';
import { Checklist } from '../components/host/Checklist';
import { HandoverPanel } from '../components/host/HandoverPanel';
import { NotHost, useSessionView } from '../components/host/HostGate';
import { HostHeader } from '../components/host/HostHeader';
import { HOST_SECTION_IDS } from '../components/host/hostFormat';
import { PromotePanel } from '../components/host/PromotePanel';
import { RoundAnnouncer } from '../components/host/RoundAnnouncer';
import { RoundEditor } from '../components/host/RoundEditor';
import { SettingsPanel } from '../components/host/SettingsPanel';
import { TablesSection } from '../components/host/TablesSection';
import { messagesFor, useT } from '../i18n';
import { openHost, useHostConnection } from '../net/activeHost';
import { useDilemmaLink } from '../net/dilemmaLink';
import { DilemmaHostPanel } from '../components/dilemma/DilemmaHostPanel';
import { claimCohostLink } from '../net/cohostApi';
import { loadCredentials, type StoredCredentials } from '../net/credentials';
import { useConnectionStore } from '../stores/connectionStore';
import { useRoundStore } from '../stores/roundStore';
import { useSessionStore } from '../stores/sessionStore';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { uiStore, useUiStore } from '../stores/uiStore';
import '../styles/host.css';
import '../styles/hostTables.css';
import '../styles/hostPanels.css';
import { BackHome, Notice } from '../components/Notice';

export function HostPage({ sessionId }: { sessionId: string }) {
  // A co-host link (`#cohost=<token>`) becomes this browser's host credentials first.
  const { claim, credentials } = useMemo(() => {
    const claim = claimCohostLink(sessionId);
    return { claim, credentials: loadCredentials(sessionId) };
  }, [sessionId]);
  useEffect(() => {
    if (claim === 'kept')
      uiStore.getState().pushToast({ message: messagesFor(uiStore.getState().locale).cockpit.alreadyHost });
  }, [claim]);
  if (credentials?.role !== 'host') return <NotHost sessionId={sessionId} credentials={credentials} />;
  return <HostView sessionId={sessionId} credentials={credentials} />;
}

function HostView({ sessionId, credentials }: { sessionId: string; credentials: StoredCredentials }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  useEffect(() => openHost(credentials, { watchBoards: true }), [credentials]);
  const socket = useHostConnection()?.socket ?? null;
  useDilemmaLink(socket);
  useSessionView(sessionId, credentials);
  const view = useSessionStore((s) => s.view);
  const loadError = useSessionStore((s) => s.loadError);
  const state = useRoundStore((s) => s.state);
  const fatal = useConnectionStore((s) => s.fatal);
  useDocumentTitle(view ? `${t.host.pageTitle}: ${view.title}` : null, t.appName);

  const caseDay = state?.plenaryDocName != null;
  const beforeStart = state?.tables.every((table) => table.round.status === 'idle') ?? false;

  return (
    <div className="host-page" data-testid="host-page">
      <HostHeader sessionId={sessionId} view={view} caseDay={caseDay} />
      {(loadError || fatal) && (
        <Notice tone="error" action={<BackHome />} testId="host-error">
          {fatal ? fatalMessage(t, fatal) : loadError}
        </Notice>
      )}
      {!state ? (
        <p className="centered muted">{t.loading}</p>
      ) : (
        <main className="host-main">
          <RoundAnnouncer state={state} t={t} locale={locale} />
          <CockpitBar state={state} view={view} />
          {state.locked && (
            <p className="notice" role="status">
              {t.host.lockedNotice}
            </p>
          )}
          {beforeStart && <Checklist state={state} view={view} />}
          <FollowUpHostPanel state={state} />
          <TablesSection state={state} locale={locale} />
          <div className="host-columns">
            <RoundEditor state={state} locale={locale} />
            <SettingsPanel state={state} />
          </div>
          <DilemmaHostPanel socket={socket} />
          {caseDay && (
            <section
              id={HOST_SECTION_IDS.caseDay}
              className="host-section panel"
              aria-labelledby="host-caseday-heading"
            >
              <h2 id="host-caseday-heading">{t.host.caseDayHeading}</h2>
              <CaseDayPanel state={state} />
              <PromotePanel state={state} />
            </section>
          )}
          <section
            id={HOST_SECTION_IDS.handover}
            className="host-section panel"
            aria-labelledby="host-handover-heading"
          >
            <h2 id="host-handover-heading">{t.host.handoverHeading}</h2>
            <HandoverPanel sessionId={sessionId} token={credentials.token} view={view} locked={state.locked} />
          </section>
          {view && !view.you.cohost && (
            <section className="host-section panel" aria-labelledby="host-cohost-heading">
              <h2 id="host-cohost-heading">{t.cockpit.cohostHeading}</h2>
              <CohostPanel sessionId={sessionId} token={credentials.token} locale={locale} />
            </section>
          )}
        </main>
      )}
    </div>
  );
}
