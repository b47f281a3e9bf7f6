import { COMMUNITY_LIMITS, type CreateCommunityResponse } from '@casusbord/shared';
import { useState } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { createCommunity } from '../../net/communityApi';
import { CopyRow } from '../CopyButton';
import { Field, FormError, FormPanel, SubmitButton, useFocusWhen } from '../Field';
import { useFormSubmit } from '../useFormSubmit';
import '../../styles/archive.css';

export interface CommunityPrefill {
  communityId: string;
  facilitatorKey: string;
}

/** One secret shown once, read-only and selectable, with a copy button and its own feedback. */
function SecretRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useT();
  const id = `secret-${testId}`;
  return (
    <div className="secret-row">
      <label htmlFor={id} className="secret-label">
        {label}
      </label>
      <CopyRow
        value={value}
        label={t.community.copy}
        ariaLabel={t.community.copyLabel(label)}
        testId={`${testId}-copy`}
      >
        <input
          id={id}
          className="secret-value"
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
        />
      </CopyRow>
    </div>
  );
}

/**
 * "Community aanmaken": a name in, the member link and facilitator key out — shown once, with a
 * clear warning, because the server keeps only their hashes.
 */
export function CommunityCreateForm({ onUse }: { onUse: (prefill: CommunityPrefill) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreateCommunityResponse | null>(null);
  const [used, setUsed] = useState(false);
  const headingRef = useFocusWhen<HTMLHeadingElement>(created);

  const { busy, error, submit } = useFormSubmit(
    async () => {
      setCreated(await createCommunity(name.trim()));
      setUsed(false);
      return 'done';
    },
    (err) => describeError(t, err),
  );

  if (created) {
    return (
      <section
        className="panel community-created"
        aria-labelledby="community-created-heading"
        data-testid="community-created"
      >
        <h2 id="community-created-heading" tabIndex={-1} ref={headingRef}>
          {t.community.createdHeading(created.name)}
        </h2>
        <p className="notice warning" role="note" data-testid="community-warning">
          {t.community.storeWarning}
        </p>
        <SecretRow label={t.community.memberLinkLabel} value={created.archiveUrl} testId="community-member-link" />
        <SecretRow label={t.community.facilitatorKeyLabel} value={created.facilitatorKey} testId="community-key" />
        <SecretRow label={t.community.communityIdLabel} value={created.communityId} testId="community-id" />
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            data-testid="community-use"
            onClick={() => {
              onUse({ communityId: created.communityId, facilitatorKey: created.facilitatorKey });
              setUsed(true);
            }}
          >
            {t.community.useForSession}
          </button>
          <button
            type="button"
            className="button"
            data-testid="community-done"
            onClick={() => {
              setCreated(null);
              setName('');
            }}
          >
            {t.community.storedDone}
          </button>
        </div>
        <span className="hint" role="status">
          {used ? t.community.usedForSession : ''}
        </span>
      </section>
    );
  }

  return (
    <FormPanel
      headingId="community-heading"
      heading={t.community.createHeading}
      intro={t.community.createIntro}
      onSubmit={submit}
      testId="community-form"
    >
      <Field label={t.community.nameLabel}>
        <input
          data-testid="community-name"
          required
          maxLength={COMMUNITY_LIMITS.nameChars}
          value={name}
          placeholder={t.community.namePlaceholder}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <FormError error={error} />
      <SubmitButton
        busy={busy}
        label={t.community.createSubmit}
        busyLabel={t.community.createBusy}
        testId="community-submit"
      />
    </FormPanel>
  );
}
