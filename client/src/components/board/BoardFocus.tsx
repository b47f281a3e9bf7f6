import {
  PLENARY_GROUP_ID,
  boardRights,
  focusView,
  plenaryBoardRights,
  type BoardRights,
  type EventPayload,
  type Focus,
  type Role,
  type SessionState,
  type TableState,
} from '@casusbord/shared';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { applyBoardScroll, readBoardScroll } from '../../board/focusScroll';
import { useT } from '../../i18n';
import { sendControl, useSideDoc } from '../../net/activeBoard';
import { boardViewStore, plenaryViewStore, useBoardView, visitViewStore } from '../../stores/boardViewStore';
import { uiStore } from '../../stores/uiStore';
import '../../styles/cockpit.css';

/** What the board page shows for "bring everyone here" (issue 15). */
export interface BoardFocus {
  /** Another table's board, read-only, in place of the participant's own. */
  visit: { doc: Y.Doc; table: TableState; rights: BoardRights } | null;
  /** The plenary board must show (everyone was brought there). */
  onPlenary: boolean;
  /** The banner above the board: where the facilitator brought everyone, and the way out or back. */
  banner: ReactNode;
}

function boardName(focus: Focus, state: SessionState, plenary: string): string {
  if (focus.groupId === PLENARY_GROUP_ID) return plenary;
  return state.tables.find((t) => t.id === focus.groupId)?.name ?? focus.groupId;
}

/**
 * A participant's side of "bring everyone here": while the focus lasts they see the board the
 * facilitator brought everyone to (their own, another table's read-only, or the plenary one), at
 * the facilitator's place on it, until they go back to their table; one click brings them back.
 */
export function useBoardFocus(opts: {
  state: SessionState | null;
  role: Role;
  participantId: string | null;
  groupId: string;
}): BoardFocus {
  const { state, role, participantId, groupId } = opts;
  const t = useT();
  const [leftId, setLeftId] = useState<number | null>(null);
  const seen = focusView(state?.focus ?? null, role, leftId);
  const focus = seen.show === 'none' ? null : seen.focus;
  const here = seen.show === 'here';
  const visitDoc = useSideDoc('visit');
  const table = focus && state ? (state.tables.find((tb) => tb.id === focus.groupId) ?? null) : null;
  const foreign = table !== null && table.id !== groupId;
  const onPlenary = here && focus?.groupId === PLENARY_GROUP_ID;
  const rights = useMemo(
    () =>
      table && state
        ? // A visitor reads: the plenary board's read-only rights, without its plenary note.
          { ...plenaryBoardRights(boardRights({ state, table, role, participantId }), role), plenaryReadOnly: false }
        : null,
    [table, state, role, participantId],
  );

  // The board shown has its cards: then the facilitator's place on it can be found.
  const ownSynced = useBoardView(boardViewStore, (s) => s.synced);
  const visitSynced = useBoardView(visitViewStore, (s) => s.synced);
  const plenarySynced = useBoardView(plenaryViewStore, (s) => s.synced);
  const ready = onPlenary ? plenarySynced : foreign ? visitSynced : ownSynced;
  useEffect(() => {
    if (!here || !focus || !ready) return;
    const frame = requestAnimationFrame(() => applyBoardScroll(focus));
    return () => cancelAnimationFrame(frame);
    // Once per bring (and per return), not on every state: a participant may scroll on from there.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [here, focus?.id, ready]);

  let banner: ReactNode = null;
  if (focus && state) {
    const name = boardName(focus, state, t.cockpit.plenaryBoard);
    banner = here ? (
      <div className="notice focus-banner" role="status" data-testid="focus-banner" data-focus-id={focus.id}>
        <p>
          <strong>{t.cockpit.broughtHere}</strong>
          {foreign && table && <> · {t.cockpit.visiting(table.name)}</>}
        </p>
        <button type="button" className="button small" data-testid="focus-leave" onClick={() => setLeftId(focus.id)}>
          {t.cockpit.backToTable}
        </button>
      </div>
    ) : (
      <div className="notice focus-away" role="status" data-testid="focus-away">
        <p>{t.cockpit.elsewhere(name)}</p>
        <button type="button" className="button small" data-testid="focus-return" onClick={() => setLeftId(null)}>
          {t.cockpit.rejoin}
        </button>
      </div>
    );
  }
  return {
    visit: here && foreign && visitDoc && table && rights ? { doc: visitDoc, table, rights } : null,
    onPlenary,
    banner,
  };
}

/**
 * The facilitator's "bring everyone here" on the board they look at (case day): this board (a
 * table's or the plenary one), its round and the place on it become everyone's view.
 */
export function BringEveryone({ state, boardGroupId }: { state: SessionState; boardGroupId: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  if (!state.plenaryDocName) return null;
  const here = state.focus?.groupId === boardGroupId;
  const send = async (payload: EventPayload<'host:focus'>, done: string) => {
    if (busy) return;
    setBusy(true);
    const res = await sendControl('host:focus', payload);
    setBusy(false);
    uiStore.getState().pushToast({ message: res.ok ? done : t.host.failedToast(res.error.message), timeoutMs: 3000 });
  };
  return (
    <div className="bring-everyone" data-testid="bring-everyone" data-active={here}>
      <button
        type="button"
        className="button small primary"
        title={t.cockpit.bringHint}
        aria-disabled={busy || undefined}
        data-testid="focus-bring"
        onClick={() => void send({ action: 'bring', groupId: boardGroupId, ...readBoardScroll() }, t.cockpit.brought)}
      >
        {here ? t.cockpit.bringAgain : t.cockpit.bring}
      </button>
      {state.focus && (
        <button
          type="button"
          className="button small"
          aria-disabled={busy || undefined}
          data-testid="focus-release"
          onClick={() => void send({ action: 'release' }, t.cockpit.released)}
        >
          {t.cockpit.release}
        </button>
      )}
      {here && (
        <span className="muted small" role="status">
          {t.cockpit.brought}
        </span>
      )}
    </div>
  );
}
