/** Size limits shared by the validation schemas, the server and the UI (characters unless noted). */
export const LIMITS = {
  titleChars: 200,
  cityChars: 100,
  questionChars: 2000,
  contextChars: 5000,
  nameChars: 60,
  cardChars: 2000,
  /** Cards on one board (table, plenary or draft document). The benchmark syncs a 500-card board. */
  cardsPerBoard: 1000,
  /** Clusters on one board. */
  clustersPerBoard: 200,
  /** A join code as the user may type it, before normalisation (spaces, dashes). */
  codeInputChars: 32,
  /** HTTP JSON body, bytes. */
  httpBodyBytes: 64 * 1024,
  /** One WebSocket frame on /yjs, bytes. */
  wsFrameBytes: 1024 * 1024,
  /** One Socket.io message, bytes. */
  socketMessageBytes: 64 * 1024,
  participantsPerSession: 40,
} as const;

/** Join codes use no characters that are easily confused when read aloud or typed (0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** Upper-cases a typed code and drops spaces and dashes: " ab3-k9x " → "AB3K9X". */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
