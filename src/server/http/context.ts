import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../shared/locale.ts';
import type { Permission } from '../../shared/permissions.ts';

/** Who is calling: a staff user through a session cookie or a personal API token. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  permissions: ReadonlySet<Permission>;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  tokenId?: number;
  /** The password was set by someone else: only the own account, the password change and sign-out are open. */
  mustChangePassword?: boolean;
}

/** What a service needs to know about the request it acts for: the actor and audit facts. */
export interface RequestContext {
  actor: Actor;
  ip: string;
  requestId: string;
  locale: Locale;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** The permission a route needs; `authenticated` = any signed-in user; `public` = anyone. */
    permission?: Permission | 'authenticated' | 'public' | 'portal';
    /**
     * A create: the route accepts an `Idempotency-Key` header and answers a retry with the same key with
     * the first result (src/server/http/idempotency.ts).
     */
    idempotent?: boolean;
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new Error('contextOf() on a route without an actor');
  return { actor: request.actor, ip: request.ip, requestId: String(request.id), locale: request.locale };
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return !!actor && actor.permissions.has(permission);
}
