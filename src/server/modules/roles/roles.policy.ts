import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of roles (角色). Decision: administration data, not anyone's case — everyone holding `role.read`
 * sees every role with its permissions: a role is configuration shared by the organisation, not owned by a
 * department. Changes need `role.manage`, which the route asks for; there is nothing finer to decide per
 * record.
 */
export type RoleScope = { kind: 'all' };

export function scopeOf(_actor: Actor): RoleScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing role is a 404 (no role is hidden from a reader). */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
