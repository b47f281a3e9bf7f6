import { useT } from '../i18n';

/** A failed load with what went wrong and one way on: try again. */
export function LoadFailed({ what, detail, onRetry }: { what: string; detail: string; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="notice error" role="alert">
      <p>
        {what} {detail}
      </p>
      <button type="button" className="button small" onClick={onRetry}>
        {t.archive.retry}
      </button>
    </div>
  );
}
