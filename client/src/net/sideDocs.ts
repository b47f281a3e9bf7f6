import * as Y from 'yjs';
import type { BoardViewStore } from '../stores/boardViewStore';
import { openDocLink, type DocLink } from './docLink';
import { watchBoardDoc, type DocWatch } from './docWatch';

interface OpenDoc {
  name: string;
  doc: Y.Doc;
  link: DocLink;
  watch: DocWatch;
}

export interface SideDocOptions {
  yjsUrl: string;
  token: string;
  store: BoardViewStore;
  participantId: string | null;
  budget: () => number;
  /** Keep an IndexedDB copy (the person's own drafts) or not (a board they only read). */
  persist: boolean;
  /** Where the document's count of unsent changes goes; dropped when it closes. */
  unsent?: { set: (name: string, count: number) => void; drop: (name: string) => void };
}

/**
 * A second (or third) board document beside the table's board, opened only while it is needed:
 * a participant's private drafts during a private round, the plenary board in a plenary round.
 * `want(name)` opens that document (closing any other), `want(null)` closes it. Components read
 * the live Y.Doc through `subscribe`/`get` (useSyncExternalStore); snapshots go to `store`.
 */
export class SideDocSlot {
  private current: OpenDoc | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly opts: SideDocOptions) {}

  get = (): Y.Doc | null => this.current?.doc ?? null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  want(name: string | null): void {
    if ((this.current?.name ?? null) === name) return;
    this.close();
    if (name) this.open(name);
    for (const listener of this.listeners) listener();
  }

  refresh(): void {
    this.current?.watch.refresh();
  }

  private open(name: string): void {
    const { yjsUrl, token, store, participantId, budget, persist, unsent } = this.opts;
    const doc = new Y.Doc();
    store.getState().reset();
    const link = openDocLink({
      yjsUrl,
      name,
      doc,
      token,
      persist,
      onUnsent: unsent && ((count) => unsent.set(name, count)),
      // A refused side document does not end the page: the table board still works.
      onFinal: () => store.getState().update({ failed: true }),
    });
    link.provider.on('sync', (synced: boolean) => store.getState().update({ synced }));
    const watch = watchBoardDoc(doc, store, { participantId, budget });
    this.current = { name, doc, link, watch };
  }

  close(): void {
    const open = this.current;
    if (!open) return;
    this.current = null;
    open.watch.dispose();
    open.link.dispose();
    open.doc.destroy();
    // Changes still unsent stay in the IndexedDB copy and go out when the document reopens.
    this.opts.unsent?.drop(open.name);
    this.opts.store.getState().reset();
  }

  dispose(): void {
    this.close();
    this.listeners.clear();
  }
}
