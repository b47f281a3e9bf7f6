import type { CardDetails, ClusterSnapshot, MovementSnapshot } from '@casusbord/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Plain snapshot of one board document beyond the card texts: clusters, dots, reactions, the
 * core question and learning points. One instance per open document (the table's board, the
 * participant's private drafts, the plenary board); the bridge fills them, the Y.Doc stays outside.
 */
export interface BoardViewState {
  /** Every well-formed card with its optional fields, oldest first. */
  cards: CardDetails[];
  clusters: ClusterSnapshot[];
  /** card id → dots of everyone, each person capped at the dot budget (tallyDots). */
  tally: Record<string, number>;
  /** card id → this person's own dots, as written in the doc. */
  ownDots: Record<string, number>;
  /** Sum of `ownDots`. */
  ownUsed: number;
  /** participant id → learning point (closing round). */
  learnings: Record<string, string>;
  coreQuestion: string;
  /** Issue 16: the from → to table's rows (oldest first), dots on them (capped) and this person's own. */
  movements: MovementSnapshot[];
  movementTally: Record<string, number>;
  ownMovementDots: Record<string, number>;
  ownMovementUsed: number;
  /** The document has exchanged state with the server since it was opened (drafts: saved). */
  synced: boolean;
  /** The server refused this document for good (a final close code). */
  failed: boolean;
  update: (patch: Partial<Omit<BoardViewState, 'update' | 'reset'>>) => void;
  reset: () => void;
}

const initial = {
  cards: [],
  clusters: [],
  tally: {},
  ownDots: {},
  ownUsed: 0,
  learnings: {},
  coreQuestion: '',
  movements: [],
  movementTally: {},
  ownMovementDots: {},
  ownMovementUsed: 0,
  synced: false,
  failed: false,
};

export function createBoardViewStore() {
  return createStore<BoardViewState>()((set) => ({
    ...initial,
    update: (patch) => set(patch),
    reset: () => set({ ...initial }),
  }));
}

export type BoardViewStore = ReturnType<typeof createBoardViewStore>;

/** The table's board (or, for the host, the table being viewed). */
export const boardViewStore = createBoardViewStore();
/** The participant's own draft document during private writing. */
export const draftViewStore = createBoardViewStore();
/** The plenary board of a case day, during plenary rounds. */
export const plenaryViewStore = createBoardViewStore();
/** Another table's board while the facilitator has brought everyone there (issue 15). */
export const visitViewStore = createBoardViewStore();

export function useBoardView<T>(store: BoardViewStore, selector: (state: BoardViewState) => T): T {
  return useStore(store, selector);
}
