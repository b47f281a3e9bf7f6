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
      encoding.writeVarString(encoder, msg.participantId);
      encoding.writeVarUint(encoder, msg.code);
      encoding.writeVarString(encoder, msg.reason);
      break;
    case 'read-only':
      encoding.writeVarString(encoder, msg.sessionId);
      encoding.writeVarUint(encoder, msg.locked ? 1 : 0);
      break;
    case 'session-closed':
      encoding.writeVarString(encoder, msg.sessionId);
      encoding.writeVarUint(encoder, msg.code);
      encoding.writeVarString(encoder, msg.reason);
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
        const participantId = decoding.readVarString(decoder);
        const code = decoding.readVarUint(decoder);
        return { type, from, participantId, code, reason: decoding.readVarString(decoder) };
      }
      case 'read-only': {
        const sessionId = decoding.readVarString(decoder);
        return { type, from, sessionId, locked: decoding.readVarUint(decoder) === 1 };
      }
      case 'session-closed': {
        const sessionId = decoding.readVarString(decoder);
        const code = decoding.readVarUint(decoder);
        return { type, from, sessionId, code, reason: decoding.readVarString(decoder) };
      }
      default:
        return null;
    }
  } catch {
    return null;
  }
}
