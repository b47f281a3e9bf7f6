import { LIMITS } from '@casusbord/shared';
import { useState } from 'react';
import { useT } from '../i18n';
import { describeError } from '../i18n/errors';
import { joinSession } from '../net/api';
import { memberKeys } from '../net/buddyApi';
import { saveCredentials } from '../net/credentials';
import { JoinPreviewPanel } from './JoinPreviewPanel';
import { Field, FormError, FormPanel, SubmitButton, useFocusWhen } from './Field';
import { useFormSubmit } from './useFormSubmit';
import { boardPath, navigate } from '../router';
import { uiStore } from '../stores/uiStore';

export function JoinForm({ initialCode }: { initialCode: string | null }) {
  const t = useT();
  const [code, setCode] = useState(initialCode ?? '');
  const [name, setName] = useState('');
  // Arriving through a join link: the code is known, so the name is the next thing to type.
  const nameRef = useFocusWhen<HTMLInputElement>(initialCode);

  const { busy, error, submit } = useFormSubmit(
    async () => {
      // Issue 16: the member keys of this browser let the session show a member's buddy.
      const keys = memberKeys();
      const res = await joinSession({
        code: code.trim(),
        name: name.trim(),
        ...(keys.length ? { memberKeys: keys } : {}),
      });
      saveCredentials(res.sessionId, {
        token: res.token,
        role: res.role,
        docName: res.docName,
        name: res.name,
        participantId: res.participantId,
      });
      uiStore.getState().setFlash(null);
      navigate(boardPath(res.sessionId));
    },
    (err) => describeError(t, err),
  );

  return (
    <FormPanel headingId="join-heading" heading={t.joinHeading} intro={t.joinIntro} onSubmit={submit}>
      <Field label={t.joinCode}>
        <input
          data-testid="join-code"
          className="code-input"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={LIMITS.codeInputChars}
          value={code}
          placeholder={t.joinCodePlaceholder}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
      </Field>
      <JoinPreviewPanel code={code} />
      <Field label={t.joinName}>
        <input
          ref={nameRef}
          data-testid="join-name"
          required
          autoComplete="name"
          maxLength={LIMITS.nameChars}
          value={name}
          placeholder={t.joinNamePlaceholder}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <FormError error={error} />
      <SubmitButton busy={busy} label={t.joinSubmit} busyLabel={t.joinBusy} testId="join-submit" />
    </FormPanel>
  );
}
