import { LIMITS, METHODS, type MethodId } from '@casusbord/shared';
import { useState } from 'react';
import { useT } from '../i18n';
import { describeError } from '../i18n/errors';
import { createSession } from '../net/api';
import { saveCredentials } from '../net/credentials';
import { hostPath, navigate } from '../router';
import type { CommunityPrefill } from './archive/CommunityCreateForm';
import { communityBody, NO_COMMUNITY, type CommunityChoice } from './archive/communityChoice';
import { CommunitySessionFields } from './archive/CommunitySessionFields';
import { uiStore, useUiStore } from '../stores/uiStore';
import { Field, FormError, FormPanel, SubmitButton } from './Field';
import { useFormSubmit } from './useFormSubmit';

/** `community`: a community just created on the home page, to prefill the community part. */
export function CreateSessionForm({ community = null }: { community?: CommunityPrefill | null } = {}) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const [title, setTitle] = useState('');
  const [city, setCity] = useState('');
  const [question, setQuestion] = useState('');
  const [caseHolder, setCaseHolder] = useState('');
  const [method, setMethod] = useState<MethodId>('intervision-90');
  const [bookClub, setBookClub] = useState(false);
  const [choice, setChoice] = useState<CommunityChoice>(NO_COMMUNITY);
  const [communityOpen, setCommunityOpen] = useState(false);

  // A community just created on the page fills the community part (adjusted during render, not in an effect).
  const [prefilled, setPrefilled] = useState<CommunityPrefill | null>(null);
  if (community && community !== prefilled) {
    setPrefilled(community);
    setChoice({ ...NO_COMMUNITY, communityId: community.communityId, communityKey: community.facilitatorKey });
    setCommunityOpen(true);
  }

  const { busy, error, submit } = useFormSubmit(
    async () => {
      const res = await createSession({
        title: title.trim(),
        city: city.trim(),
        question: question.trim(),
        caseHolderName: caseHolder.trim() || undefined,
        method,
        locale,
        ...(bookClub ? { bookClub: true } : {}),
        ...communityBody(choice),
      });
      saveCredentials(res.sessionId, {
        token: res.hostToken,
        role: 'host',
        docName: res.docName,
        name: null,
        participantId: null,
      });
      uiStore.getState().setFlash(null);
      // The facilitator runs the session from the host view; the board is one click away there.
      navigate(hostPath(res.sessionId));
    },
    (err) => {
      const code = err instanceof Error && 'code' in err ? String(err.code) : '';
      return code === 'forbidden' && choice.communityId.trim() ? t.community.keyWrong : describeError(t, err);
    },
  );

  return (
    <FormPanel headingId="create-heading" heading={t.createHeading} intro={t.createIntro} onSubmit={submit}>
      <Field label={t.createTitle}>
        <input
          data-testid="create-title"
          required
          maxLength={LIMITS.titleChars}
          value={title}
          placeholder={t.createTitlePlaceholder}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field label={t.createCity}>
        <input
          data-testid="create-city"
          required
          maxLength={LIMITS.cityChars}
          value={city}
          placeholder={t.createCityPlaceholder}
          onChange={(e) => setCity(e.target.value)}
        />
      </Field>
      <Field label={t.createQuestion}>
        <textarea
          data-testid="create-question"
          required
          rows={3}
          maxLength={LIMITS.questionChars}
          value={question}
          placeholder={t.createQuestionPlaceholder}
          onChange={(e) => setQuestion(e.target.value)}
        />
      </Field>
      <Field label={t.createCaseHolder}>
        <input
          data-testid="create-caseholder"
          maxLength={LIMITS.nameChars}
          value={caseHolder}
          placeholder={t.createCaseHolderPlaceholder}
          onChange={(e) => setCaseHolder(e.target.value)}
        />
      </Field>
      <Field label={t.createMethod}>
        <select data-testid="create-method" value={method} onChange={(e) => setMethod(e.target.value as MethodId)}>
          {Object.values(METHODS).map((m) => (
            <option key={m.id} value={m.id}>
              {m.title[locale]}
            </option>
          ))}
        </select>
      </Field>
      <label className="check">
        <input
          type="checkbox"
          data-testid="create-bookclub"
          checked={bookClub}
          onChange={(e) => setBookClub(e.target.checked)}
        />{' '}
        {t.bookClub.openWith}
        <span className="muted small"> — {t.bookClub.openWithHint}</span>
      </label>
      <CommunitySessionFields
        value={choice}
        onChange={setChoice}
        open={communityOpen}
        onToggle={setCommunityOpen}
        onFollowUp={(entry) => {
          if (!entry) return;
          if (!title.trim()) setTitle(entry.title);
          if (!city.trim()) setCity(entry.city);
        }}
      />
      <FormError error={error} />
      <SubmitButton busy={busy} label={t.createSubmit} busyLabel={t.createBusy} testId="create-submit" />
    </FormPanel>
  );
}
