import {
  LIMITS,
  VERDICTS,
  addReview,
  isReviewLink,
  readReviews,
  reviewsMap,
  setReviewReaction,
  type ReviewSnapshot,
  type Verdict,
} from '@casusbord/shared';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../i18n';
import { newCardId } from '../../board/actions';
import { uiStore } from '../../stores/uiStore';
import { Field } from '../Field';
import { ReviewSummary } from './ReviewSummary';
import '../../styles/bookClub.css';

/** The reviews of the board, re-read on every change of the document (plain snapshots). */
function useReviews(doc: Y.Doc): ReviewSnapshot[] {
  const [reviews, setReviews] = useState(() => readReviews(doc));
  useEffect(() => {
    const update = () => setReviews(readReviews(doc));
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc]);
  return reviews;
}

/** Whether the board holds any review (the panel stays visible after the session with them). */
export function useHasReviews(doc: Y.Doc | null): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    if (!doc) return;
    const update = () => setHas(reviewsMap(doc).size > 0);
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc]);
  return doc !== null && has;
}

const toast = (message: string) => uiStore.getState().pushToast({ message, timeoutMs: 3000 });

interface Props {
  doc: Y.Doc;
  /** 'host' for the facilitator, else the participant id. */
  ownId: string;
  canReview: boolean;
  authorName: (id: string) => string;
}

/**
 * The book-club round (issue 16): a reviewer puts up a book or report with a verdict and one
 * sentence why; the others each give one reaction. The server enforces who may write what.
 */
export function BookClubPanel({ doc, ownId, canReview, authorName }: Props) {
  const t = useT();
  const reviews = useReviews(doc);
  return (
    <section className="book-club panel" aria-labelledby="book-club-heading" data-testid="book-club">
      <h2 id="book-club-heading">{t.bookClub.heading}</h2>
      <p className="muted small">{t.bookClub.intro}</p>
      {canReview && <ReviewForm doc={doc} ownId={ownId} />}
      {reviews.length === 0 ? (
        <p className="muted small">{t.bookClub.empty}</p>
      ) : (
        <ul className="review-list">
          {reviews.map((r) => (
            <ReviewItem key={r.id} review={r} doc={doc} ownId={ownId} canReview={canReview} authorName={authorName} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewForm({ doc, ownId }: { doc: Y.Doc; ownId: string }) {
  const t = useT();
  const uid = useId();
  const [title, setTitle] = useState('');
  const [author, setAuthor] = useState('');
  const [link, setLink] = useState('');
  const [verdict, setVerdict] = useState<Verdict>('useful');
  const [why, setWhy] = useState('');
  const linkOk = isReviewLink(link.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || !why.trim()) return;
    if (!linkOk) return toast(t.bookClub.linkInvalid);
    addReview(doc, {
      id: newCardId(),
      title,
      author,
      link,
      verdict,
      why,
      reviewerId: ownId,
      createdAt: Date.now(),
    });
    toast(t.bookClub.added);
    setTitle('');
    setAuthor('');
    setLink('');
    setWhy('');
  };

  return (
    <form className="review-form" onSubmit={submit} aria-labelledby={`${uid}-legend`} data-testid="review-form">
      <h3 id={`${uid}-legend`}>{t.bookClub.formLegend}</h3>
      <div className="review-grid">
        <TextInput
          label={t.bookClub.title}
          max={LIMITS.reviewTitleChars}
          value={title}
          set={setTitle}
          testId="review-title"
          required
        />
        <TextInput
          label={t.bookClub.author}
          max={LIMITS.reviewAuthorChars}
          value={author}
          set={setAuthor}
          testId="review-author"
        />
        <Field label={t.bookClub.link}>
          <input
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={LIMITS.reviewLinkChars}
            value={link}
            aria-invalid={!linkOk}
            aria-describedby={`${uid}-link-hint`}
            onChange={(e) => setLink(e.target.value)}
            data-testid="review-link"
          />
          <span id={`${uid}-link-hint`} className={linkOk ? 'muted small' : 'small link-error'}>
            {linkOk ? t.bookClub.linkHint : t.bookClub.linkInvalid}
          </span>
        </Field>
      </div>
      <fieldset className="verdicts">
        <legend>{t.bookClub.verdictLegend}</legend>
        {VERDICTS.map((v) => (
          <label key={v} className={`verdict verdict-${v}`}>
            <input
              type="radio"
              name={`${uid}-verdict`}
              value={v}
              checked={verdict === v}
              onChange={() => setVerdict(v)}
              data-testid={`review-verdict-${v}`}
            />
            {t.bookClub.verdict[v]}
          </label>
        ))}
      </fieldset>
      <TextInput
        label={t.bookClub.why}
        max={LIMITS.reviewWhyChars}
        value={why}
        set={setWhy}
        testId="review-why"
        required
      />
      <button type="submit" className="button small primary" data-testid="review-submit">
        {t.bookClub.submit}
      </button>
    </form>
  );
}

/** A labelled one-line text field of the review form. */
function TextInput(p: {
  label: string;
  max: number;
  value: string;
  set: (value: string) => void;
  testId: string;
  required?: boolean;
}) {
  return (
    <Field label={p.label}>
      <input
        required={p.required}
        maxLength={p.max}
        value={p.value}
        onChange={(e) => p.set(e.target.value)}
        data-testid={p.testId}
      />
    </Field>
  );
}

function ReviewItem({
  review,
  doc,
  ownId,
  canReview,
  authorName,
}: {
  review: ReviewSnapshot;
  doc: Y.Doc;
  ownId: string;
  canReview: boolean;
  authorName: (id: string) => string;
}) {
  const t = useT();
  const mine = review.reviewerId === ownId;
  const own = review.reactions.find((x) => x.participantId === ownId)?.text ?? '';
  return (
    <li className="review" data-testid="review" data-review-id={review.id}>
      <ReviewSummary review={review} />
      <p className="muted small">{t.bookClub.reviewedBy(authorName(review.reviewerId))}</p>
      {review.reactions.length > 0 && (
        <ul className="review-reactions" aria-label={t.bookClub.reactionsHeading}>
          {review.reactions.map((x) => (
            <li key={x.participantId} data-testid="review-reaction">
              {x.text} — <span className="muted">{authorName(x.participantId)}</span>
            </li>
          ))}
        </ul>
      )}
      {canReview && !mine && (
        <ReactionForm key={own} initial={own} save={(text) => setReviewReaction(doc, ownId, review.id, text)} />
      )}
      {canReview && mine && <p className="muted small">{t.bookClub.ownReview}</p>}
      {canReview && (mine || ownId === 'host') && (
        <button
          type="button"
          className="button small"
          aria-label={t.bookClub.removeLabel(review.title)}
          onClick={() => reviewsMap(doc).delete(review.id)}
        >
          {t.bookClub.remove}
        </button>
      )}
    </li>
  );
}

function ReactionForm({ initial, save }: { initial: string; save: (text: string) => void }) {
  const t = useT();
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(text);
    toast(t.bookClub.reactionSaved);
  };
  return (
    <form className="review-reaction-form" onSubmit={submit}>
      <Field label={t.bookClub.reactionLabel}>
        <input
          maxLength={LIMITS.reviewReactionChars}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="review-reaction-input"
        />
      </Field>
      <button
        type="submit"
        className="button small"
        data-testid="review-reaction-save"
        disabled={text.trim() === initial.trim()}
      >
        {t.bookClub.reactionSave}
      </button>
    </form>
  );
}
