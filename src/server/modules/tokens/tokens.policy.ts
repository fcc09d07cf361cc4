import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of personal API tokens. Decision: a user sees and revokes only their own tokens — a token
 * acts with its owner's permissions, so nobody else (an administrator included) lists or revokes it
 * through this API; disabling the user ends its use instead. Another user's token id is a 404.
 */
export interface TokenScope {
  userId: number;
}

export function scopeOf(actor: Actor): TokenScope {
  return { userId: actor.userId };
}

/** The token when it is the actor's own; a missing or someone else's token is the same 404. */
export function requireVisible<T extends { user_id: number }>(actor: Actor, token: T | null | undefined): T {
  if (!token || token.user_id !== actor.userId) throw notFound();
  return token;
}
