import type {
  ApiError,
  CreateSessionBody,
  CreateSessionResponse,
  HandoverResponse,
  JoinBody,
  JoinPreview,
  JoinResponse,
  ReopenResponse,
  SessionView,
} from '@casusbord/shared';

/** A failed API call: `code` is the server's error code, or 'network' when no answer came. */
export class ApiRequestError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = code;
    this.status = status;
  }
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** A JSON API call; an answer without a body (204) resolves as null. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch (err) {
    throw new ApiRequestError('network', err instanceof Error ? err.message : String(err), 0);
  }
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // A non-JSON answer (a proxy error page, an empty body) is handled below.
  }
  if (!res.ok) {
    const error = typeof payload === 'object' && payload !== null ? (payload as { error?: unknown }).error : undefined;
    if (isApiError(error)) throw new ApiRequestError(error.code, error.message, res.status);
    throw new ApiRequestError(res.status >= 500 ? 'unknown' : 'bad_request', res.statusText, res.status);
  }
  return payload as T;
}

export function createSession(body: CreateSessionBody): Promise<CreateSessionResponse> {
  return request('POST', '/api/sessions', { body });
}

/** With `memberKeys` (issue 16), the preview also says whose buddy is already in the session. */
export function fetchJoinPreview(code: string, memberKeys: readonly string[] = []): Promise<JoinPreview> {
  return request('GET', `/api/join/${encodeURIComponent(code)}`, {
    ...(memberKeys.length ? { headers: { 'x-member-key': memberKeys.join(',') } } : {}),
  });
}

export function joinSession(body: JoinBody): Promise<JoinResponse> {
  return request('POST', '/api/join', { body });
}

export function fetchSession(sessionId: string, token: string): Promise<SessionView> {
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}`, { token });
}

/** Host: lock the session and get the recipient's report link (shown once). */
export function handOverSession(sessionId: string, token: string): Promise<HandoverResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/handover`, { body: {}, token });
}

/** Host: make the boards writable again; report links keep working. */
export function reopenSession(sessionId: string, token: string): Promise<ReopenResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/reopen`, { body: {}, token });
}
