import { AppError } from './app-error.ts';

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

/**
 * Reading a cursor back. A cursor is opaque to clients: one this server did not write — a fraction,
 * letters, a number past any id, extra `|` parts — answers 400 INVALID_CURSOR instead of reaching SQL.
 */
const invalidCursor = () =>
  new AppError('INVALID_CURSOR', { issues: [{ field: 'cursor', message: 'INVALID_CURSOR' }] });

/** The id of the last row shown, from an id cursor (`String(row.id)`, the default of `pageOf`). */
export function cursorId(cursor: string): number {
  const id = Number(cursor);
  if (!/^\d{1,16}$/.test(cursor) || !Number.isSafeInteger(id)) throw invalidCursor();
  return id;
}

/** The optional id cursor of a list query: absent or empty → no cursor. */
export const optionalCursorId = (cursor: string | undefined): number | undefined =>
  cursor ? cursorId(cursor) : undefined;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The timestamp part of a cursor, as the list wrote it (ISO 8601 in UTC, up to microseconds). */
export function cursorTimestamp(value: string): string {
  if (!TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) throw invalidCursor();
  return value;
}

/**
 * A `key|id` cursor of a list in another order than its id (the sort value of the last row, then its
 * id; the key may itself contain `|`). `key` says what the order's key is: `time` an ISO timestamp or
 * `none` (rows without one sort last), `text` any text, `id` no key at all (the list is in id order).
 * A cursor without `|` is a plain id, as a list in id order writes it.
 */
export function keyedCursor(
  cursor: string,
  key: 'time' | 'text' | 'id',
): { key: string | undefined; id: number } {
  const bar = cursor.lastIndexOf('|');
  if (bar < 0) return { key: undefined, id: cursorId(cursor) };
  const value = cursor.slice(0, bar);
  if (key === 'id') throw invalidCursor();
  if (key === 'time' && value !== 'none') cursorTimestamp(value);
  return { key: value, id: cursorId(cursor.slice(bar + 1)) };
}
