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
  /**
   * One document's encoded size, bytes: past it a client's update may only delete. A full board
   * (1000 cards of 2000 characters) encodes to about 2.1 MB.
   */
  docBytes: 8 * 1024 * 1024,
  /** Tables of a case day (each has its own board; the host page watches them all). */
  tablesPerSession: 12,
  /** The most dots a host can give each person (the default is 3). */
  dotsPerPersonMax: 20,
  /**
   * Open /yjs connections per participant or recipient token (per server instance). A participant's
   * page opens at most four documents (the table's board, the private draft, the plenary board,
   * and another table's board while the facilitator brought everyone there); two tabs make eight,
   * and a reconnect can overlap the old socket's close for a moment: 10. One token with 200
   * connections would otherwise get 200 times the per-connection message rate.
   */
  yjsConnectionsPerToken: 10,
  /**
   * Open /yjs connections per host token: the host page watches every table's board and the
   * plenary board (at most tablesPerSession + 1); in two tabs that is 26, plus a board tab of the host's own: 32.
   */
  yjsConnectionsPerHostToken: 32,
  /**
   * Open Socket.io connections per token (any role): one per page — a participant's board in two
   * tabs, the host page, the beamer and a board tab — with room for a reconnect that overlaps.
   */
  socketsPerToken: 8,
  /**
   * Issue 16, site-visit photos (docs/API.md, "Photos"). One upload's body, bytes: a phone's photo
   * at full resolution is 2–6 MB.
   */
  photoUploadBytes: 8 * 1024 * 1024,
  /** Pixels (width × height) an upload may have; the server does not decode a larger one (a 48 MP phone bins to 12 MP). */
  photoInputPixels: 50_000_000,
  /** Long edge of a stored photo, px: crisp in Word and PDF at A4 width, ≈ 300–500 KB as JPEG. */
  photoEdgePx: 2048,
  /** Long edge of the preview the board and the web report show, px (≈ 60 KB). */
  photoPreviewEdgePx: 640,
  /** Photos one session may hold (a case day's walk through the neighbourhood, with room to spare). */
  photosPerSession: 60,
  /** Uploads one token may make per minute (each is decoded and re-encoded on the server). */
  photoUploadsPerMinute: 12,
  /** A photo's caption, characters. */
  photoCaptionChars: 200,
  /** Issue 16, the book-club round: a review's title, author, link and one sentence why; a reaction. */
  reviewTitleChars: 200,
  reviewAuthorChars: 120,
  reviewLinkChars: 500,
  reviewWhyChars: 300,
  reviewReactionChars: 300,
  /** Reviews on one board (two or three per meeting, with room to spare). */
  reviewsPerBoard: 30,
  /** Issue 16: rows of one board's from → to table (a group names a handful of movements). */
  movementsPerBoard: 50,
  /** One cell (from, or to) of a from → to row, characters. */
  movementChars: 300,
  /** Issue 16, the dilemma line: the dilemma in one sentence (optional), characters. */
  dilemmaTextChars: 200,
  /** One pole of a dilemma, characters. */
  dilemmaPoleChars: 120,
  /** Dilemmas one session may hold (the host sets a new one when the group names another). */
  dilemmasPerSession: 12,
  /**
   * Issue 15: the case holder's private notes (Roddelmethode), characters. Fits the HTTP body limit
   * even when every character is JSON-escaped.
   */
  privateNoteChars: 8000,
} as const;

/** Join codes use no characters that are easily confused when read aloud or typed (0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** Upper-cases a typed code and drops spaces and dashes: " ab3-k9x " → "AB3K9X". */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
