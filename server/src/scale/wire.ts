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
  | { type: 'awareness-query'; from: string };

const TYPES = ['update', 'awareness', 'awareness-query'] as const;

export function encodeWire(msg: WireMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, TYPES.indexOf(msg.type));
  encoding.writeVarString(encoder, msg.from);
  if (msg.type === 'update') encoding.writeVarUint(encoder, msg.seq);
  if (msg.type !== 'awareness-query') encoding.writeVarUint8Array(encoder, msg.update);
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
      default:
        return null;
    }
  } catch {
    return null;
  }
}
