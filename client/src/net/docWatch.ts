import {
  coreQuestionText,
  readClusters,
  readCardDetails,
  readLearnings,
  readOwnDots,
  tallyDots,
} from '@casusbord/shared';
import type * as Y from 'yjs';
import type { BoardViewStore } from '../stores/boardViewStore';

export interface DocWatch {
  /** Recomputes the snapshot, e.g. after the dot budget changed. */
  refresh: () => void;
  dispose: () => void;
}

/**
 * Pushes a plain snapshot of a board document into a view store after every transaction that
 * changed it (local or remote). One listener on 'update' instead of an observer per map: a
 * transaction touching cards, dots and clusters at once then yields one snapshot, not three.
 * `budget` is read on every push because the host may change the dots per person at any time.
 */
export function watchBoardDoc(
  doc: Y.Doc,
  store: BoardViewStore,
  opts: { participantId: string | null; budget: () => number },
): DocWatch {
  const push = () => {
    const budget = opts.budget();
    const own = opts.participantId ? readOwnDots(doc, opts.participantId) : new Map<string, number>();
    let ownUsed = 0;
    for (const n of own.values()) ownUsed += n;
    store.getState().update({
      cards: readCardDetails(doc),
      clusters: readClusters(doc),
      tally: Object.fromEntries(tallyDots(doc, budget)),
      ownDots: Object.fromEntries(own),
      ownUsed,
      learnings: Object.fromEntries(readLearnings(doc)),
      coreQuestion: coreQuestionText(doc).toString(),
    });
  };
  doc.on('update', push);
  push();
  return {
    refresh: push,
    dispose: () => doc.off('update', push),
  };
}
