import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MODULES, PERMISSIONS } from '../../../shared/permissions.ts';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import { roleCreate, roleUpdate, roleView } from '../../../shared/schemas/roles.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { createRole, deleteRole, listVisibleRoles, loadRole, updateRole } from './roles.service.ts';

const localised = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });

export function rolesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/permissions',
      {
        config: { permission: 'role.read' },
        schema: {
          tags: ['roles'],
          response: {
            200: z.object({
              modules: z.record(z.string(), localised),
              permissions: z.array(z.object({ key: z.string(), module: z.string(), label: localised })),
            }),
          },
        },
      },
      async () => ({
        modules: MODULES,
        permissions: Object.entries(PERMISSIONS).map(([key, p]) => ({
          key,
          module: p.module,
          label: p.label,
        })),
      }),
    );

    app.get(
      '/api/v1/roles',
      {
        config: { permission: 'role.read' },
        schema: { tags: ['roles'], response: { 200: z.array(roleView) } },
      },
      async (request) => listVisibleRoles(deps.db, request.actor!),
    );

    app.get(
      '/api/v1/roles/:id',
      {
        config: { permission: 'role.read' },
        schema: { tags: ['roles'], params: idParam, response: { 200: roleView } },
      },
      async (request) => loadRole(deps.db, request.actor!, request.params.id),
    );

    app.post(
      '/api/v1/roles',
      {
        config: { permission: 'role.manage', idempotent: true },
        schema: { tags: ['roles'], body: roleCreate, response: { 201: roleView } },
      },
      async (request, reply) => {
        const role = await createRole(deps.db, contextOf(request), request.body);
        void deps.live.publish({ topic: 'roles', id: role.id });
        return reply.status(201).send(role);
      },
    );

    app.patch(
      '/api/v1/roles/:id',
      {
        config: { permission: 'role.manage' },
        schema: { tags: ['roles'], params: idParam, body: roleUpdate, response: { 200: roleView } },
      },
      async (request) => {
        const role = await updateRole(deps.db, contextOf(request), request.params.id, request.body);
        void deps.live.publish({ topic: 'roles', id: role.id });
        return role;
      },
    );

    app.delete(
      '/api/v1/roles/:id',
      {
        config: { permission: 'role.manage' },
        schema: { tags: ['roles'], params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        await deleteRole(deps.db, contextOf(request), request.params.id);
        void deps.live.publish({ topic: 'roles', id: request.params.id });
        return { ok: true as const };
      },
    );
  };
}
