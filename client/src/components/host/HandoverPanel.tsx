import type { HandoverResponse, Locale, ReportFormat, SessionView } from '@casusbord/shared';
import { useState } from 'react';
import { messagesFor, useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { handOverSession, reopenSession } from '../../net/api';
import { uiStore, useUiStore } from '../../stores/uiStore';
import { copyText } from '../CopyButton';

/**
 * The report link is shown once by the server (only its hash is stored), so the host's browser
 * keeps it beside the host token — which grants more than the link anyway.
 */
const storageKey = (sessionId: string) => `casusbord:handover:${sessionId}`;

function loadResult(sessionId: string): HandoverResponse | null {
  try {
    const raw = localStorage.getItem(storageKey(sessionId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object' && typeof (parsed as HandoverResponse).reportUrl === 'string') {
      return parsed as HandoverResponse;
    }
  } catch {
    // Unreadable: treat as never handed over on this device.
  }
  return null;
}

function saveResult(sessionId: string, result: HandoverResponse): void {
  try {
    localStorage.setItem(storageKey(sessionId), JSON.stringify(result));
  } catch {
    // Storage unavailable: the link stays on screen until the page closes.
  }
}

/** A download link; with `lang`, the report's fixed words in that language (the host's own downloads follow the UI). */
function downloadUrl(result: HandoverResponse, format: ReportFormat, lang?: Locale): string {
  const url = result.downloads?.[format] ?? `/api/reports/${encodeURIComponent(result.reportToken)}?format=${format}`;
  return lang ? `${url}&lang=${lang}` : url;
}

interface Props {
  sessionId: string;
  token: string;
  view: SessionView | null;
  locked: boolean;
}

/** The handover (overdracht): lock the boards, give the recipient a link, documents and an e-mail. */
export function HandoverPanel({ sessionId, token, view, locked }: Props) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [result, setResult] = useState<HandoverResponse | null>(() => loadResult(sessionId));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } catch (err) {
      uiStore.getState().pushToast({ message: t.host.failedToast(describeError(t, err)) });
    } finally {
      setBusy(false);
    }
  };
  const handOver = () =>
    act(async () => {
      const res = await handOverSession(sessionId, token);
      saveResult(sessionId, res);
      setResult(res);
      setConfirming(false);
    });
  const reopen = () =>
    act(async () => {
      await reopenSession(sessionId, token);
      uiStore.getState().pushToast({ message: t.host.reopened, timeoutMs: 4000 });
    });
  const copy = async () => {
    if (!result) return;
    const ok = await copyText(result.reportUrl);
    uiStore.getState().pushToast({ message: ok ? t.copied : t.copyFailed, timeoutMs: 3000 });
  };

  // The e-mail goes to the recipient in the session's language (Dutch unless the session is English).
  const mail = messagesFor(view?.locale ?? 'nl').host;
  const mailto =
    result && view
      ? `mailto:?subject=${encodeURIComponent(mail.mailSubject(view.title))}&body=${encodeURIComponent(
          mail.mailBody(
            view.title,
            view.city,
            result.reportUrl,
            downloadUrl(result, 'docx'),
            downloadUrl(result, 'pdf'),
          ),
        )}`
      : null;

  return (
    <div className="handover" data-testid="handover">
      {!locked && !confirming && (
        <>
          <p className="muted">{t.host.handoverIntro}</p>
          <button
            type="button"
            className="button primary"
            data-testid="handover-start"
            onClick={() => setConfirming(true)}
          >
            {t.host.handoverButton}
          </button>
        </>
      )}
      {!locked && confirming && (
        <div className="confirm" role="group" aria-labelledby="handover-confirm-text">
          <p id="handover-confirm-text">{t.host.handoverConfirm}</p>
          <div className="row">
            {/* Focus moves to the decision the host just asked for. */}
            <button
              type="button"
              className="button primary"
              autoFocus
              data-testid="handover-confirm"
              onClick={() => void handOver()}
            >
              {busy ? t.host.handoverBusy : t.host.handoverYes}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t.host.cancel}
            </button>
          </div>
        </div>
      )}
      {result && (
        <div className="handover-result" data-testid="handover-result">
          <p>{t.host.handoverDone}</p>
          <div className="join-link-row">
            <a href={result.reportUrl} className="report-url" data-testid="report-url" target="_blank" rel="noreferrer">
              {result.reportUrl}
            </a>
            <button
              type="button"
              className="button small"
              aria-label={t.host.copyReportLabel}
              onClick={() => void copy()}
            >
              {t.copyLink}
            </button>
          </div>
          <div className="downloads" role="group" aria-label={t.host.downloadsLabel}>
            <span className="label">{t.host.downloadsLabel}</span>
            {(['docx', 'pdf', 'md', 'html'] as const).map((format) => (
              <a
                key={format}
                className="button small"
                href={downloadUrl(result, format, locale)}
                download
                data-testid={`download-${format}`}
              >
                {t.host.formats[format]}
              </a>
            ))}
            {mailto && (
              <a className="button small" href={mailto} data-testid="handover-mail">
                {t.host.mailRecipient}
              </a>
            )}
          </div>
        </div>
      )}
      {locked && !result && <p className="muted small">{t.host.linkShownOnce}</p>}
      {locked && (
        <button type="button" className="button small" data-testid="reopen" onClick={() => void reopen()}>
          {t.host.reopen}
        </button>
      )}
    </div>
  );
}
