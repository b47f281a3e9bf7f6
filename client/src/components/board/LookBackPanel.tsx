import {
  COMMUNITY_LIMITS,
  FOLLOW_UP_STATUSES,
  type FollowUpItem,
  type FollowUpState,
  type FollowUpStatus,
  type StateAck,
} from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useUiStore } from '../../stores/uiStore';
import { formatDay } from '../archive/format';
import '../../styles/followUp.css';
import { Field } from '../Field';

/** Sends `followup:mark`; resolves with the server's answer, never rejects (sendControl / sendHost). */
export type MarkFollowUp = (payload: { adviceId: string; status: FollowUpStatus; note: string }) => Promise<StateAck>;

interface Props {
  followUp: FollowUpState;
  /** The case holder and the host may mark; everyone else reads along. */
  canEdit: boolean;
  send: MarkFollowUp;
  /** Describes a refused mark for the person (board or host wording). */
  describe: (error: { code: string; message: string }) => string;
  testId?: string;
}

type Feedback = { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; text: string } | null;

function ItemEditor({ item, send, describe }: { item: FollowUpItem; send: MarkFollowUp; describe: Props['describe'] }) {
  const t = useT();
  const [status, setStatus] = useState<FollowUpStatus | null>(item.status);
  const [note, setNote] = useState(item.note);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const dirty = status !== item.status || note.trim() !== item.note;

  // Someone else (the host or the case holder) saved: take their answer unless this one is being edited.
  const [seen, setSeen] = useState({ status: item.status, note: item.note });
  if (seen.status !== item.status || seen.note !== item.note) {
    const untouched = status === seen.status && note.trim() === seen.note;
    setSeen({ status: item.status, note: item.note });
    if (untouched) {
      setStatus(item.status);
      setNote(item.note);
    }
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (feedback?.kind === 'saving') return;
    if (!status) {
      setFeedback({ kind: 'error', text: t.lookBack.pickStatus });
      return;
    }
    setFeedback({ kind: 'saving' });
    const res = await send({ adviceId: item.adviceId, status, note: note.trim() });
    setFeedback(res.ok ? { kind: 'saved' } : { kind: 'error', text: describe(res.error) });
  };

  const name = `followup-${item.adviceId}`;
  return (
    <form onSubmit={save} className="lookback-form">
      <fieldset>
        <legend className="visually-hidden">
          {t.lookBack.statusLegend}: {item.text}
        </legend>
        <span className="lookback-legend" aria-hidden="true">
          {t.lookBack.statusLegend}
        </span>
        <div className="lookback-statuses">
          {FOLLOW_UP_STATUSES.map((value) => (
            <label key={value} className={`lookback-status status-${value}`}>
              <input
                type="radio"
                name={name}
                value={value}
                checked={status === value}
                data-testid={`followup-status-${value}`}
                onChange={() => {
                  setStatus(value);
                  setFeedback(null);
                }}
              />
              {t.archive.statuses[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t.lookBack.noteLabel}>
        <textarea
          rows={2}
          maxLength={COMMUNITY_LIMITS.followUpNoteChars}
          value={note}
          data-testid="followup-note"
          onChange={(e) => {
            setNote(e.target.value);
            setFeedback(null);
          }}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="button small primary" data-testid="followup-save">
          {feedback?.kind === 'saving' ? t.lookBack.saving : t.lookBack.save}
        </button>
        <span
          className={feedback?.kind === 'error' ? 'form-error' : 'hint'}
          role="status"
          data-testid="followup-feedback"
        >
          {feedback?.kind === 'error'
            ? feedback.text
            : feedback?.kind === 'saved' && !dirty
              ? t.lookBack.saved
              : dirty && item.status !== null
                ? t.lookBack.unsaved
                : ''}
        </span>
      </div>
    </form>
  );
}

/**
 * The look-back round of a follow-up session: each advice of the earlier session with what
 * became of it (done / in progress / dropped / not started) and a note. The server owns the
 * answers (SessionState.followUp); only the case holder and the host may change them.
 */
export function LookBackPanel({ followUp, canEdit, send, describe, testId = 'lookback-panel' }: Props) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const marked = followUp.items.filter((i) => i.status !== null).length;
  return (
    <section className="lookback panel" aria-labelledby={`${testId}-heading`} data-testid={testId}>
      <h2 id={`${testId}-heading`}>{t.lookBack.heading}</h2>
      <p className="muted">{t.lookBack.intro(followUp.ofTitle, formatDay(followUp.ofHandedOverAt, locale))}</p>
      {!canEdit && <p className="hint">{t.lookBack.readOnly}</p>}
      {followUp.items.length === 0 ? (
        <p className="muted">{t.lookBack.empty}</p>
      ) : (
        <>
          <p className="hint" data-testid="lookback-progress">
            {t.lookBack.progress(marked, followUp.items.length)}
          </p>
          <ol className="lookback-items">
            {followUp.items.map((item) => (
              <li
                key={item.adviceId}
                className="lookback-item"
                data-testid="lookback-item"
                data-advice-id={item.adviceId}
                data-status={item.status ?? ''}
              >
                <p className="lookback-advice">
                  <strong>{item.text}</strong>
                  <span className="small muted">
                    {' '}
                    · {t.archive.dots(item.dots)}
                    {item.reaction && ` · ${t.lookBack.earlierReaction(t.archive.reactions[item.reaction] ?? '')}`}
                  </span>
                </p>
                {canEdit ? (
                  <ItemEditor item={item} send={send} describe={describe} />
                ) : (
                  <p className="lookback-readonly" data-testid="lookback-readonly">
                    <span className={`status-badge status-${item.status ?? 'none'}`}>
                      {item.status ? t.archive.statuses[item.status] : t.archive.noStatus}
                    </span>
                    {item.note && <span> — {item.note}</span>}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
