import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of sign-in (auth). Decision: a caller reads and changes only their own account and ends only
 * their own session — `/api/auth/me`, password change and logout never take another user's id. An account
 * removed while its session was still open is a sign-in problem (401 UNAUTHENTICATED), not a server error.
 */
export function requireOwnAccount<T extends { id: number }>(actor: Actor, user: T | null | undefined): T {
  if (!user || user.id !== actor.userId) throw new AppError('UNAUTHENTICATED');
  return user;
}

/** Logging out ends the session the request came with; an API token has none to end. */
export const sessionToEnd = (actor: Actor): string | null => actor.sessionId ?? null;
