import type {
  ArchiveQuery,
  ArchiveResponse,
  BookletQuery,
  CommunityView,
  CreateCommunityResponse,
  LensesResponse,
  LensSetId,
  SearchResponse,
} from '@casusbord/shared';
import { ApiRequestError, isApiError, request } from './api';

/**
 * The community routes of issue 9 (docs/API.md). Every call but creation carries the member
 * token or the facilitator key as a Bearer header; the token never goes into a URL.
 */

const base = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}`;

export function createCommunity(name: string): Promise<CreateCommunityResponse> {
  return request('POST', '/api/communities', { body: { name } });
}

export function fetchCommunity(communityId: string, token: string): Promise<CommunityView> {
  return request('GET', base(communityId), { token });
}

export function fetchArchive(communityId: string, token: string, filters: ArchiveQuery = {}): Promise<ArchiveResponse> {
  const params = new URLSearchParams();
  if (filters.city) params.set('city', filters.city);
  if (filters.year !== undefined) params.set('year', String(filters.year));
  if (filters.theme) params.set('theme', filters.theme);
  const query = params.toString();
  return request('GET', `${base(communityId)}/archive${query ? `?${query}` : ''}`, { token });
}

export function searchArchive(communityId: string, token: string, q: string, limit = 20): Promise<SearchResponse> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  return request('GET', `${base(communityId)}/search?${params.toString()}`, { token });
}

/** Facilitator key only; resolves once the community and everything in it is gone. */
export async function deleteCommunity(communityId: string, key: string): Promise<void> {
  await request('DELETE', base(communityId), { token: key });
}

export function fetchLenses(sessionId: string, token: string, set: LensSetId = 'pitfalls'): Promise<LensesResponse> {
  const query = set === 'pitfalls' ? '' : `?set=${encodeURIComponent(set)}`;
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}/lenses${query}`, { token });
}

export type ReportFormat = 'html' | 'md' | 'docx' | 'pdf';

/** The report downloads a page offers, in this order, with the name people know each format by. */
export const REPORT_DOWNLOADS: readonly { format: ReportFormat; label: string }[] = [
  { format: 'docx', label: 'Word' },
  { format: 'pdf', label: 'PDF' },
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
];

export interface FetchedFile {
  blob: Blob;
  /** From Content-Disposition, else a fallback. */
  filename: string;
}

/** The file name the server proposes in `Content-Disposition`, if any. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // Fall through to the plain parameter.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}

/** A file download with the token in a header (so it cannot be a plain link); errors as in `request`. */
export async function fetchFile(path: string, token: string, fallbackName: string): Promise<FetchedFile> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch (err) {
    throw new ApiRequestError('network', err instanceof Error ? err.message : String(err), 0);
  }
  if (!res.ok) {
    let payload: unknown = null;
    try {
      payload = await res.json();
    } catch {
      // Not JSON: handled below.
    }
    const error = typeof payload === 'object' && payload !== null ? (payload as { error?: unknown }).error : undefined;
    if (isApiError(error)) throw new ApiRequestError(error.code, error.message, res.status);
    throw new ApiRequestError(res.status >= 500 ? 'unknown' : 'bad_request', res.statusText, res.status);
  }
  const blob = await res.blob();
  return { blob, filename: dispositionFilename(res.headers.get('content-disposition')) ?? fallbackName };
}

export function fetchArchiveReport(
  communityId: string,
  sessionId: string,
  token: string,
  format: ReportFormat,
  lang?: 'nl' | 'en',
): Promise<FetchedFile> {
  const query = new URLSearchParams({ format });
  // The report's language follows the reader's UI where the server supports it (as /api/reports does).
  if (lang) query.set('lang', lang);
  const path = `${base(communityId)}/archive/${encodeURIComponent(sessionId)}/report?${query.toString()}`;
  return fetchFile(path, token, `adviesrapport.${format}`);
}

/** Issue 16: the community booklet of a period (GET /api/communities/:id/booklet). */
export function fetchBooklet(communityId: string, token: string, query: BookletQuery): Promise<FetchedFile> {
  const params = new URLSearchParams({ format: query.format, lang: query.lang, from: query.from, to: query.to });
  return fetchFile(`${base(communityId)}/booklet?${params.toString()}`, token, `boekje.${query.format}`);
}

export function fetchArchiveZip(communityId: string, token: string): Promise<FetchedFile> {
  return fetchFile(`${base(communityId)}/export.zip`, token, 'archief.zip');
}

/** Hands a fetched file to the browser as a download. */
export function saveFile(file: FetchedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- the archive token of this tab ----

const tokenKey = (communityId: string) => `casusbord:community:${communityId}`;

/**
 * The member token or facilitator key for a community, kept in sessionStorage: it survives a
 * reload of the archive page but not the closing of the tab, and never sits in the address bar.
 */
export function loadCommunityToken(communityId: string, storage: Storage = sessionStorage): string | null {
  try {
    return storage.getItem(tokenKey(communityId)) || null;
  } catch {
    return null;
  }
}

export function saveCommunityToken(communityId: string, token: string, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(tokenKey(communityId), token);
  } catch {
    // Storage disabled: the page still works until it is reloaded.
  }
}

export function forgetCommunityToken(communityId: string, storage: Storage = sessionStorage): void {
  try {
    storage.removeItem(tokenKey(communityId));
  } catch {
    // Nothing to do.
  }
}

/**
 * Takes the token from the URL fragment (`#<token>`), stores it and strips it from the address
 * bar and history entry, so it is not left on screen, in a screenshot or in a shared URL.
 * Returns the token to use: the fragment's, else the stored one.
 */
export function adoptFragmentToken(communityId: string): string | null {
  const fragment = location.hash.replace(/^#/, '').trim();
  if (fragment) {
    saveCommunityToken(communityId, fragment);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fragment;
  }
  return loadCommunityToken(communityId);
}
