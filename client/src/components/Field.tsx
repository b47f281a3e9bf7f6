import { useEffect, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';

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

/** A button for an action that takes a while: it says so while busy and ignores clicks meanwhile. */
export function BusyButton({
  busy,
  label,
  busyLabel,
  onClick,
  className = 'button',
  testId,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  onClick: () => void;
  className?: string;
  testId: string;
}) {
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      aria-disabled={busy || undefined}
      onClick={() => {
        if (!busy) onClick();
      }}
    >
      {busy ? busyLabel : label}
    </button>
  );
}

/** A form of its own on the page: a panel named by its heading, with a line of introduction. */
export function FormPanel({
  headingId,
  heading,
  intro,
  onSubmit,
  testId,
  children,
}: {
  headingId: string;
  heading: string;
  intro: string;
  onSubmit: (event: FormEvent) => void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <form className="panel" onSubmit={onSubmit} aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{heading}</h2>
      <p className="muted">{intro}</p>
      {children}
    </form>
  );
}

/** A ref that gets the focus whenever `when` becomes truthy (or changes while truthy). */
export function useFocusWhen<T extends HTMLElement>(when: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
