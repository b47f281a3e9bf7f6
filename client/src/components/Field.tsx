import type { ReactNode } from 'react';

/** A labelled form control: the visible label above whatever control `children` is. */
export function Field({
  label,
  narrow = false,
  children,
}: {
  label: ReactNode;
  /** For short values (a number): the field takes only the room it needs. */
  narrow?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={narrow ? 'field narrow' : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A whole number typed as text, clamped to 1…max; anything unreadable counts as 1. */
export function clampCount(text: string, max: number): number {
  return Math.min(max, Math.max(1, Math.round(Number(text) || 1)));
}

/**
 * A narrow number field from 1 to `max`. `draft` is the unsaved text (null: show `saved`, the
 * server's value), so a refused or finished save falls back to what the server holds.
 */
export function CountField({
  label,
  max,
  draft,
  saved,
  onDraft,
  id,
  testId,
}: {
  label: string;
  max: number;
  draft: string | null;
  saved: number;
  onDraft: (text: string) => void;
  id?: string;
  testId: string;
}) {
  return (
    <Field label={label} narrow>
      <input
        id={id}
        type="number"
        min={1}
        max={max}
        data-testid={testId}
        value={draft ?? String(saved)}
        onChange={(e) => onDraft(e.target.value)}
      />
    </Field>
  );
}

/**
 * A form's error, read out as soon as it appears. `persistent`: the alert element stays in the
 * page (hidden while there is no error), for forms whose live region must exist beforehand.
 */
export function FormError({ error, persistent = false }: { error: string | null; persistent?: boolean }) {
  if (!error && !persistent) return null;
  return (
    <p className="form-error" role="alert" hidden={!error}>
      {error}
    </p>
  );
}

/** The outcome of an action (export, load, save): a hint, or an error in the error colour. */
export function StatusLine({
  message,
  as: Tag = 'p',
  testId,
}: {
  message: { text: string; error: boolean } | null;
  as?: 'p' | 'span';
  testId?: string;
}) {
  return (
    <Tag className={message?.error ? 'form-error' : 'hint'} role="status" data-testid={testId}>
      {message?.text ?? ''}
    </Tag>
  );
}

/** A form's submit button, worded for while the form is busy. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  testId,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  testId: string;
}) {
  return (
    <button type="submit" className="button primary" data-testid={testId} disabled={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}
