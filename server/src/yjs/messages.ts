import type * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';

/** y-websocket message types. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Our state vector: the peer answers with what we miss. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return message(MESSAGE_SYNC, (encoder) => syncProtocol.writeSyncStep1(encoder, doc));
}

/** What the peer misses, given its state vector; throws on a malformed vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return message(MESSAGE_SYNC, (encoder) => syncProtocol.writeSyncStep2(encoder, doc, stateVector));
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return message(MESSAGE_SYNC, (encoder) => syncProtocol.writeUpdate(encoder, update));
}

export function encodeAwarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return message(MESSAGE_AWARENESS, (encoder) =>
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)),
  );
}

/**
 * y-websocket's permission-denied message; the official provider hands `reason` to its
 * permission-denied handler. We use it to say why a write was corrected (`<code>: <message>`).
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  return message(MESSAGE_AUTH, (encoder) => authProtocol.writePermissionDenied(encoder, reason));
}
