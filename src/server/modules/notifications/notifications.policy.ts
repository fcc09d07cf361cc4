import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of notifications. Decision: an in-app notification belongs to the one staff user it was
 * written for — a user lists, counts and marks read only their own, and another user's notification id is a
 * 404, whatever their permissions. The outbound-message log (every email and SMS the system queued) and the
 * message templates are organisation settings: every holder of `settings.read` sees the whole log and all
 * templates, and changing a template needs `settings.manage` — the routes ask for those permissions, and no
 * record of the log or the templates is hidden from their holders. Portal contacts have no notification
 * routes.
 */
export interface NotificationScope {
  userId: number;
}

export function scopeOf(actor: Actor): NotificationScope {
  return { userId: actor.userId };
}

/** The notification when it is the actor's own; a missing or someone else's notification is the same 404. */
export function requireVisible<T extends { user_id: number }>(actor: Actor, record: T | null | undefined): T {
  if (!record || record.user_id !== actor.userId) throw notFound();
  return record;
}
