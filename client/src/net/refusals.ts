import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';
import { messagesFor } from '../i18n';
import { describeError } from '../i18n/errors';
import { uiStore } from '../stores/uiStore';

/** y-websocket's message type for permission messages (server → client). */
const MESSAGE_AUTH = 2;

/**
 * The server corrects a write that breaks a content limit (a card over 2000 characters, a full
 * board) and says why in a permission-denied message, `<code>: <message>` (docs/API.md). The
 * official provider only logs those; this hands them to `handle` instead.
 */
export function onServerRefusal(
  provider: WebsocketProvider,
  handle: (error: { code: string; message: string }) => void,
): void {
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) =>
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => {
      const colon = reason.indexOf(':');
      const code = colon > 0 ? reason.slice(0, colon) : 'forbidden';
      handle({ code, message: reason.slice(colon + 1).trim() });
    });
}

/** Shows a refusal as a toast in the UI language (board wording first, e.g. "this board is full"). */
export function toastRefusal(error: { code: string; message: string }): void {
  const t = messagesFor(uiStore.getState().locale);
  const message = t.board.errors[error.code] ?? t.fromTo.errors[error.code] ?? describeError(t, error);
  uiStore.getState().pushToast({ message });
}
