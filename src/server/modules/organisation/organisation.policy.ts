import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of the organisation profile and its record-number patterns. Decision: administration data, not
 * anyone's case — everyone holding `settings.read` sees every setting: there is one organisation, and its
 * settings are the same for every reader. Changes need `settings.manage`, which the route asks for; there is
 * nothing finer to decide per record.
 */
export type OrganisationScope = { kind: 'all' };

export function scopeOf(_actor: Actor): OrganisationScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing setting is a 404 (no setting is hidden from a reader). */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
