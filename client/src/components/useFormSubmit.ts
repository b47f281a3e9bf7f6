import { useState, type FormEvent } from 'react';

/**
 * The submit cycle every form here shares: no double submit, the last error cleared on a new
 * try, and what went wrong as a sentence (`describe`). `run` may navigate away; on success the
 * form stays busy, so nothing can be sent twice while the next page loads.
 */
export function useFormSubmit(run: () => Promise<void | 'done'>, describe: (err: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      // 'done': the form stays on the page (nothing navigates), so it is free again.
      if ((await run()) === 'done') setBusy(false);
    } catch (err) {
      setError(describe(err));
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
