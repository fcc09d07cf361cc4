import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isLocale } from '../../../shared/locale.ts';
import {
  changePasswordRequest,
  loginRequest,
  meResponse,
  updateProfileRequest,
} from '../../../shared/schemas/auth.ts';
import { okResponse } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { updateOwnProfile } from '../users/users.service.ts';
import { changePassword, login, logout, whoAmI } from './auth.service.ts';
import { SESSION_COOKIE } from './tokens.ts';

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies };

    app.post(
      '/api/auth/login',
      {
        config: { permission: 'public' },
        schema: { tags: ['auth'], body: loginRequest, response: { 200: okResponse } },
      },
      async (request, reply) => {
        const result = await login(deps.db, request.body, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: String(request.id),
        });
        reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieOptions, expires: result.expiresAt });
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: okResponse } } },
      async (request, reply) => {
        if (request.actor) await logout(deps.db, request.actor);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: meResponse } } },
      async (request) => {
        const actor = request.actor!;
        const { user, roles, organisation: org } = await whoAmI(deps.db, actor);
        return {
          user: {
            id: user.id,
            username: user.username,
            displayName: user.display_name,
            email: user.email,
            locale: isLocale(user.locale) ? user.locale : 'zh-CN',
            departmentId: user.department_id,
            mustChangePassword: user.must_change_password,
          },
          permissions: [...actor.permissions].sort(),
          roles,
          csrfToken: actor.csrfToken ?? null,
          organisation: {
            name: org.name,
            timeZone: org.time_zone,
            defaultLocale: isLocale(org.default_locale) ? org.default_locale : 'zh-CN',
          },
        };
      },
    );

    app.patch(
      '/api/auth/me',
      {
        config: { permission: 'authenticated' },
        schema: { tags: ['auth'], body: updateProfileRequest, response: { 200: okResponse } },
      },
      async (request) => {
        await updateOwnProfile(deps.db, contextOf(request), request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { permission: 'authenticated' },
        schema: { tags: ['auth'], body: changePasswordRequest, response: { 200: okResponse } },
      },
      async (request) => {
        await changePassword(deps.db, contextOf(request), request.body);
        return { ok: true as const };
      },
    );
  };
}
