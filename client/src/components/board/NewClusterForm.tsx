import type { Column } from '@casusbord/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useBoardContext } from './BoardContext';

/** "Nieuw cluster": a button that opens a one-line form; Enter creates, Escape cancels. */
export function NewClusterForm({ column }: { column: Column }) {
  const t = useT();
  const ctx = useBoardContext();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const inputId = `${ctx.kind}-new-cluster-${column}`;

  if (!open) {
    return (
      <button
        type="button"
        className="button ghost small new-cluster"
        data-testid="cluster-new"
        onClick={() => setOpen(true)}
      >
        + {t.board.clusterNew}
      </button>
    );
  }
  const close = () => {
    setOpen(false);
    setTitle('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = title.trim();
    if (!value) return;
    ctx.actions.createCluster(column, value);
    close();
  };
  return (
    <form className="new-cluster-form" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={inputId}>
        {t.board.clusterTitleLabel}
      </label>
      <input
        id={inputId}
        data-testid="cluster-new-title"
        autoFocus
        maxLength={120}
        value={title}
        placeholder={t.board.clusterTitlePlaceholder}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
      />
      <button type="submit" className="button small" data-testid="cluster-new-submit" disabled={!title.trim()}>
        {t.board.clusterCreate}
      </button>
      <button type="button" className="button ghost small" onClick={close}>
        {t.board.clusterCancel}
      </button>
    </form>
  );
}
