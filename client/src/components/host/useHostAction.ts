import type { ApiError, EventPayload, StateEvent } from '@casusbord/shared';
import { useCallback } from 'react';
import { useT, type Messages } from '../../i18n';
import { sendHost } from '../../net/activeHost';
import { connectionStore } from '../../stores/connectionStore';
import { uiStore } from '../../stores/uiStore';

/** Short success toasts: the change itself is visible on screen too, ms. */
const SUCCESS_TOAST_MS = 3000;
/** The last success toast: a new one replaces it, so quick clicks do not stack toasts over the controls. */
let lastSuccess: number | null = null;

/** Tells the host how an action went: a short success toast (replacing the previous one), or the reason it failed. */
export function notifyHost(result: { ok: true; message: string } | { ok: false; reason: string }, t: Messages): void {
  const ui = uiStore.getState();
  if (lastSuccess !== null) ui.dismissToast(lastSuccess);
  lastSuccess = null;
  if (result.ok) lastSuccess = ui.pushToast({ message: result.message, timeoutMs: SUCCESS_TOAST_MS });
  else ui.pushToast({ message: t.host.failedToast(result.reason) });
}

/** Why the server refused, for the host: its own message, except where the UI says it better. */
function refusalReason(t: Messages, error: ApiError): string {
  if (error.code === 'unavailable') return t.host.disconnected;
  // A revoked co-host learns it from the refusal too, if the revoke's notice did not reach them.
  if (error.code === 'cohost_revoked') {
    connectionStore.getState().setFatal('revoked');
    return t.cockpit.revoked;
  }
  return error.message;
}

/**
 * Sends one host control event and tells the host how it went: a short toast on success, the
 * server's own message on failure (it says why, e.g. "cannot resume: the session is running").
 * Resolves true on success.
 */
export function useHostAction(): <E extends StateEvent>(
  event: E,
  payload: EventPayload<E>,
  success: string,
) => Promise<boolean> {
  const t = useT();
  return useCallback(
    async (event, payload, success) => {
      const res = await sendHost(event, payload);
      if (res.ok) notifyHost({ ok: true, message: success }, t);
      else notifyHost({ ok: false, reason: refusalReason(t, res.error) }, t);
      return res.ok;
    },
    [t],
  );
}
