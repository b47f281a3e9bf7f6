import { useT } from '../i18n';
import { Notice } from './Notice';

/** A failed load with what went wrong and one way on: try again. */
export function LoadFailed({ what, detail, onRetry }: { what: string; detail: string; onRetry: () => void }) {
  const t = useT();
  return (
    <Notice
      tone="error"
      action={
        <button type="button" className="button small" onClick={onRetry}>
          {t.archive.retry}
        </button>
      }
    >
      {what} {detail}
    </Notice>
  );
}
