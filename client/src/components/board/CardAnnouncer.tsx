import type { CardDetails } from '@casusbord/shared';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';

/** More new cards than this in one update came from a resync, not from people writing now. */
const MAX_LIVE_BATCH = 3;

/**
 * A polite live region that tells screen-reader users when someone else adds a card ("Nieuwe
 * kaart bij Valkuilen van Bram"). The cards present when the board first loads are not announced.
 */
export function CardAnnouncer({
  cards,
  synced,
  ownAuthorId,
  authorName,
}: {
  cards: readonly CardDetails[];
  /** The board has loaded from the server: from then on a card that appears is new. */
  synced: boolean;
  ownAuthorId: string;
  authorName: (authorId: string) => string;
}) {
  const t = useT();
  const known = useRef<Set<string> | null>(null);
  // The card, not the sentence: the sentence follows the language switch.
  const [latest, setLatest] = useState<CardDetails | null>(null);

  useEffect(() => {
    if (!synced) return;
    const seen = known.current;
    known.current = new Set(cards.map((c) => c.id));
    if (!seen) return;
    const added = cards.filter((c) => !seen.has(c.id) && c.authorId !== ownAuthorId);
    // Many at once is a catch-up after a reconnect, not someone writing: nothing to announce.
    const last = added.length <= MAX_LIVE_BATCH ? added.at(-1) : undefined;
    if (last) setLatest(last);
  }, [cards, synced, ownAuthorId]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="card-announcer">
      {latest ? t.board.announceCard(t.columnTitles[latest.column], authorName(latest.authorId)) : ''}
    </div>
  );
}
