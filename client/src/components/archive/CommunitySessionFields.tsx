import { COMMUNITY_LIMITS, type ArchiveEntry } from '@casusbord/shared';
import { useState } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { fetchArchive } from '../../net/communityApi';
import { useUiStore } from '../../stores/uiStore';
import type { CommunityChoice } from './communityChoice';
import { formatDay } from './format';
import { BusyButton, Field, StatusLine } from '../Field';

interface Props {
  value: CommunityChoice;
  onChange: (next: CommunityChoice) => void;
  /** A follow-up was picked: the form may take over its title and city. */
  onFollowUp: (entry: ArchiveEntry | null) => void;
  open: boolean;
  onToggle: (open: boolean) => void;
}

/**
 * Optional part of "Nieuwe bijeenkomst": the community (id + facilitator key), a theme tag, and
 * "follow-up of", chosen from that community's archive fetched with the key.
 */
export function CommunitySessionFields({ value, onChange, onFollowUp, open, onToggle }: Props) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [entries, setEntries] = useState<ArchiveEntry[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const set = (patch: Partial<CommunityChoice>) => onChange({ ...value, ...patch });
  // Another community or key: the loaded archive and the follow-up chosen from it no longer apply.
  const setCommunity = (patch: Pick<Partial<CommunityChoice>, 'communityId' | 'communityKey'>) => {
    set({ ...patch, followUpOf: '' });
    setEntries(null);
  };

  const load = async () => {
    const id = value.communityId.trim();
    const key = value.communityKey.trim();
    if (!id || !key) {
      setMessage({ text: t.community.needIdAndKey, error: true });
      return;
    }
    setLoading(true);
    setMessage(null);
    try {
      const res = await fetchArchive(id, key);
      setEntries(res.entries);
      setMessage({
        text: res.entries.length ? t.community.archiveLoaded(res.entries.length) : t.community.archiveEmptyShort,
        error: false,
      });
    } catch (err) {
      setEntries(null);
      const code = err instanceof Error && 'code' in err ? String(err.code) : '';
      const text =
        code === 'unauthorized' || code === 'forbidden'
          ? t.community.keyWrong
          : code === 'not_found' || code === 'community_not_found'
            ? t.community.communityMissing
            : describeError(t, err);
      setMessage({ text, error: true });
    } finally {
      setLoading(false);
    }
  };

  const pick = (sessionId: string) => {
    set({ followUpOf: sessionId });
    onFollowUp(entries?.find((e) => e.sessionId === sessionId) ?? null);
  };

  return (
    <details
      className="community-fields"
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
      data-testid="create-community-part"
    >
      <summary>{t.community.sessionLegend}</summary>
      <p className="hint">{t.community.sessionIntro}</p>
      <Field label={t.community.idLabel}>
        <input
          data-testid="create-community-id"
          maxLength={64}
          value={value.communityId}
          autoComplete="off"
          onChange={(e) => setCommunity({ communityId: e.target.value })}
        />
      </Field>
      <Field label={t.community.keyLabel}>
        <input
          data-testid="create-community-key"
          type="password"
          maxLength={200}
          autoComplete="off"
          value={value.communityKey}
          required={value.communityId.trim() !== ''}
          onChange={(e) => setCommunity({ communityKey: e.target.value })}
        />
      </Field>
      <Field label={t.community.themeLabel}>
        <input
          data-testid="create-theme"
          maxLength={COMMUNITY_LIMITS.themeChars}
          value={value.theme}
          placeholder={t.community.themePlaceholder}
          onChange={(e) => set({ theme: e.target.value })}
        />
      </Field>
      <div className="field">
        <BusyButton
          busy={loading}
          label={t.community.loadArchive}
          busyLabel={t.community.loadingArchive}
          className="button small"
          testId="create-load-archive"
          onClick={() => void load()}
        />
        <StatusLine message={message} as="span" testId="create-archive-status" />
      </div>
      {entries && entries.length > 0 && (
        <Field label={t.community.followUpLabel}>
          <select data-testid="create-followup" value={value.followUpOf} onChange={(e) => pick(e.target.value)}>
            <option value="">{t.community.followUpNone}</option>
            {entries.map((entry) => (
              <option key={entry.sessionId} value={entry.sessionId}>
                {t.community.followUpOption(entry.title, entry.city, formatDay(entry.handedOverAt, locale))}
              </option>
            ))}
          </select>
          <span className="hint">{t.community.followUpHint}</span>
        </Field>
      )}
    </details>
  );
}
