/**
 * One catalogue of error codes for both planes. HTTP routes map a code to its status;
 * Socket.io acks and WebSocket close reasons carry the same code strings.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  /** Issue 15: a co-host link the host has revoked; it opens nothing any more. */
  cohost_revoked: 401,
  forbidden: 403,
  not_found: 404,
  session_not_found: 404,
  conflict: 409,
  /** A round command that does not fit the current state (resume while running, …). */
  invalid_command: 409,
  session_full: 409,
  /** Issue 16: the session holds LIMITS.photosPerSession photos already. */
  photo_limit: 409,
  session_locked: 423,
  /** The client took too long to send its request. */
  request_timeout: 408,
  /** A conditional request (If-Match, If-Unmodified-Since) of a static file did not hold. */
  precondition_failed: 412,
  payload_too_large: 413,
  /** A path segment over 100 characters, or a /yjs URL over 2 KiB. */
  uri_too_long: 414,
  unsupported_media_type: 415,
  /** A Range header outside a static file. */
  range_not_satisfiable: 416,
  rate_limited: 429,
  /**
   * The Socket.io handshake carried another (or no) PROTOCOL_VERSION: the page is older than the
   * server and must be reloaded. Only a connect_error; 426 Upgrade Required names the fix.
   */
  protocol_mismatch: 426,
  /** The request's headers (with its first line) are over Node's 16 KiB. */
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * What a client is told for each code unless the thrower says more: the usual reason, so the same
 * words are not written at every place that refuses (`new AppError('forbidden')`).
 */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  bad_request: 'The request is not valid',
  validation_failed: 'The request does not match its schema',
  unauthorized: 'Missing or invalid token',
  cohost_revoked: 'The facilitator has revoked this co-host link',
  forbidden: 'Only the facilitator may do this',
  not_found: 'Not found',
  session_not_found: 'This session no longer exists',
  conflict: 'This conflicts with the current state; reload and try again',
  invalid_command: 'This command does not fit the current round',
  session_full: 'This session is full',
  photo_limit: 'This session holds the most photos it may have',
  session_locked: 'This session has been handed over and is read-only',
  request_timeout: 'The request took too long to arrive',
  precondition_failed: 'A precondition of the request does not hold',
  payload_too_large: 'The request body is too large',
  uri_too_long: 'The request path is too long',
  unsupported_media_type: 'Send the body as application/json',
  range_not_satisfiable: 'The requested range is not satisfiable',
  rate_limited: 'Too many requests; wait a moment and try again',
  protocol_mismatch: 'This page is out of date; reload it',
  headers_too_large: 'The request headers are too large',
  internal: 'Something went wrong on the server',
  unavailable: 'The server cannot do this right now; try again',
};

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** Body of every HTTP error response. */
export interface ErrorBody {
  error: ApiError;
}

/** Socket.io acknowledgement: every client→server event with a callback gets one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown inside handlers; turned into an HTTP error or a failed ack at the edge, never a crash. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string = ERROR_MESSAGES[code]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toJSON(): ApiError {
    return { code: this.code, message: this.message };
  }
}

/**
 * WebSocket close codes of the /yjs route (4000–4999 is the application range).
 * A client must not reconnect after 4401, 4403 or 4404: the answer will not change.
 */
export const CLOSE_CODES = {
  /** No token, or a token the server does not know. */
  unauthorized: 4401,
  /** The token is valid but may not open this document. */
  forbidden: 4403,
  /** The document name does not belong to any session. */
  notFound: 4404,
  /** The origin of the page is not on the allowlist. */
  badOrigin: 4400,
  /** A frame could not be decoded; only the sending connection is closed. */
  malformed: 4402,
  /** Too many messages in a short time. */
  rateLimited: 4429,
  /** This token or client address already has the most open connections allowed; close one (another tab). */
  tooManyConnections: 4430,
  /** The server could not persist an update; reconnect and resync. */
  storeFailure: 4500,
  /** The server is shutting down; reconnect. */
  goingAway: 1001,
  /** ws closes with this code when a frame exceeds the size limit. */
  tooLarge: 1009,
} as const;

/** Close codes after which reconnecting is pointless. */
export const FINAL_CLOSE_CODES: readonly number[] = [
  CLOSE_CODES.unauthorized,
  CLOSE_CODES.forbidden,
  CLOSE_CODES.notFound,
  CLOSE_CODES.badOrigin,
];
