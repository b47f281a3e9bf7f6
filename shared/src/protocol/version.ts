/**
 * Version of the Socket.io protocol (shared/src/protocol/events.ts). The client sends it in the
 * handshake (`auth: { token, protocol }`); the server refuses any other with `protocol_mismatch`,
 * so a page loaded before a deploy is told to reload instead of sending payloads the server no
 * longer reads. Raise it when an event, payload or answer changes incompatibly.
 */
export const PROTOCOL_VERSION = 1;
