import {
  coreQuestionText,
  readClusters,
  readCardDetails,
  readLearnings,
  readMovements,
  readOwnDots,
  readOwnMovementDots,
  tallyDots,
  tallyMovementDots,
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
    const ownRows = opts.participantId ? readOwnMovementDots(doc, opts.participantId) : new Map<string, number>();
    const sum = (dots: Map<string, number>) => [...dots.values()].reduce((a, b) => a + b, 0);
    store.getState().update({
      cards: readCardDetails(doc),
      clusters: readClusters(doc),
      tally: Object.fromEntries(tallyDots(doc, budget)),
      ownDots: Object.fromEntries(own),
      ownUsed: sum(own),
      learnings: Object.fromEntries(readLearnings(doc)),
      coreQuestion: coreQuestionText(doc).toString(),
      movements: readMovements(doc),
      movementTally: Object.fromEntries(tallyMovementDots(doc, budget)),
      ownMovementDots: Object.fromEntries(ownRows),
      ownMovementUsed: sum(ownRows),
    });
  };
  doc.on('update', push);
  push();
  return {
    refresh: push,
    dispose: () => doc.off('update', push),
  };
}
