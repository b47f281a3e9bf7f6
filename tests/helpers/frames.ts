import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, subType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

function validUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const card = new Y.Map<unknown>();
  const text = new Y.Text();
  text.insert(0, 'Een geldige kaart');
  card.set('text', text);
  card.set('column', 'pitfall');
  doc.getMap('cards').set('k', card);
  return Y.encodeStateAsUpdate(doc);
}

/** Reproducers from the Yjs issue tracker, sent as the payload of a sync update. */
export const YJS_REPRODUCERS: Record<string, Uint8Array> = {
  // yjs#479: a base64 string that is no update at all ("garbagedoc").
  'yjs#479': new Uint8Array(Buffer.from('garbagedoc', 'base64')),
  // yjs#498: a zero-length update.
  'yjs#498': new Uint8Array(0),
  // yjs#687: run-length encoding abused to make the decoder loop or allocate without end (V2 bytes).
  'yjs#687': new Uint8Array(Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex')),
};

const KINDS = [
  'truncated',
  'wrongType',
  'random',
  'hugeLength',
  'mutatedUpdate',
  'reproducer',
  'badStateVector',
] as const;
export type FrameKind = (typeof KINDS)[number];

/** One malformed frame of a mixed kind; deterministic for a given random source. */
export function hostileFrame(rand: () => number): { kind: FrameKind; frame: Uint8Array } {
  const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  switch (kind) {
    case 'truncated': {
      const full = syncFrame(2, validUpdate());
      return { kind, frame: full.slice(0, 1 + Math.floor(rand() * (full.length - 2))) };
    }
    case 'wrongType':
      return { kind, frame: Uint8Array.from([4 + Math.floor(rand() * 200), ...bytes(8)]) };
    case 'random':
      // Leading 0 or 1 makes the server try to decode a sync or awareness message.
      return { kind, frame: Uint8Array.from([Math.floor(rand() * 2), ...bytes(1 + Math.floor(rand() * 64))]) };
    case 'hugeLength':
      return { kind, frame: Uint8Array.from([rand() < 0.5 ? 0 : 1, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, ...bytes(4)]) };
    case 'mutatedUpdate': {
      const update = validUpdate();
      for (let i = 0; i < 3; i++) update[Math.floor(rand() * update.length)] = Math.floor(rand() * 256);
      return { kind, frame: syncFrame(2, update) };
    }
    case 'reproducer': {
      const values = Object.values(YJS_REPRODUCERS);
      return { kind, frame: syncFrame(2, values[Math.floor(rand() * values.length)]!) };
    }
    case 'badStateVector':
      return { kind, frame: syncFrame(0, Uint8Array.from([0xff, 0xff, 0xff, ...bytes(3)])) };
  }
}
