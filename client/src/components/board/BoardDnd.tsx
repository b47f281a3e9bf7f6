import { cardText, type Column } from '@casusbord/shared';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type Over,
} from '@dnd-kit/core';
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { useBoardContext } from './BoardContext';
import { MouseOrPenSensor, cardDrag, detectZone, zoneByKeyboard, zoneDrop } from './dnd';

/** Mouse or pen: this far (px) before a press becomes a drag, so clicks and text selection stay clicks. */
const POINTER_DISTANCE = 6;
/** Touch: hold this long (ms) without moving more than the tolerance (px) before the card lifts. */
const TOUCH_DELAY = 200;
const TOUCH_TOLERANCE = 8;
/** How much of a card's text a screen reader hears while it is dragged. */
const LABEL_CHARS = 60;

/**
 * Dragging cards into and out of clusters on one board, by mouse, pen, touch and keyboard
 * (@dnd-kit). Cards (Card.tsx) are the draggables, clusters and the loose cards (ClusterGroup.tsx)
 * the drop zones; who may drag follows the board's rights there, and the server checks again.
 */
export function BoardDnd({ children }: { children: ReactNode }) {
  const t = useT();
  const ctx = useBoardContext();
  const [dragged, setDragged] = useState<{ column: Column; text: string } | null>(null);
  const sensors = useSensors(
    useSensor(MouseOrPenSensor, { activationConstraint: { distance: POINTER_DISTANCE } }),
    useSensor(TouchSensor, { activationConstraint: { delay: TOUCH_DELAY, tolerance: TOUCH_TOLERANCE } }),
    useSensor(KeyboardSensor, { coordinateGetter: zoneByKeyboard }),
  );

  const { doc, actions } = ctx;
  const accessibility = useMemo(() => {
    const cardLabel = (active: Active): string => {
      const id = cardDrag(active.data.current)?.cardId;
      const text = (id && cardText(doc, id)?.toString().trim()) || '';
      return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
    };
    const zoneLabel = (over: Over | null): string | null => zoneDrop(over?.data.current)?.label ?? null;
    const announcements: Announcements = {
      onDragStart: ({ active }) => t.board.dragStart(cardLabel(active)),
      onDragOver: ({ over }) => {
        const zone = zoneLabel(over);
        return zone ? t.board.dragOver(zone) : t.board.dragOutside;
      },
      onDragEnd: ({ over }) => {
        const zone = zoneLabel(over);
        return zone ? t.board.dragEnd(zone) : t.board.dragCancel;
      },
      onDragCancel: () => t.board.dragCancel,
    };
    return { announcements, screenReaderInstructions: { draggable: t.board.dragInstructions } };
  }, [doc, t]);

  const onDragStart = ({ active }: DragStartEvent) => {
    const card = cardDrag(active.data.current);
    if (card) setDragged({ column: card.column, text: cardText(doc, card.cardId)?.toString() ?? '' });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const card = cardDrag(active.data.current);
    const zone = zoneDrop(over?.data.current);
    // detectZone offers only zones of the card's column; checked again because the board may
    // have changed under the finger (a cluster removed by someone else).
    if (card && zone && zone.column === card.column) actions.moveToCluster(card.cardId, zone.clusterId);
  };

  return (
    <DndContext
      id={`${ctx.kind}-dnd`}
      sensors={sensors}
      collisionDetection={detectZone}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {dragged && (
          <div
            className="card drag-preview"
            data-testid="drag-preview"
            style={{ '--col': `var(--col-${dragged.column})` } as CSSProperties}
          >
            {dragged.text}
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
