import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of business calendars (工作日历). Decision: administration data, not anyone's case — everyone
 * holding `calendar.read` sees every calendar with its holidays and working days: every due time in the
 * system is computed from them. Changes need `calendar.manage`, which the route asks for; there is nothing
 * finer to decide per record.
 */
export type CalendarScope = { kind: 'all' };

export function scopeOf(_actor: Actor): CalendarScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing calendar is a 404 (no calendar is hidden from a reader). */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
