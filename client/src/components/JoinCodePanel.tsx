import { useEffect, useState } from 'react';
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

const FEEDBACK_MS = 2500;

/** The host's prominent join code and link, for the projector. */
export function JoinCodePanel({ code, link }: { code: string; link: string }) {
  const t = useT();
  const [feedback, setFeedback] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  const copy = async () => setFeedback((await copyText(link)) ? 'copied' : 'failed');

  return (
    <section className="join-panel" aria-label={t.joinCodeLabel}>
      <div>
        <div className="join-panel-label">{t.joinCodeLabel}</div>
        <div className="join-code" data-testid="join-code-display">
          {code}
        </div>
      </div>
      <div className="join-link">
        <div className="join-panel-label">{t.joinLinkLabel}</div>
        <div className="join-link-row">
          <a href={link} className="join-url" data-testid="join-link-display">
            {link}
          </a>
          <button
            type="button"
            className="button small"
            onClick={copy}
            aria-label={t.copyLinkLabel}
            data-testid="copy-join-link"
          >
            {feedback === 'copied' ? t.copied : t.copyLink}
          </button>
        </div>
        <span className="hint" role="status">
          {feedback === 'failed' ? t.copyFailed : ''}
        </span>
      </div>
    </section>
  );
}
