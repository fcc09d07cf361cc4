import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import {
  categoryCreate,
  categoryUpdate,
  categoryView,
  fieldCreate,
  fieldUpdate,
  fieldView,
  slaPolicyCreate,
  slaPolicyUpdate,
  slaPolicyView,
  ticketTypeCreate,
  ticketTypeUpdate,
  ticketTypeView,
} from '../../../shared/schemas/ticket-config.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  createCategory,
  createField,
  createPolicy,
  createType,
  listCategories,
  listFieldsOfType,
  listPolicies,
  listTypes,
  updateCategory,
  updateField,
  updatePolicy,
  updateType,
} from './ticket-config.service.ts';

/** Administration of request types, categories, custom fields and SLA policies (permission ticket.configure). */
export function ticketConfigRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const manage = { permission: 'ticket.configure' as const };
    const tags = ['ticket configuration'];

    app.get(
      '/api/v1/ticket-config/types',
      { config: { permission: 'ticket.read' }, schema: { tags, response: { 200: z.array(ticketTypeView) } } },
      async () => listTypes(deps.db),
    );
    app.post(
      '/api/v1/ticket-config/types',
      {
        config: { ...manage, idempotent: true },
        schema: { tags, body: ticketTypeCreate, response: { 201: ticketTypeView } },
      },
      async (request, reply) =>
        reply.status(201).send(await createType(deps.db, contextOf(request), request.body)),
    );
    app.patch(
      '/api/v1/ticket-config/types/:id',
      {
        config: manage,
        schema: { tags, params: idParam, body: ticketTypeUpdate, response: { 200: ticketTypeView } },
      },
      async (request) => updateType(deps.db, contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/ticket-config/categories',
      { config: { permission: 'ticket.read' }, schema: { tags, response: { 200: z.array(categoryView) } } },
      async () => listCategories(deps.db),
    );
    app.post(
      '/api/v1/ticket-config/categories',
      {
        config: { ...manage, idempotent: true },
        schema: { tags, body: categoryCreate, response: { 201: categoryView } },
      },
      async (request, reply) =>
        reply.status(201).send(await createCategory(deps.db, contextOf(request), request.body)),
    );
    app.patch(
      '/api/v1/ticket-config/categories/:id',
      {
        config: manage,
        schema: { tags, params: idParam, body: categoryUpdate, response: { 200: categoryView } },
      },
      async (request) => updateCategory(deps.db, contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/ticket-config/types/:id/fields',
      {
        config: { permission: 'ticket.read' },
        schema: { tags, params: idParam, response: { 200: z.array(fieldView) } },
      },
      async (request) => listFieldsOfType(deps.db, request.actor!, request.params.id),
    );
    app.post(
      '/api/v1/ticket-config/types/:id/fields',
      {
        config: { ...manage, idempotent: true },
        schema: { tags, params: idParam, body: fieldCreate, response: { 201: fieldView } },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createField(deps.db, contextOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/v1/ticket-config/fields/:id',
      { config: manage, schema: { tags, params: idParam, body: fieldUpdate, response: { 200: fieldView } } },
      async (request) => updateField(deps.db, contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/sla-policies',
      { config: { permission: 'ticket.read' }, schema: { tags, response: { 200: z.array(slaPolicyView) } } },
      async () => listPolicies(deps.db),
    );
    app.post(
      '/api/v1/sla-policies',
      {
        config: { ...manage, idempotent: true },
        schema: { tags, body: slaPolicyCreate, response: { 201: slaPolicyView } },
      },
      async (request, reply) =>
        reply.status(201).send(await createPolicy(deps.db, contextOf(request), request.body)),
    );
    app.patch(
      '/api/v1/sla-policies/:id',
      {
        config: manage,
        schema: { tags, params: idParam, body: slaPolicyUpdate, response: { 200: slaPolicyView } },
      },
      async (request) => updatePolicy(deps.db, contextOf(request), request.params.id, request.body),
    );
  };
}
