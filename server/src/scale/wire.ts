import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Messages between instances on a document's Redis channel. Every message names the instance that
 * sent it, so an instance ignores its own (Redis delivers a publish to the publisher's subscriber
 * connection too) and nothing is applied twice.
 */
export type WireMessage =
  /** An update the sender has already appended to the store as `seq`. */
  | { type: 'update'; from: string; seq: number; update: Uint8Array }
  /** A y-protocols awareness update of clients connected to the sender. */
  | { type: 'awareness'; from: string; update: Uint8Array }
  /** "I just opened this document: tell me who is here" (answered with awareness messages). */
  | { type: 'awareness-query'; from: string }
  /** Close this participant's connections to the document (moved to another table). */
  | { type: 'close'; from: string; participantId: string; code: number; reason: string }
  /** On the sessions channel: the session was handed over (locked) or reopened. */
  | { type: 'read-only'; from: string; sessionId: string; locked: boolean }
  /** On the sessions channel: the session is being deleted; close its documents, write nothing. */
  | { type: 'session-closed'; from: string; sessionId: string; code: number; reason: string };

const TYPES = ['update', 'awareness', 'awareness-query', 'close', 'read-only', 'session-closed'] as const;

/** Whom a closing message is about (a participant, a session), with the close code and reason. */
function writeClosing(encoder: encoding.Encoder, id: string, close: { code: number; reason: string }): void {
  encoding.writeVarString(encoder, id);
  encoding.writeVarUint(encoder, close.code);
  encoding.writeVarString(encoder, close.reason);
}

function readClosing(decoder: decoding.Decoder): { id: string; code: number; reason: string } {
  const id = decoding.readVarString(decoder);
  const code = decoding.readVarUint(decoder);
  return { id, code, reason: decoding.readVarString(decoder) };
}

export function encodeWire(msg: WireMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, TYPES.indexOf(msg.type));
  encoding.writeVarString(encoder, msg.from);
  switch (msg.type) {
    case 'update':
      encoding.writeVarUint(encoder, msg.seq);
      encoding.writeVarUint8Array(encoder, msg.update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, msg.update);
      break;
    case 'close':
      writeClosing(encoder, msg.participantId, msg);
      break;
    case 'read-only':
      encoding.writeVarString(encoder, msg.sessionId);
      encoding.writeVarUint(encoder, msg.locked ? 1 : 0);
      break;
    case 'session-closed':
      writeClosing(encoder, msg.sessionId, msg);
      break;
  }
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Null for anything that is not a well-formed message (never throws). */
export function decodeWire(data: Uint8Array): WireMessage | null {
  try {
    const decoder = decoding.createDecoder(data);
    const type = TYPES[decoding.readVarUint(decoder)];
    const from = decoding.readVarString(decoder);
    switch (type) {
      case 'update': {
        const seq = decoding.readVarUint(decoder);
        return { type, from, seq, update: decoding.readVarUint8Array(decoder) };
      }
      case 'awareness':
        return { type, from, update: decoding.readVarUint8Array(decoder) };
      case 'awareness-query':
        return { type, from };
      case 'close': {
        const { id: participantId, code, reason } = readClosing(decoder);
        return { type, from, participantId, code, reason };
      }
      case 'read-only': {
        const sessionId = decoding.readVarString(decoder);
        return { type, from, sessionId, locked: decoding.readVarUint(decoder) === 1 };
      }
      case 'session-closed': {
        const { id: sessionId, code, reason } = readClosing(decoder);
        return { type, from, sessionId, code, reason };
      }
      default:
        return null;
    }
  } catch {
    return null;
  }
}
