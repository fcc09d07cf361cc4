import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of teams and assignment rules (分派). Decision: teams, their members and each member's open
 * workload are visible to every staff user holding `ticket.read` — whoever assigns or hands over a
 * request needs to see who is on which team and how busy they are. Assignment rules are configuration:
 * every holder of `ticket.configure` sees and changes all of them. An agent marks only themself away.
 */
export type AssignmentScope = { kind: 'all' };

export function scopeOf(_actor: Actor | null): AssignmentScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing or hidden record is the same 404. */
export function requireVisible<T>(_actor: Actor | null, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
