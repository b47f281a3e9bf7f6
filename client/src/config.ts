/** Where the client finds the server: always the page's own origin (dev goes through the Vite proxy). */
export function yjsServerUrl(loc: Location = location): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}/yjs`;
}

/** The link participants open to join; the server's own link wins when it sends one. */
export function joinLinkFor(code: string, serverLink: string | undefined, loc: Location = location): string {
  return serverLink || `${loc.origin}/join/${encodeURIComponent(code)}`;
}

export const LOCALE_STORAGE_KEY = 'casusbord:locale';
