import { LIMITS } from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { boardViewStore, useBoardView } from '../../stores/boardViewStore';
import type * as Y from 'yjs';
import { saveLearningPoint } from '../../board/useBoardActions';
import { Field } from '../Field';

/**
 * The closing round: each person writes one learning point under their own id (so nobody
 * overwrites anyone), and everyone sees the others' points arrive.
 */
export function LearningsPanel({
  doc,
  participantId,
  canWrite,
  authorName,
}: {
  doc: Y.Doc;
  participantId: string | null;
  canWrite: boolean;
  authorName: (id: string) => string;
}) {
  const t = useT();
  const learnings = useBoardView(boardViewStore, (s) => s.learnings);
  const own = participantId ? (learnings[participantId] ?? '') : '';
  const others = Object.entries(learnings).filter(([id]) => id !== participantId);
  return (
    <section className="learnings" data-testid="learnings" aria-labelledby="learnings-heading">
      <h2 id="learnings-heading">{t.board.learningsHeading}</h2>
      {canWrite && participantId && (
        <LearningForm key={own} initial={own} save={(text) => saveLearningPoint(doc, participantId, text)} />
      )}
      {!canWrite && own && (
        <p className="learning mine" data-testid="learning">
          {own} — <span className="muted">{authorName(participantId ?? '')}</span>
        </p>
      )}
      {others.length === 0 && !own ? (
        <p className="muted small">{t.board.learningsEmpty}</p>
      ) : (
        <ul className="learning-list">
          {others.map(([id, text]) => (
            <li key={id} className="learning" data-testid="learning">
              {text} — <span className="muted">{authorName(id)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LearningForm({ initial, save }: { initial: string; save: (text: string) => void }) {
  const t = useT();
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(text);
  };
  return (
    <form className="learning-form" onSubmit={submit}>
      <Field label={t.board.learningLabel}>
        <input
          data-testid="learning-input"
          maxLength={LIMITS.cardChars}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <button
        type="submit"
        className="button small primary"
        data-testid="learning-save"
        disabled={text.trim() === initial.trim()}
      >
        {t.board.learningSave}
      </button>
    </form>
  );
}
