/**
 * Small conversions every presenter needs when turning database rows into API views. PostgreSQL's
 * numeric and bigint arrive as strings, dates as Date objects (timestamps) or strings (date columns).
 */

/** A timestamp as ISO 8601, or null. */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** A numeric/bigint column as a number, or null. */
export const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** A date column (YYYY-MM-DD), whether the driver gave a string or a Date at UTC midnight. */
export const day = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/** An amount of money for a numeric(…, 2) column: two decimals; undefined stays undefined (not given). */
export const money = (v: number | null | undefined): string | null | undefined =>
  v === undefined ? undefined : v === null ? null : v.toFixed(2);
