import { LIMITS, type PrivateNoteBody } from '@casusbord/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { saveFile, type ReportFormat } from '../../net/communityApi';
import { fetchOwnCopy, fetchPrivateNote, savePrivateNote } from '../../net/privateNotes';
import { useUiStore } from '../../stores/uiStore';
import { Field, FormError } from '../Field';
import { LoadFailed } from '../LoadFailed';
import { ReportDownloadButtons } from '../ReportDownloadButtons';
import '../../styles/privateNotes.css';

/** Quiet time after the last keystroke before the note is saved, ms. */
const SAVE_AFTER_MS = 800;

type SaveState = 'loading' | 'load-failed' | 'saved' | 'dirty' | 'saving' | 'error';

/**
 * Issue 15: the case holder's private notes (Roddelmethode). Loaded from and saved to the server
 * over HTTP (net/privateNotes.ts), never written into a board document; saved a moment after
 * typing stops, on leaving the field and at once when the report choice changes. Saves run one
 * after another, so the last one the server receives is the last edit. The case holder downloads
 * their own copy of the report here, with the notes when they ticked the box.
 */
export function PrivateNotes({
  sessionId,
  token,
  listening,
}: {
  sessionId: string;
  token: string;
  listening: boolean;
}) {
  const t = useT();
  const n = t.privateNotes;
  const locale = useUiStore((s) => s.locale);
  const [note, setNote] = useState<PrivateNoteBody>({ text: '', inReport: false });
  const [state, setState] = useState<SaveState>('loading');
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [downloading, setDownloading] = useState<ReportFormat | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const latest = useRef(note);
  // Edits made and edits the server has confirmed, counted, so a late answer never claims "saved".
  const edits = useRef(0);
  const confirmed = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    fetchPrivateNote(sessionId, token).then(
      (stored) => {
        if (cancelled) return;
        latest.current = { text: stored.text, inReport: stored.inReport };
        setNote(latest.current);
        setState('saved');
      },
      (err: unknown) => {
        if (cancelled) return;
        setProblem(describeError(t, err));
        setState('load-failed');
      },
    );
    return () => {
      cancelled = true;
    };
    // `t` only words the error; a language switch need not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId, token, attempt]);

  /** Queues a save of the current note (if it has unsaved edits); resolves once it has run. */
  const saveNow = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    const edit = edits.current;
    if (edit === confirmed.current) return chain.current;
    const body = latest.current;
    setState('saving');
    chain.current = chain.current.then(async () => {
      try {
        await savePrivateNote(sessionId, token, body);
        confirmed.current = Math.max(confirmed.current, edit);
        setProblem(null);
        setState(confirmed.current === edits.current ? 'saved' : 'dirty');
      } catch (err) {
        setProblem(n.saveFailed(describeError(t, err)));
        setState('error');
      }
    });
    return chain.current;
  }, [sessionId, token, n, t]);

  // What is typed is not lost when the panel goes (the round moved on, the page is left).
  useEffect(() => () => void saveNow(), [saveNow]);

  const change = (next: PrivateNoteBody, at: 'later' | 'now') => {
    latest.current = next;
    edits.current += 1;
    setNote(next);
    setState('dirty');
    window.clearTimeout(timer.current);
    if (at === 'now') void saveNow();
    else timer.current = window.setTimeout(() => void saveNow(), SAVE_AFTER_MS);
  };

  const download = async (format: ReportFormat) => {
    if (downloading) return;
    setDownloading(format);
    setDownloadError(null);
    try {
      // The copy holds what was just typed.
      await saveNow();
      saveFile(await fetchOwnCopy(sessionId, token, format, locale));
    } catch (err) {
      setDownloadError(`${n.downloadFailed} (${describeError(t, err)})`);
    } finally {
      setDownloading(null);
    }
  };

  const status = state === 'saving' ? n.saving : state === 'saved' ? n.saved : state === 'error' ? problem : n.unsaved;
  return (
    <section className="panel private-notes" aria-labelledby="private-notes-heading" data-testid="private-notes">
      <h2 id="private-notes-heading">{n.heading}</h2>
      <p className="muted small" data-testid="private-notes-privacy">
        {listening ? `${n.listening} ` : ''}
        {n.privacy}
      </p>
      {state === 'loading' && <p className="muted small">{n.loading}</p>}
      {state === 'load-failed' && (
        <LoadFailed
          what={n.loadFailed}
          detail={problem ?? ''}
          onRetry={() => {
            setState('loading');
            setAttempt((a) => a + 1);
          }}
        />
      )}
      {state !== 'loading' && state !== 'load-failed' && (
        <>
          <Field label={n.label}>
            <textarea
              data-testid="private-notes-text"
              rows={3}
              maxLength={LIMITS.privateNoteChars}
              value={note.text}
              onChange={(e) => change({ ...latest.current, text: e.target.value }, 'later')}
              onBlur={() => void saveNow()}
            />
          </Field>
          <label className="private-notes-choice">
            <input
              type="checkbox"
              data-testid="private-notes-in-report"
              checked={note.inReport}
              onChange={(e) => change({ ...latest.current, inReport: e.target.checked }, 'now')}
            />
            {n.inReport}
          </label>
          <p
            className={state === 'error' ? 'form-error' : 'hint'}
            role="status"
            data-testid="private-notes-status"
            data-state={state}
          >
            {status}
          </p>
          <div className="private-notes-copy" role="group" aria-labelledby="own-copy-heading">
            <h3 id="own-copy-heading">{n.copyHeading}</h3>
            <p className="muted small">{note.inReport ? n.copyWith : n.copyWithout}</p>
            <ReportDownloadButtons
              busy={downloading !== null}
              onDownload={(format) => void download(format)}
              label={n.download}
              testIdPrefix="own-copy-"
            />
            <FormError error={downloadError} persistent />
          </div>
        </>
      )}
    </section>
  );
}
