import type { ClusterSnapshot, BoardRights } from '@casusbord/shared';
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { BoardActions } from '../../board/useBoardActions';

/** What every column and card of one board needs; one provider per shown board (table, plenary). */
export interface BoardContextValue {
  /** 'table' for a table's board, 'plenary' for the plenary board; also prefixes DOM ids. */
  kind: 'table' | 'plenary';
  doc: Y.Doc;
  draftDoc: Y.Doc | null;
  rights: BoardRights;
  actions: BoardActions;
  ownAuthorId: string;
  authorName: (authorId: string) => string;
  clusters: ClusterSnapshot[];
  tally: Record<string, number>;
  ownDots: Record<string, number>;
  ownUsed: number;
  budget: number;
  /** Table card ids already on the plenary board. */
  promoted: ReadonlySet<string>;
  draftsSynced: boolean;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext outside a BoardContext provider');
  return value;
}
