import { LIMITS, draftDocName, plenaryDocName, type CardDetails, type PhotoRef } from '@casusbord/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT, type Messages } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { checkPhotoFile, photoObjectUrl, uploadPhoto } from '../../net/photos';
import { useSessionStore } from '../../stores/sessionStore';
import { uiStore } from '../../stores/uiStore';
import '../../styles/photos.css';
import { useBoardContext } from './BoardContext';

/**
 * Issue 16: a card's site-visit photo (its preview, the caption as alt text and under it) and, for
 * whoever may write on the card now, a small form to add or replace it from a phone's camera or a
 * laptop's files. The server strips the photo's metadata and sets it on the card for everyone.
 */
export function CardPhoto({ card, draft, editable }: { card: CardDetails; draft: boolean; editable: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const photo = card.photo;
  if (!photo && !editable) return null;
  return (
    <div className="card-photo">
      {photo && <PhotoPreview photo={photo} />}
      {editable &&
        (open ? (
          <PhotoForm card={card} draft={draft} onDone={() => setOpen(false)} />
        ) : (
          <button
            type="button"
            className="button small photo-add"
            data-testid="card-photo-add"
            aria-label={photo ? t.photos.replaceLabel : t.photos.addLabel}
            onClick={() => setOpen(true)}
          >
            {photo ? t.photos.replace : t.photos.add}
          </button>
        ))}
    </div>
  );
}

function PhotoPreview({ photo }: { photo: PhotoRef }) {
  const t = useT();
  const sessionId = useSessionStore((s) => s.sessionId);
  const token = useSessionStore((s) => s.credentials?.token);
  const [loaded, setLoaded] = useState<{ id: string; url: string | null } | null>(null);
  useEffect(() => {
    if (!sessionId || !token) return;
    let current = true;
    photoObjectUrl(sessionId, token, photo.id, 'preview').then(
      (url) => current && setLoaded({ id: photo.id, url }),
      () => current && setLoaded({ id: photo.id, url: null }),
    );
    return () => {
      current = false;
    };
  }, [sessionId, token, photo.id]);
  const state = loaded?.id === photo.id ? loaded : null;
  return (
    <figure className="photo-figure" data-testid="card-photo" data-photo-id={photo.id}>
      {state?.url ? (
        <img
          src={state.url}
          alt={photo.caption}
          width={photo.width}
          height={photo.height}
          data-testid="card-photo-img"
        />
      ) : (
        <div className="photo-placeholder" style={{ aspectRatio: `${photo.width} / ${photo.height}` }}>
          {state ? t.photos.loadFailed : t.photos.loading}
        </div>
      )}
      <figcaption className="photo-caption" data-testid="card-photo-caption">
        {photo.caption}
      </figcaption>
    </figure>
  );
}

function errorText(t: Messages, err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  return t.photos.errors[code] ?? describeError(t, err);
}

/** A button that opens the file picker (or, with `camera`, a phone's camera); the input itself is hidden in it. */
function FilePick(props: {
  label: string;
  testId: string;
  camera?: boolean;
  onPick: (file: File | undefined) => void;
}) {
  return (
    <label className="button small">
      {props.label}
      <input
        type="file"
        accept="image/*"
        capture={props.camera ? 'environment' : undefined}
        className="visually-hidden"
        data-testid={props.testId}
        onChange={(e) => props.onPick(e.target.files?.[0])}
      />
    </label>
  );
}

type Phase = { kind: 'idle' } | { kind: 'sending'; percent: number } | { kind: 'processing' };

function PhotoForm({ card, draft, onDone }: { card: CardDetails; draft: boolean; onDone: () => void }) {
  const t = useT();
  const ctx = useBoardContext();
  const sessionId = useSessionStore((s) => s.sessionId);
  const credentials = useSessionStore((s) => s.credentials);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const captionRef = useRef<HTMLInputElement>(null);
  // A phone offers its camera for an input with `capture`; without, its gallery and files.
  const [touch] = useState(() => window.matchMedia?.('(pointer: coarse)').matches ?? false);

  if (!sessionId || !credentials) return null;
  const docName = draft
    ? draftDocName(sessionId, credentials.participantId ?? '')
    : ctx.kind === 'plenary'
      ? plenaryDocName(sessionId)
      : credentials.docName;
  const busy = phase.kind !== 'idle';
  const pick = (picked: File | undefined) => void check(picked);

  const check = async (picked: File | undefined) => {
    setError(null);
    if (!picked) return;
    const refused = await checkPhotoFile(picked);
    if (refused) {
      setFile(null);
      setError(t.photos.errors[refused] ?? null);
      return;
    }
    setFile(picked);
    captionRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!file) return setError(t.photos.needFile);
    const text = caption.trim();
    if (!text) return setError(t.photos.errors.validation_failed ?? null);
    setError(null);
    setPhase({ kind: 'sending', percent: 0 });
    try {
      await uploadPhoto(sessionId, credentials.token, { doc: docName, card: card.id, caption: text }, file, (f) =>
        setPhase(f >= 1 ? { kind: 'processing' } : { kind: 'sending', percent: Math.round(f * 100) }),
      );
      uiStore.getState().pushToast({ message: t.photos.added, timeoutMs: 3000 });
      onDone();
    } catch (err) {
      setError(errorText(t, err));
      setPhase({ kind: 'idle' });
    }
  };

  return (
    <form className="photo-form" data-testid="card-photo-form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <fieldset disabled={busy}>
        <legend className="visually-hidden">{t.photos.formLegend}</legend>
        <div className="photo-pick">
          <FilePick label={t.photos.choose} testId="card-photo-file" onPick={pick} />
          {touch && <FilePick label={t.photos.take} testId="card-photo-camera" camera onPick={pick} />}
        </div>
        {file && <p className="hint photo-chosen">{t.photos.chosen(file.name)}</p>}
        <label htmlFor={`${id}-caption`}>{t.photos.captionLabel}</label>
        <input
          id={`${id}-caption`}
          ref={captionRef}
          type="text"
          data-testid="card-photo-caption-input"
          maxLength={LIMITS.photoCaptionChars}
          placeholder={t.photos.captionPlaceholder}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
        />
        <p className="hint">{t.photos.privacy}</p>
        <div className="photo-actions">
          <button type="submit" className="button small primary" data-testid="card-photo-submit">
            {t.photos.submit}
          </button>
          <button type="button" className="button small" onClick={onDone}>
            {t.photos.cancel}
          </button>
        </div>
      </fieldset>
      {phase.kind !== 'idle' && (
        <div className="photo-progress" role="status" data-testid="card-photo-progress">
          <progress max={100} value={phase.kind === 'sending' ? phase.percent : undefined} />
          <span>{phase.kind === 'sending' ? t.photos.uploading(phase.percent) : t.photos.processing}</span>
        </div>
      )}
      {error && (
        <p className="photo-error" role="alert" data-testid="card-photo-error">
          {error}
        </p>
      )}
    </form>
  );
}
