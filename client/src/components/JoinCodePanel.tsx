import { useT } from '../i18n';
import { CopyRow } from './CopyButton';

/** The host's prominent join code and link, for the projector. */
export function JoinCodePanel({ code, link }: { code: string; link: string }) {
  const t = useT();

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
        <CopyRow value={link} label={t.copyLink} ariaLabel={t.copyLinkLabel} testId="copy-join-link">
          <a href={link} className="join-url" data-testid="join-link-display">
            {link}
          </a>
        </CopyRow>
      </div>
    </section>
  );
}
