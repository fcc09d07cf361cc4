import type { FastifyRequest } from 'fastify';

/**
 * Record scope of idempotency keys. Decision: a key belongs to the caller who sent it and is never seen
 * or matched by anyone else — a staff user (session or API token alike: `user:<id>`), a portal contact
 * (`contact:<id>`), or the anonymous public request form (`public`, one shared space; a replay there
 * needs the identical request body, so it tells a caller nothing they did not send). Two callers using
 * the same key therefore create two records. No route lists or shows keys; the stored answer is replayed
 * only to the caller whose create produced it.
 */
export type Principal = `user:${number}` | `contact:${number}` | 'public';

export function principalOf(request: Pick<FastifyRequest, 'actor' | 'portal'>): Principal {
  if (request.actor) return `user:${request.actor.userId}`;
  if (request.portal) return `contact:${request.portal.contactId}`;
  return 'public';
}
