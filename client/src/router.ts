import { useMemo, useSyncExternalStore } from 'react';

/** The pages of the app; history-based, no library. */
export type Route =
  | { name: 'home'; code: string | null }
  | { name: 'board'; sessionId: string }
  | { name: 'host'; sessionId: string }
  | { name: 'beamer'; sessionId: string }
  /** A community's archive; its token travels in the URL fragment, never in the path. */
  | { name: 'archive'; communityId: string }
  /** The accessibility statement (issue 18). */
  | { name: 'accessibility' }
  | { name: 'notFound' };

const NAVIGATE_EVENT = 'casusbord:navigate';

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'home', code: null };
  const [first, second] = parts;
  if (parts.length === 1 && first === 'toegankelijkheid') return { name: 'accessibility' };
  if (parts.length === 2 && second !== undefined) {
    const value = decode(second);
    if (value && first === 'join') return { name: 'home', code: value };
    if (value && first === 's') return { name: 'board', sessionId: value };
    if (value && first === 'archief') return { name: 'archive', communityId: value };
  }
  // The facilitator's screens: /s/<id>/host and /s/<id>/beamer.
  const [, , third] = parts;
  if (parts.length === 3 && first === 's' && second !== undefined && (third === 'host' || third === 'beamer')) {
    const value = decode(second);
    if (value) return { name: third, sessionId: value };
  }
  return { name: 'notFound' };
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => location.pathname);
  return useMemo(() => parseRoute(pathname), [pathname]);
}

export function boardPath(sessionId: string): string {
  return `/s/${encodeURIComponent(sessionId)}`;
}

export function hostPath(sessionId: string): string {
  return `${boardPath(sessionId)}/host`;
}

export function beamerPath(sessionId: string): string {
  return `${boardPath(sessionId)}/beamer`;
}

export function archivePath(communityId: string): string {
  return `/archief/${encodeURIComponent(communityId)}`;
}

export const ACCESSIBILITY_PATH = '/toegankelijkheid';
