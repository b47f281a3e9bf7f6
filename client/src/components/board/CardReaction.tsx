import { REACTIONS, type CardDetails } from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useBoardContext } from './BoardContext';

/** Note length the UI allows; a sentence or two is what the report shows well. */
const NOTE_CHARS = 500;

/**
 * The case holder's answer to one piece of advice. The case holder (or the host) chooses with
 * radio buttons and may add a note; everybody else sees the chosen answer and the note.
 */
export function CardReaction({ card }: { card: CardDetails }) {
  const t = useT();
  const ctx = useBoardContext();
  if (!ctx.rights.canReact) {
    if (!card.reaction) return null;
    return (
      <div
        className={`reaction-badge reaction-${card.reaction}`}
        data-testid="card-reaction"
        data-reaction={card.reaction}
      >
        <span className="reaction-label">{t.board.reactions[card.reaction]}</span>
        {card.reactionNote && <span className="reaction-note"> — {card.reactionNote}</span>}
      </div>
    );
  }
  // Keyed by the stored note so a save (here or elsewhere) resets the field to what is stored.
  return <ReactionEditor key={card.reactionNote} card={card} />;
}

function ReactionEditor({ card }: { card: CardDetails }) {
  const t = useT();
  const ctx = useBoardContext();
  const [note, setNote] = useState(card.reactionNote);
  const name = `reaction-${ctx.kind}-${card.id}`;
  const saveNote = (event: FormEvent) => {
    event.preventDefault();
    ctx.actions.react(card.id, card.reaction, note.trim());
  };
  return (
    <form className="reaction-editor" onSubmit={saveNote} data-testid="reaction-editor">
      <fieldset>
        <legend>{t.board.reactionLegend}</legend>
        <div className="reaction-options">
          {REACTIONS.map((reaction) => (
            <label key={reaction} className={`reaction-option reaction-${reaction}`}>
              <input
                type="radio"
                name={name}
                value={reaction}
                data-testid={`reaction-${reaction}`}
                checked={card.reaction === reaction}
                onChange={() => ctx.actions.react(card.id, reaction, note.trim())}
              />
              {t.board.reactions[reaction]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="reaction-note-field">
        <span className="visually-hidden">{t.board.reactionNoteLabel}</span>
        <input
          type="text"
          data-testid="reaction-note"
          maxLength={NOTE_CHARS}
          placeholder={t.board.reactionNoteLabel}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="button small"
        data-testid="reaction-note-save"
        disabled={note.trim() === card.reactionNote}
      >
        {t.board.reactionNoteSave}
      </button>
    </form>
  );
}
