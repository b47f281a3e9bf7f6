import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { fetchArchiveReport, saveFile, type ReportFormat } from '../../net/communityApi';
import { useUiStore } from '../../stores/uiStore';
import { FormError } from '../Field';
import { LoadFailed } from '../LoadFailed';
import { ReportDownloadButtons } from '../ReportDownloadButtons';

interface Props {
  communityId: string;
  token: string;
  sessionId: string;
  title: string;
  onClose: () => void;
}

/**
 * One archived session's advice report. The HTML is fetched with the token in a header and
 * shown in a fully sandboxed iframe (`srcdoc`, no scripts, no same-origin), so report text can
 * never run code in the archive page; downloads go fetch → blob → a temporary link.
 */
export function ReportViewer({ communityId, token, sessionId, title, onClose }: Props) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [sessionId]);

  useEffect(() => {
    let cancelled = false;
    fetchArchiveReport(communityId, sessionId, token, 'html', locale)
      .then((file) => file.blob.text())
      .then(
        (text) => {
          if (!cancelled) setHtml(text);
        },
        (err: unknown) => {
          if (!cancelled) setError(describeError(t, err));
        },
      );
    return () => {
      cancelled = true;
    };
    // `t` only words the error; a language switch need not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [communityId, sessionId, token, locale, attempt]);

  const download = async (format: ReportFormat) => {
    if (busy) return;
    setBusy(format);
    setDownloadError(null);
    try {
      saveFile(await fetchArchiveReport(communityId, sessionId, token, format, locale));
    } catch (err) {
      setDownloadError(`${t.archive.downloadFailed} (${describeError(t, err)})`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel report-viewer" aria-labelledby="report-viewer-heading" data-testid="report-viewer">
      <div className="report-viewer-head">
        <h2 id="report-viewer-heading" tabIndex={-1} ref={headingRef}>
          {t.archive.reportHeading(title)}
        </h2>
        <button type="button" className="button small" onClick={onClose} data-testid="report-close">
          {t.archive.closeReport}
        </button>
      </div>
      <ReportDownloadButtons
        busy={busy !== null}
        onDownload={(format) => void download(format)}
        label={t.archive.download}
        groupLabel={t.archive.reportHeading(title)}
        testIdPrefix="report-download-"
      />
      <FormError error={downloadError} persistent />
      {error ? (
        <LoadFailed
          what={t.archive.reportFailed}
          detail={error}
          onRetry={() => {
            setError(null);
            setHtml(null);
            setAttempt((n) => n + 1);
          }}
        />
      ) : html === null ? (
        <p className="muted" role="status">
          {t.archive.reportLoading}
        </p>
      ) : (
        <iframe
          className="report-frame"
          title={t.archive.reportFrameTitle(title)}
          sandbox=""
          referrerPolicy="no-referrer"
          srcDoc={html}
          data-testid="report-frame"
        />
      )}
    </section>
  );
}
