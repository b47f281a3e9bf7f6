import type { Column } from '@casusbord/shared';
import type { DragEvent } from 'react';

/** Drag data type of a card of `column`; browsers lower-case types, and so are the columns. */
export function dragType(column: Column): string {
  return `application/x-casusbord-card-${column}`;
}

/** The dragged card comes from `column` (readable during dragover, when the data itself is not). */
export function carriesCard(event: DragEvent, column: Column): boolean {
  return Array.from(event.dataTransfer.types).includes(dragType(column));
}
