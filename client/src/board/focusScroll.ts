import { COLUMNS, type Column, type Focus } from '@casusbord/shared';

/*
 * "Bring everyone here" carries the facilitator's place on the board: the page's scroll (a narrow
 * screen scrolls the page) and each column's (the columns scroll on their own), as fractions, so
 * the same spot shows on every screen size.
 */

type Scrollable = Pick<
  HTMLElement,
  'scrollTop' | 'scrollLeft' | 'scrollHeight' | 'scrollWidth' | 'clientHeight' | 'clientWidth'
>;

const fractionOf = (offset: number, size: number, view: number): number =>
  size > view ? Math.min(1, Math.max(0, offset / (size - view))) : 0;

const columnBody = (column: Column): HTMLElement | null =>
  document.querySelector<HTMLElement>(`.board-main [data-testid="column-${column}"] .column-body`);

function pageScroller(): Scrollable {
  return document.scrollingElement ?? document.documentElement;
}

/** Where the facilitator is on the board now, for `host:focus`. */
export function readBoardScroll(): Pick<Focus, 'scrollX' | 'scrollY' | 'columns'> {
  const page = pageScroller();
  const columns: Focus['columns'] = {};
  for (const column of COLUMNS) {
    const body = columnBody(column);
    if (body && body.scrollTop > 0) columns[column] = fractionOf(body.scrollTop, body.scrollHeight, body.clientHeight);
  }
  return {
    scrollX: fractionOf(page.scrollLeft, page.scrollWidth, page.clientWidth),
    scrollY: fractionOf(page.scrollTop, page.scrollHeight, page.clientHeight),
    columns,
  };
}

/** Scrolls the page and the board's columns to the facilitator's place. */
export function applyBoardScroll(focus: Pick<Focus, 'scrollX' | 'scrollY' | 'columns'>): void {
  const page = pageScroller();
  page.scrollTop = focus.scrollY * Math.max(0, page.scrollHeight - page.clientHeight);
  page.scrollLeft = focus.scrollX * Math.max(0, page.scrollWidth - page.clientWidth);
  for (const column of COLUMNS) {
    const body = columnBody(column);
    if (body) body.scrollTop = (focus.columns[column] ?? 0) * Math.max(0, body.scrollHeight - body.clientHeight);
  }
}
