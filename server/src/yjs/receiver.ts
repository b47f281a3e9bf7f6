import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { MalformedMessageError } from './connection';
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from './messages';

/**
 * One client frame of the y-websocket protocol, decoded. The room acts on these and never reads
 * the wire format itself; messages.ts writes the frames the server sends.
 */
export type ClientMessage =
  /** The client's state vector: answer with what it misses. */
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  /** A Yjs update (sync step 2 and incremental updates are applied alike). */
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  /** Permission messages travel server→client only; a client's is ignored. */
  | { kind: 'ignored' };

/** Decodes one binary frame; throws MalformedMessageError (close code 4400) on anything unreadable. */
export function readClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = read(decoder, decoding.readVarUint, 'unreadable message type');
  switch (type) {
    case MESSAGE_SYNC: {
      const subType = read(decoder, decoding.readVarUint, 'truncated sync message');
      const payload = read(decoder, decoding.readVarUint8Array, 'truncated sync message');
      if (subType === syncProtocol.messageYjsSyncStep1) return { kind: 'sync-step1', stateVector: payload };
      if (subType === syncProtocol.messageYjsSyncStep2 || subType === syncProtocol.messageYjsUpdate) {
        return { kind: 'update', update: payload };
      }
      throw new MalformedMessageError(`unknown sync message ${subType}`);
    }
    case MESSAGE_AWARENESS:
      return { kind: 'awareness', update: read(decoder, decoding.readVarUint8Array, 'invalid awareness update') };
    case MESSAGE_QUERY_AWARENESS:
      return { kind: 'query-awareness' };
    case MESSAGE_AUTH:
      return { kind: 'ignored' };
    default:
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

function read<T>(decoder: decoding.Decoder, readValue: (d: decoding.Decoder) => T, problem: string): T {
  try {
    return readValue(decoder);
  } catch {
    throw new MalformedMessageError(problem);
  }
}
