import type { CohostEntry, Locale } from '@casusbord/shared';
import { useCallback, useEffect, useState } from 'react';
import { messagesFor, useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { createCohostLink, listCohosts, revokeCohost } from '../../net/cohostApi';
import { uiStore } from '../../stores/uiStore';
import { CopyRow } from '../CopyButton';
import { notifyHost } from './useHostAction';

const timeOf = (ms: number, locale: Locale) =>
  new Date(ms).toLocaleTimeString(locale === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

/** Tells the host why a co-host call failed, in the UI's language. */
function failed(err: unknown): void {
  const t = messagesFor(uiStore.getState().locale);
  notifyHost({ ok: false, reason: describeError(t, err) }, t);
}

/**
 * A second facilitator (issue 15): the host makes a co-host link (shown once, to copy), sees the
 * links made and revokes any at once. Only the session's own host sees this; a co-host does not.
 */
export function CohostPanel({ sessionId, token, locale }: { sessionId: string; token: string; locale: Locale }) {
  const t = useT();
  const [links, setLinks] = useState<CohostEntry[] | null>(null);
  const [fresh, setFresh] = useState<{ id: string; url: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(
    () => listCohosts(sessionId, token).then(({ cohosts }) => setLinks(cohosts), failed),
    [sessionId, token],
  );
  useEffect(() => void reload(), [reload]);

  const create = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const made = await createCohostLink(sessionId, token);
      setFresh({ id: made.cohost.id, url: made.url });
      await reload();
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (id: string) => {
    try {
      await revokeCohost(sessionId, token, id);
      if (fresh?.id === id) setFresh(null);
      notifyHost({ ok: true, message: t.cockpit.cohostRevoked }, t);
      await reload();
    } catch (err) {
      failed(err);
    }
  };

  return (
    <div className="cohost-panel" data-testid="cohost-panel">
      <p className="muted small">{t.cockpit.cohostIntro}</p>
      <button
        type="button"
        className="button small"
        aria-disabled={busy || undefined}
        data-testid="cohost-create"
        onClick={() => void create()}
      >
        {t.cockpit.cohostCreate}
      </button>
      {fresh && (
        <div className="cohost-fresh" role="status">
          <p className="small">{t.cockpit.cohostCreated}</p>
          <CopyRow value={fresh.url} label={t.copyLink} ariaLabel={t.cockpit.cohostLinkLabel} testId="cohost-copy">
            <input
              className="cohost-url"
              readOnly
              value={fresh.url}
              aria-label={t.cockpit.cohostLinkLabel}
              data-testid="cohost-url"
              onFocus={(e) => e.currentTarget.select()}
            />
          </CopyRow>
        </div>
      )}
      {links && links.length === 0 && <p className="muted small">{t.cockpit.cohostNone}</p>}
      {links && links.length > 0 && (
        <ul className="cohost-list">
          {links.map((link) => {
            const made = timeOf(link.createdAt, locale);
            return (
              <li
                key={link.id}
                data-testid="cohost-link"
                data-cohost-id={link.id}
                data-revoked={link.revokedAt !== null}
              >
                <span>{t.cockpit.cohostItem(made)}</span>
                <span className="muted small">
                  {link.revokedAt === null
                    ? t.cockpit.cohostActive
                    : t.cockpit.cohostRevokedAt(timeOf(link.revokedAt, locale))}
                </span>
                {link.revokedAt === null && (
                  <button
                    type="button"
                    className="button small danger"
                    aria-label={t.cockpit.cohostRevokeLabel(made)}
                    data-testid="cohost-revoke"
                    onClick={() => void revoke(link.id)}
                  >
                    {t.cockpit.cohostRevoke}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
