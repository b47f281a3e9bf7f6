import { LIMITS, type Column } from '@casusbord/shared';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../i18n';

/** Shown below this many characters left, so the limit never comes as a surprise. */
const WARN_CHARS_LEFT = 200;

export function AddCardForm({ column, onAdd }: { column: Column; onAdd: (text: string) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const inputId = `add-${column}-input`;
  const hintId = `add-${column}-hint`;
  const left = LIMITS.cardChars - text.length;

  const submit = () => {
    const value = text.trim();
    if (!value) return;
    onAdd(value.slice(0, LIMITS.cardChars));
    setText('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="add-card" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor={inputId}>
        {t.addLabel(t.columnTitles[column])}
      </label>
      <textarea
        id={inputId}
        data-testid={inputId}
        rows={2}
        maxLength={LIMITS.cardChars}
        value={text}
        placeholder={t.addPlaceholder[column]}
        aria-describedby={hintId}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="add-card-row">
        {left < WARN_CHARS_LEFT ? (
          <span className="hint warn">{t.charsLeft(left)}</span>
        ) : (
          <span className="hint" aria-hidden="true">
            {t.addHintShort}
          </span>
        )}
        <button type="submit" className="button small" data-testid={`add-${column}-submit`} disabled={!text.trim()}>
          {t.addSubmit}
        </button>
      </div>
      <span id={hintId} className="visually-hidden">
        {t.addHint}
      </span>
    </form>
  );
}
