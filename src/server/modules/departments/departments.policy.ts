import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of departments (部门). Decision: administration data, not anyone's case — everyone holding
 * `department.read` sees every department: the organisation chart is the same for everybody who may read it.
 * Changes need `department.manage`, which the route asks for; there is nothing finer to decide per record.
 */
export type DepartmentScope = { kind: 'all' };

export function scopeOf(_actor: Actor): DepartmentScope {
  return { kind: 'all' };
}

/**
 * The record when the actor may see it; a missing department is a 404 (no department is hidden from a
 * reader).
 */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
