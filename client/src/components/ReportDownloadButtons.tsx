import { REPORT_DOWNLOADS, type ReportFormat } from '../net/communityApi';

/**
 * One button per report format (Word, PDF, Markdown, HTML), for the downloads that need the token
 * in a header and so cannot be plain links: the archive's report viewer, the case holder's own copy.
 */
export function ReportDownloadButtons({
  busy,
  onDownload,
  label,
  groupLabel,
  testIdPrefix,
}: {
  /** A download is running: every button says it is unavailable. */
  busy: boolean;
  onDownload: (format: ReportFormat) => void;
  /** The button's text for a format's name ("PDF downloaden"). */
  label: (formatName: string) => string;
  groupLabel?: string;
  testIdPrefix: string;
}) {
  return (
    <div className="button-row" role="group" aria-label={groupLabel}>
      {REPORT_DOWNLOADS.map(({ format, label: name }) => (
        <button
          key={format}
          type="button"
          className="button small"
          aria-disabled={busy || undefined}
          data-testid={`${testIdPrefix}${format}`}
          onClick={() => onDownload(format)}
        >
          {label(name)}
        </button>
      ))}
    </div>
  );
}
