import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import { departmentCreate, departmentUpdate, departmentView } from '../../../shared/schemas/departments.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  createDepartment,
  deleteDepartment,
  listVisibleDepartments,
  updateDepartment,
} from './departments.service.ts';

export function departmentsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/departments',
      {
        config: { permission: 'department.read' },
        schema: { tags: ['departments'], response: { 200: z.array(departmentView) } },
      },
      async (request) => listVisibleDepartments(deps.db, request.actor!),
    );

    app.post(
      '/api/v1/departments',
      {
        config: { permission: 'department.manage', idempotent: true },
        schema: { tags: ['departments'], body: departmentCreate, response: { 201: departmentView } },
      },
      async (request, reply) => {
        const department = await createDepartment(deps.db, contextOf(request), request.body);
        void deps.live.publish({ topic: 'departments', id: department.id });
        return reply.status(201).send(department);
      },
    );

    app.patch(
      '/api/v1/departments/:id',
      {
        config: { permission: 'department.manage' },
        schema: {
          tags: ['departments'],
          params: idParam,
          body: departmentUpdate,
          response: { 200: departmentView },
        },
      },
      async (request) => {
        const department = await updateDepartment(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body,
        );
        void deps.live.publish({ topic: 'departments', id: department.id });
        return department;
      },
    );

    app.delete(
      '/api/v1/departments/:id',
      {
        config: { permission: 'department.manage' },
        schema: { tags: ['departments'], params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        await deleteDepartment(deps.db, contextOf(request), request.params.id);
        void deps.live.publish({ topic: 'departments', id: request.params.id });
        return { ok: true as const };
      },
    );
  };
}
