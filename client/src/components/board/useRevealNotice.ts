import { type TableState, isPrivatePhase } from '@casusbord/shared';
import { useEffect, useRef } from 'react';
import { messagesFor } from '../../i18n';
import { uiStore } from '../../stores/uiStore';

/** Tells participants when the host has revealed the private cards of the round they are in. */
export function useRevealNotice(table: TableState | null, enabled: boolean): void {
  const privateNow = isPrivatePhase(table);
  const roundId = table ? (table.round.rounds[table.round.roundIndex]?.id ?? null) : null;
  const previous = useRef({ privateNow, roundId });
  useEffect(() => {
    const was = previous.current;
    if (enabled && was.privateNow && !privateNow && was.roundId === roundId) {
      uiStore.getState().pushToast({ message: messagesFor(uiStore.getState().locale).board.revealed });
    }
    previous.current = { privateNow, roundId };
  }, [privateNow, roundId, enabled]);
}
