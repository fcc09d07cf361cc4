import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { fieldCreate, fieldUpdate } from '../../../shared/schemas/ticket-config.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  createCustomerField,
  customerFields,
  customerFieldView,
  updateCustomerField,
} from './customer-fields.service.ts';

/** 自定义字段 of the customer file: defined here, filled in on the customer form, checked on every save. */
export function customerFieldsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['customers'];
    app.get(
      '/api/v1/customer-fields',
      {
        config: { permission: 'customer.read' },
        schema: { tags, response: { 200: z.array(customerFieldView) } },
      },
      async () => customerFields(deps.db),
    );
    app.post(
      '/api/v1/customer-fields',
      {
        config: { permission: 'settings.manage', idempotent: true },
        schema: { tags, body: fieldCreate, response: { 201: customerFieldView } },
      },
      async (request, reply) =>
        reply.status(201).send(await createCustomerField(deps.db, contextOf(request), request.body)),
    );
    app.patch(
      '/api/v1/customer-fields/:id',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, params: idParam, body: fieldUpdate, response: { 200: customerFieldView } },
      },
      async (request) => updateCustomerField(deps.db, contextOf(request), request.params.id, request.body),
    );
  };
}
