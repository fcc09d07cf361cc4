import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLocale, localeFromAcceptLanguage } from '../../shared/locale.ts';
import type { Permission } from '../../shared/permissions.ts';
import type { Database } from '../db/database.ts';
import { actorFromApiToken, actorFromSession } from '../modules/auth/auth.service.ts';
import { API_TOKEN_PREFIX, SESSION_COOKIE } from '../modules/auth/tokens.ts';
import { PORTAL_COOKIE, portalActor } from '../modules/portal/portal-auth.service.ts';
import { sendError } from './errors.ts';

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission | 'authenticated' | 'public' | 'portal';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with the permission it declared (the permission test walks this list). */
    declaredRoutes: DeclaredRoute[];
  }
}

/** A customer's contact signed in to the portal: a separate kind of user from staff (SPEC §0). */
export interface PortalActor {
  accountId: number;
  contactId: number;
  customerId: number | null;
  name: string;
  email: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    portal: PortalActor | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** All a user whose password someone else chose may do until they replace it: their own account, the change, sign-out. */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/auth/me',
  'PATCH /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/logout',
]);

async function authenticate(db: Database, request: FastifyRequest) {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    return token.startsWith(API_TOKEN_PREFIX) ? actorFromApiToken(db, token) : null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? actorFromSession(db, cookie) : null;
}

/**
 * Who is calling, in which language, and may they call this route. Every /api route must say what it
 * needs in `config.permission`; a route that forgets fails at startup, not in production.
 */
export function registerAuthentication(app: FastifyInstance, db: Database): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('portal', null);
  app.decorateRequest('locale', 'zh-CN');
  const catalogue: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', catalogue);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`route ${route.method} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalogue.push({ method, url: route.url, permission });
    }
  });

  app.addHook('onRequest', async (request) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']) ?? 'zh-CN';
  });

  // onRequest, before body parsing and validation: an anonymous caller learns nothing about a route's schema.
  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || permission === 'public') {
      // Public routes still learn who is calling when they can (e.g. the login page's "already signed in").
      if (permission === 'public' && (request.headers.authorization || request.cookies[SESSION_COOKIE])) {
        const found = await authenticate(db, request);
        if (found) request.actor = found.actor;
      }
      return;
    }
    if (permission === 'portal') {
      const cookie = request.cookies[PORTAL_COOKIE];
      const session = cookie ? await portalActor(db, cookie) : undefined;
      if (!session) return sendError(reply, request, 'UNAUTHENTICATED');
      if (isLocale(session.locale)) request.locale = session.locale;
      request.portal = {
        accountId: session.account_id,
        contactId: session.contact_id,
        customerId: session.customer_id,
        name: session.contact_name,
        email: session.email,
        csrfToken: session.csrf_token,
      };
      if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== session.csrf_token) {
        return sendError(reply, request, 'CSRF_INVALID');
      }
      return;
    }
    const found = await authenticate(db, request);
    if (!found) return sendError(reply, request, 'UNAUTHENTICATED');
    request.actor = found.actor;
    if (found.locale) request.locale = found.locale;
    // Cookie-authenticated writes must carry the session's CSRF token; bearer tokens cannot be sent by a browser on its own.
    if (found.actor.via === 'session' && UNSAFE.has(request.method)) {
      if (request.headers['x-csrf-token'] !== found.actor.csrfToken)
        return sendError(reply, request, 'CSRF_INVALID');
    }
    if (
      found.actor.mustChangePassword &&
      !OPEN_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      return sendError(reply, request, 'PASSWORD_CHANGE_REQUIRED');
    }
    if (permission !== 'authenticated' && !found.actor.permissions.has(permission)) {
      return sendError(reply, request, 'FORBIDDEN');
    }
  });
}
