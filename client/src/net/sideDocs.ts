import { FINAL_CLOSE_CODES } from '@casusbord/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BoardViewStore } from '../stores/boardViewStore';
import { watchBoardDoc, type DocWatch } from './docWatch';

interface OpenDoc {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  watch: DocWatch;
}

export interface SideDocOptions {
  yjsUrl: string;
  token: string;
  store: BoardViewStore;
  participantId: string | null;
  budget: () => number;
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
    const { yjsUrl, token, store, participantId, budget } = this.opts;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(yjsUrl, name, doc, {
      params: { token },
      disableBc: true,
      shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code),
    });
    store.getState().reset();
    provider.on('sync', (synced: boolean) => store.getState().update({ synced }));
    // A refused side document does not end the page: the table board still works.
    provider.on('closed', () => {
      provider.disconnect();
      store.getState().update({ failed: true });
    });
    const watch = watchBoardDoc(doc, store, { participantId, budget });
    this.current = { name, doc, provider, watch };
  }

  close(): void {
    const open = this.current;
    if (!open) return;
    this.current = null;
    open.watch.dispose();
    open.provider.destroy();
    open.doc.destroy();
    this.opts.store.getState().reset();
  }

  dispose(): void {
    this.close();
    this.listeners.clear();
  }
}
