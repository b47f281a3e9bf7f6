import { sessionOfDoc, type PresenceEntry, type SessionState, type SessionView } from '@casusbord/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { ApiRequestError, fetchSession } from './api';

/*
 * What this browser keeps of a session so that a flaky network loses nothing: each board
 * document the person writes to (IndexedDB via y-indexeddb) and the last session view and round
 * state (localStorage), so that a reload without a server connection still shows the board.
 * Everything is keyed by session, document AND token holder: two people on one laptop, or the
 * same person with a new token, never read each other's copy. Everything of a session is
 * deleted when the session is gone, the person leaves, or the server refuses their token.
 */

const DB_PREFIX = 'casusbord:doc:';
const SNAPSHOT_PREFIX = 'casusbord:snapshot:';
const INDEX_PREFIX = 'casusbord:offline:';

/**
 * A short, stable id of a token holder (53-bit cyrb53 hash, hex): the token itself never goes
 * into a database name or key. Not cryptographic; it only keeps holders apart, and works on
 * plain-http LAN addresses where crypto.subtle is missing.
 */
export function holderKey(token: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < token.length; i++) {
    const ch = token.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** The session of a document (board, drafts, plenary); a name without one is its own key. */
export function sessionKeyOfDoc(docName: string): string {
  return sessionOfDoc(docName) ?? docName;
}

export function cacheName(docName: string, token: string): string {
  return `${DB_PREFIX}${docName}:${holderKey(token)}`;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // disabled storage throws on access
  }
}

function readJson<T>(key: string): T | null {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the page still works, it just cannot start offline.
  }
}

/** Database names of a session, also where indexedDB.databases() is missing. */
function indexOf(sessionId: string): string[] {
  const names = readJson<unknown>(INDEX_PREFIX + sessionId);
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

/** Keeps a document in IndexedDB; null where IndexedDB is unavailable (some private modes). */
export function openDocCache(docName: string, token: string, doc: Y.Doc): IndexeddbPersistence | null {
  if (typeof indexedDB === 'undefined') return null;
  const name = cacheName(docName, token);
  const sessionId = sessionKeyOfDoc(docName);
  const names = indexOf(sessionId);
  if (!names.includes(name)) writeJson(INDEX_PREFIX + sessionId, [...names, name]);
  try {
    return new IndexeddbPersistence(name, doc);
  } catch {
    return null;
  }
}

function deleteDb(name: string): void {
  try {
    // Waits for open connections to close (the page disposes its docs right after), then deletes.
    indexedDB.deleteDatabase(name);
  } catch {
    // Nothing to do: IndexedDB unavailable.
  }
}

/** Drops one holder's copy of one document, e.g. after the server refused it (4403). */
export function forgetDocCache(docName: string, token: string, open?: IndexeddbPersistence | null): void {
  const name = cacheName(docName, token);
  if (open) void open.destroy();
  if (typeof indexedDB !== 'undefined') deleteDb(name);
  const sessionId = sessionKeyOfDoc(docName);
  writeJson(
    INDEX_PREFIX + sessionId,
    indexOf(sessionId).filter((n) => n !== name),
  );
}

/** Drops everything this browser keeps of a session: every document copy and every snapshot. */
export function forgetSessionCache(sessionId: string): void {
  const store = storage();
  if (store) {
    const doomed: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(`${SNAPSHOT_PREFIX}${sessionId}:`)) doomed.push(key);
    }
    for (const key of doomed) store.removeItem(key);
  }
  if (typeof indexedDB === 'undefined') return;
  const names = new Set(indexOf(sessionId));
  store?.removeItem(INDEX_PREFIX + sessionId);
  for (const name of names) deleteDb(name);
  // Also copies the index lost track of (storage cleared by hand, a full quota).
  void indexedDB
    .databases?.()
    .then((dbs) => {
      for (const db of dbs) {
        if (db.name?.startsWith(`${DB_PREFIX}${sessionId}.`) && !names.has(db.name)) deleteDb(db.name);
      }
    })
    .catch(() => undefined);
}

/** The last session view and round state this holder saw, to start the page without the server. */
export interface SessionSnapshot {
  view?: SessionView;
  state?: SessionState;
  /** serverNow − local time when `state` arrived, ms. */
  skewMs?: number;
  /** The last presence list: after an offline start it still names the authors of the cards. */
  presence?: PresenceEntry[];
}

function snapshotKey(sessionId: string, token: string): string {
  return `${SNAPSHOT_PREFIX}${sessionId}:${holderKey(token)}`;
}

export function loadSnapshot(sessionId: string, token: string): SessionSnapshot {
  const snap = readJson<SessionSnapshot>(snapshotKey(sessionId, token));
  return snap && typeof snap === 'object' ? snap : {};
}

export function saveSnapshot(sessionId: string, token: string, patch: SessionSnapshot): void {
  writeJson(snapshotKey(sessionId, token), { ...loadSnapshot(sessionId, token), ...patch });
}

/**
 * The session view from the server, or this holder's saved copy when no answer came (network
 * down, a proxy's 5xx while the server restarts). Answers that will not change (404, 401…)
 * are passed on, so the page can forget the session.
 */
export async function fetchSessionOrCopy(
  sessionId: string,
  token: string,
): Promise<{ view: SessionView; fromCache: boolean }> {
  try {
    const view = await fetchSession(sessionId, token);
    saveSnapshot(sessionId, token, { view });
    return { view, fromCache: false };
  } catch (err) {
    const unreachable = err instanceof ApiRequestError && (err.code === 'network' || err.status >= 500);
    const saved = unreachable ? loadSnapshot(sessionId, token).view : undefined;
    if (saved) return { view: saved, fromCache: true };
    throw err;
  }
}
