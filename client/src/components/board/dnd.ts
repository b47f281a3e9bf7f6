import type { Column } from '@casusbord/shared';
import {
  KeyboardCode,
  PointerSensor,
  closestCenter,
  pointerWithin,
  type ClientRect,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type PointerSensorOptions,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import type { PointerEvent } from 'react';

/** What a dragged card carries (the draggable's `data`). */
export interface CardDrag {
  kind: 'card';
  cardId: string;
  column: Column;
}

/** What a drop zone carries: a cluster, or the column's loose cards (`clusterId` null). */
export interface ZoneDrop {
  kind: 'zone';
  column: Column;
  clusterId: string | null;
  /** The zone's name as a screen reader hears it ("Cluster „Samenwerking”", "Niet geclusterd"). */
  label: string;
}

/** Ids are unique within one board's DndContext (each shown board has its own). */
export const cardDragId = (cardId: string): string => `card:${cardId}`;
export const zoneDropId = (column: Column, clusterId: string | null): string => `zone:${column}:${clusterId ?? ''}`;

export function cardDrag(data: unknown): CardDrag | null {
  return (data as CardDrag | undefined)?.kind === 'card' ? (data as CardDrag) : null;
}

export function zoneDrop(data: unknown): ZoneDrop | null {
  return (data as ZoneDrop | undefined)?.kind === 'zone' ? (data as ZoneDrop) : null;
}

/**
 * The PointerSensor for mouse and pen only. A touch goes to the TouchSensor, which lifts the card
 * after a short hold: a finger that merely brushes the handle while scrolling moves nothing.
 */
export class MouseOrPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: (event: PointerEvent, options: PointerSensorOptions) =>
        event.nativeEvent.pointerType !== 'touch' && PointerSensor.activators[0]!.handler(event, options),
    },
  ];
}

function zonesOfColumn(containers: Iterable<DroppableContainer>, column: Column | undefined): DroppableContainer[] {
  return Array.from(containers).filter((c) => !c.disabled && zoneDrop(c.data.current)?.column === column);
}

const center = (rect: ClientRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });

/**
 * A card lands only in a zone of its own column. Pointer and touch: the zone under the finger or
 * cursor. Keyboard (no pointer): the zone under the middle of the card, else the nearest.
 */
export const detectZone: CollisionDetection = (args) => {
  const droppableContainers = zonesOfColumn(args.droppableContainers, cardDrag(args.active.data.current)?.column);
  const scoped = { ...args, droppableContainers };
  if (args.pointerCoordinates) return pointerWithin(scoped);
  const within = pointerWithin({ ...scoped, pointerCoordinates: center(args.collisionRect) });
  return within.length > 0 ? within : closestCenter(scoped);
};

/**
 * Keyboard dragging steps from zone to zone of the card's column in reading order: down or right
 * to the next, up or left to the previous. The card is put over the middle of the zone.
 */
export const zoneByKeyboard: KeyboardCoordinateGetter = (event, { context }) => {
  const step = {
    [KeyboardCode.Down]: 1,
    [KeyboardCode.Right]: 1,
    [KeyboardCode.Up]: -1,
    [KeyboardCode.Left]: -1,
  }[event.code];
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  const column = cardDrag(context.active?.data.current)?.column;
  if (!step || !collisionRect || column === undefined) return undefined;
  event.preventDefault();
  const zones = zonesOfColumn(droppableContainers.values(), column)
    .map((zone) => ({ id: zone.id, rect: droppableRects.get(zone.id) }))
    .filter((zone): zone is { id: UniqueIdentifier; rect: ClientRect } => zone.rect !== undefined)
    .sort((a, b) => a.rect.top - b.rect.top);
  const here = zones.findIndex((zone) => zone.id === over?.id);
  const target = zones[here === -1 ? (step > 0 ? 0 : zones.length - 1) : here + step];
  if (!target) return undefined;
  const middle = center(target.rect);
  return { x: middle.x - collisionRect.width / 2, y: middle.y - collisionRect.height / 2 };
};
