import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as authProtocol from 'y-protocols/auth';
import type * as decoding from 'lib0/decoding';
import { waitFor } from './wait';

export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** The official y-websocket client in Node, exactly as the contract in docs/API.md shows it. */
export function connectPeer(wsUrl: string, docName: string, token: string, opts: { connect?: boolean } = {}): Peer {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/yjs`, docName, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: opts.connect ?? true,
    disableBc: true,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function synced(peer: Peer, timeoutMs = 5000): Promise<void> {
  await waitFor('provider sync', () => peer.provider.synced, timeoutMs);
}

/** connectPeer, added to `peers` (for the test to destroy), once it has synced. */
export async function syncedPeer(wsUrl: string, docName: string, token: string, peers: Peer[]): Promise<Peer> {
  const peer = connectPeer(wsUrl, docName, token);
  peers.push(peer);
  await synced(peer);
  return peer;
}

/**
 * Records the permission-denied reasons the server sends this peer (`not_allowed: …`,
 * `card_too_long: …`); the official provider would only log them.
 */
export function recordRefusals(peer: Peer): string[] {
  const reasons: string[] = [];
  peer.provider.messageHandlers[2] = (_encoder: unknown, decoder: decoding.Decoder) =>
    authProtocol.readAuthMessage(decoder, peer.doc, (_doc, reason) => reasons.push(reason));
  return reasons;
}
