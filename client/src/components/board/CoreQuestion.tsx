import { LIMITS, coreQuestionText } from '@casusbord/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useYTextBinding } from '../../board/useYTextBinding';
import { useT } from '../../i18n';
import { boardViewStore, useBoardView } from '../../stores/boardViewStore';

interface CoreQuestionProps {
  doc: Y.Doc | null;
  /** The question as the session was created with; shown until the case holder writes their own. */
  original: string;
  canEdit: boolean;
  isCaseHolder: boolean;
  caseHolderName: string | null;
}

/**
 * The core question at the top of the board: a co-edited Y.Text the case holder (and the host)
 * sharpen while everyone else reads along live.
 */
export function CoreQuestion({ doc, original, canEdit, isCaseHolder, caseHolderName }: CoreQuestionProps) {
  const t = useT();
  const text = useBoardView(boardViewStore, (s) => s.coreQuestion);
  const ytext = useMemo(() => (doc ? coreQuestionText(doc) : undefined), [doc]);
  const ref = useYTextBinding(canEdit ? ytext : undefined, LIMITS.questionChars);
  const shown = text.trim() ? text : original;

  return (
    <div className="case-question core-question" data-testid="core-question">
      <div className="label">
        {canEdit ? t.board.coreQuestionEdit : t.board.coreQuestion}
        {isCaseHolder && (
          <span className="case-holder-badge" data-testid="case-holder-badge">
            {t.board.youAreCaseHolder}
          </span>
        )}
      </div>
      {canEdit ? (
        <>
          <textarea
            ref={ref}
            className="core-question-input"
            data-testid="core-question-input"
            aria-label={t.board.coreQuestion}
            maxLength={LIMITS.questionChars}
            rows={2}
            placeholder={original}
          />
          {!text.trim() && original && ytext && (
            <button
              type="button"
              className="button ghost small"
              data-testid="core-question-use-original"
              onClick={() => ytext.insert(0, original)}
            >
              {t.board.coreQuestionUseOriginal}
            </button>
          )}
        </>
      ) : (
        <p data-testid="core-question-text">{shown}</p>
      )}
      {text.trim() && original && text.trim() !== original.trim() && (
        <div className="muted small">
          {t.board.coreQuestionOriginal}: {original}
        </div>
      )}
      {caseHolderName && !isCaseHolder && <div className="muted small">{t.board.caseHolderIs(caseHolderName)}</div>}
    </div>
  );
}
