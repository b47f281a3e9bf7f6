import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n';

/** Copies through the Clipboard API where allowed (secure contexts), else via a selection. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: try the old way below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** How long "Copied" (or the failure hint) stays before the button reads as before, in ms. */
const FEEDBACK_MS = 2500;

/**
 * `children` (the value as a link or a read-only field) in a row with a copy button that says
 * "Copied" for a moment, and under the row a status line that says when copying failed.
 */
export function CopyRow({
  value,
  label,
  ariaLabel,
  testId,
  children,
}: {
  value: string;
  /** The button's text before copying. */
  label: string;
  ariaLabel: string;
  testId: string;
  children: ReactNode;
}) {
  const t = useT();
  const [feedback, setFeedback] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);
  return (
    <>
      <div className="join-link-row">
        {children}
        <button
          type="button"
          className="button small"
          aria-label={ariaLabel}
          data-testid={testId}
          onClick={() => void copyText(value).then((ok) => setFeedback(ok ? 'copied' : 'failed'))}
        >
          {feedback === 'copied' ? t.copied : label}
        </button>
      </div>
      <span className="hint" role="status">
        {feedback === 'failed' ? t.copyFailed : ''}
      </span>
    </>
  );
}
