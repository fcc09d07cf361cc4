/**
 * Cursor paging, one way everywhere: a list query fetches `limit + 1` rows in its index order; the extra
 * row only tells that there is a next page, and the last row shown gives the cursor to continue after.
 */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The page of `rows` (fetched with limit + 1) presented, with the cursor of its last row. */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  present: (row: Row) => Item,
  cursorOf: (row: Row) => string = (row) => String((row as { id: number | string }).id),
): CursorPage<Item> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}

export const emptyPage = <T>(): CursorPage<T> => ({ items: [], nextCursor: null });
