import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of staff users (用户). Decision: administration data, not anyone's case — everyone holding
 * `user.read` sees every user: assigning work, choosing approvers and reading the audit trail need the whole
 * staff list, whatever the department. Changes need `user.manage`, which the route asks for; there is nothing
 * finer to decide per record. Portal contacts are not users and have no route here.
 */
export type UserScope = { kind: 'all' };

export function scopeOf(_actor: Actor): UserScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing user is a 404 (no user is hidden from a reader). */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
