import type { CommunityView } from '@casusbord/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { deleteCommunity, fetchArchiveZip, fetchCommunity } from '../../net/communityApi';
import { BusyButton, Field, FormError, StatusLine } from '../Field';
import { BookletForm } from './BookletForm';
import { useDownload } from './useDownload';

interface Props {
  communityId: string;
  token: string;
  view: CommunityView;
  /** A facilitator key was entered and accepted: use it from now on. */
  onFacilitatorKey: (key: string, view: CommunityView) => void;
  onDeleted: () => void;
}

/** Zip export for everyone; deletion only with the facilitator key, after a confirm step. */
export function ArchiveAdmin({ communityId, token, view, onFacilitatorKey, onDeleted }: Props) {
  const t = useT();
  const zip = useDownload();
  const exportZip = () =>
    zip.download(
      () => fetchArchiveZip(communityId, token),
      () => t.archive.exportDone,
      t.archive.exportFailed,
    );

  return (
    <aside className="archive-admin" aria-label={t.archive.exportZip}>
      <div>
        <BusyButton
          busy={zip.busy}
          label={t.archive.exportZip}
          busyLabel={t.archive.exporting}
          testId="archive-export"
          onClick={() => void exportZip()}
        />
        <StatusLine message={zip.message} />
      </div>
      <BookletForm communityId={communityId} token={token} />
      {view.role === 'facilitator' ? (
        <DeleteCommunity communityId={communityId} token={token} name={view.name} onDeleted={onDeleted} />
      ) : (
        <KeyForm communityId={communityId} onAccepted={onFacilitatorKey} />
      )}
    </aside>
  );
}

function KeyForm({ communityId, onAccepted }: { communityId: string; onAccepted: Props['onFacilitatorKey'] }) {
  const t = useT();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = key.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(null);
    try {
      const view = await fetchCommunity(communityId, value);
      if (view.role === 'facilitator') onAccepted(value, view);
      else setError(t.archive.keyNotFacilitator);
    } catch (err) {
      const code = err instanceof Error && 'code' in err ? String(err.code) : '';
      setError(code === 'unauthorized' || code === 'forbidden' ? t.archive.keyNotFacilitator : describeError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="archive-key">
      <summary>{t.archive.keyHeading}</summary>
      <form onSubmit={submit}>
        <p className="hint">{t.archive.keyIntro}</p>
        <Field label={t.archive.keyLabel}>
          <input
            type="password"
            autoComplete="off"
            data-testid="archive-key-input"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
        </Field>
        <FormError error={error} persistent />
        <button type="submit" className="button small" data-testid="archive-key-submit">
          {t.archive.keySubmit}
        </button>
      </form>
    </details>
  );
}

function DeleteCommunity({
  communityId,
  token,
  name,
  onDeleted,
}: {
  communityId: string;
  token: string;
  name: string;
  onDeleted: () => void;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the step: onto "cancel" (the safe choice) when asked, back to the button after.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteCommunity(communityId, token);
      onDeleted();
    } catch (err) {
      setError(`${t.archive.deleteFailed} ${describeError(t, err)}`);
      setBusy(false);
    }
  };

  return (
    <section className="archive-delete" aria-labelledby="archive-delete-heading">
      <h2 id="archive-delete-heading" className="small-heading">
        {t.archive.deleteHeading}
      </h2>
      <p className="hint">{t.archive.deleteIntro}</p>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="archive-delete-question" className="confirm-box">
          <p id="archive-delete-question">
            <strong>{t.archive.deleteConfirmQuestion(name)}</strong>
          </p>
          <div className="button-row">
            <BusyButton
              busy={busy}
              label={t.archive.deleteConfirm}
              busyLabel={t.archive.deleting}
              className="button danger"
              testId="archive-delete-confirm"
              onClick={() => void remove()}
            />
            <button type="button" className="button" ref={cancelRef} onClick={() => setConfirming(false)}>
              {t.archive.deleteCancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button danger"
          ref={startRef}
          data-testid="archive-delete"
          onClick={() => setConfirming(true)}
        >
          {t.archive.deleteButton}
        </button>
      )}
      <FormError error={error} persistent />
    </section>
  );
}
