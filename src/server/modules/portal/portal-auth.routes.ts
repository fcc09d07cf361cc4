import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import {
  portalForgot,
  portalLogin,
  portalMe,
  portalRegister,
  portalReset,
  portalVerify,
} from '../../../shared/schemas/portal.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  forgotPortalPassword,
  invitePortalContact,
  portalLogin as login,
  PORTAL_COOKIE,
  portalLogout,
  portalProfile,
  registerPortalAccount,
  setPortalPassword,
  verifyPortalEmail,
} from './portal-auth.service.ts';

export function portalAuthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['portal'];
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies };
    const ok = { ok: true as const };
    const pub = { permission: 'public' as const };

    app.post(
      '/api/portal/register',
      { config: pub, schema: { tags, body: portalRegister, response: { 202: okResponse } } },
      async (request, reply) => {
        await registerPortalAccount(deps.db, deps.publicUrl, request.body, request.ip);
        return reply.status(202).send(ok);
      },
    );
    app.post(
      '/api/portal/verify',
      { config: pub, schema: { tags, body: portalVerify, response: { 200: okResponse } } },
      async (request) => {
        await verifyPortalEmail(deps.db, request.body.token, request.body.password);
        return ok;
      },
    );
    app.post(
      '/api/portal/password/forgot',
      { config: pub, schema: { tags, body: portalForgot, response: { 202: okResponse } } },
      async (request, reply) => {
        await forgotPortalPassword(deps.db, deps.publicUrl, request.body.email, request.ip);
        return reply.status(202).send(ok);
      },
    );
    app.post(
      '/api/portal/password/reset',
      { config: pub, schema: { tags, body: portalReset, response: { 200: okResponse } } },
      async (request) => {
        await setPortalPassword(deps.db, request.body.token, request.body.password);
        return ok;
      },
    );
    app.post(
      '/api/portal/login',
      { config: pub, schema: { tags, body: portalLogin, response: { 200: okResponse } } },
      async (request, reply) => {
        const session = await login(deps.db, request.body, request.ip);
        reply.setCookie(PORTAL_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
        return ok;
      },
    );
    app.post(
      '/api/portal/logout',
      { config: { permission: 'portal' }, schema: { tags, response: { 200: okResponse } } },
      async (request, reply) => {
        await portalLogout(deps.db, request.cookies[PORTAL_COOKIE]);
        reply.clearCookie(PORTAL_COOKIE, cookieOptions);
        return ok;
      },
    );
    app.get(
      '/api/portal/me',
      { config: { permission: 'portal' }, schema: { tags, response: { 200: portalMe } } },
      async (request) => portalProfile(deps.db, request.portal!, request.locale),
    );

    // Staff side: invite a contact to the portal.
    app.post(
      '/api/v1/contacts/:id/portal-invitation',
      {
        config: { permission: 'customer.update', idempotent: true },
        schema: { tags, params: idParam, response: { 201: z.object({ accountId: z.number() }) } },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const accountId = await invitePortalContact(
          deps.db,
          deps.publicUrl,
          request.params.id,
          `${ctx.actor.displayName} (${ctx.actor.username})`,
        );
        return reply.status(201).send({ accountId });
      },
    );
  };
}
