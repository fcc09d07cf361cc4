import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import {
  classChange,
  contactCreate,
  contactUpdate,
  contactView,
  customerCreate,
  customerDetail,
  customerListItem,
  customerListQuery,
  customerUpdate,
  duplicateCandidate,
  duplicateQuery,
  lifecycleChange,
  mergeRequest,
  revealRequest,
  revealResponse,
} from '../../../shared/schemas/customers.ts';
import type { AppDeps } from '../../app-deps.ts';
import { type Actor, contextOf } from '../../http/context.ts';
import { createContact, loadContact, loadContacts, updateContact } from './contacts.service.ts';
import {
  createCustomer,
  customerPage,
  findDuplicateCustomers,
  loadCustomerDetail,
  revealField,
  updateCustomer,
} from './customers.service.ts';
import { changeClass, changeLifecycle } from './customers-lifecycle.service.ts';
import { mergeCustomers } from './customers-merge.service.ts';

const tags = ['customers'];

export function customersRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const detail = (request: { actor: Actor | null }, id: number) =>
      loadCustomerDetail(deps.db, request.actor!, id);
    const changed = (id: number) => void deps.live.publish({ topic: 'customers', id });

    app.get(
      '/api/v1/customers',
      {
        config: { permission: 'customer.read' },
        schema: {
          tags,
          querystring: customerListQuery,
          response: {
            200: z.object({ items: z.array(customerListItem), nextCursor: z.string().nullable() }),
          },
        },
      },
      async (request) => customerPage(deps.db, request.actor!, request.query),
    );
    app.get(
      '/api/v1/customers/duplicates',
      {
        config: { permission: 'customer.read' },
        schema: { tags, querystring: duplicateQuery, response: { 200: z.array(duplicateCandidate) } },
      },
      async (request) => findDuplicateCustomers(deps.db, request.query, request.query.excludeId),
    );
    app.post(
      '/api/v1/customers',
      {
        config: { permission: 'customer.create', idempotent: true },
        schema: { tags, body: customerCreate, response: { 201: customerDetail } },
      },
      async (request, reply) => {
        const id = (await createCustomer(deps.db, contextOf(request), request.body))!;
        changed(id);
        return reply.status(201).send(await detail(request, id));
      },
    );
    app.get(
      '/api/v1/customers/:id',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: customerDetail } },
      },
      async (request) => detail(request, request.params.id),
    );
    app.patch(
      '/api/v1/customers/:id',
      {
        config: { permission: 'customer.update' },
        schema: { tags, params: idParam, body: customerUpdate, response: { 200: customerDetail } },
      },
      async (request) => {
        await updateCustomer(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return detail(request, request.params.id);
      },
    );
    app.post(
      '/api/v1/customers/:id/class',
      {
        config: { permission: 'customer.classify' },
        schema: { tags, params: idParam, body: classChange, response: { 200: customerDetail } },
      },
      async (request) => {
        await changeClass(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return detail(request, request.params.id);
      },
    );
    app.post(
      '/api/v1/customers/:id/lifecycle',
      {
        config: { permission: 'customer.update' },
        schema: { tags, params: idParam, body: lifecycleChange, response: { 200: customerDetail } },
      },
      async (request) => {
        await changeLifecycle(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return detail(request, request.params.id);
      },
    );
    app.post(
      '/api/v1/customers/:id/reveal',
      {
        config: { permission: 'customer.view_sensitive' },
        schema: { tags, params: idParam, body: revealRequest, response: { 200: revealResponse } },
      },
      async (request) => ({
        field: request.body.field,
        value: await revealField(deps.db, contextOf(request), request.params.id, request.body.field),
      }),
    );
    app.post(
      '/api/v1/customers/:id/merge',
      {
        config: { permission: 'customer.merge' },
        schema: {
          tags,
          params: idParam,
          body: mergeRequest,
          response: { 200: z.object({ moved: z.record(z.string(), z.number()) }) },
        },
      },
      async (request) => {
        const moved = await mergeCustomers(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body.sourceId,
        );
        changed(request.params.id);
        changed(request.body.sourceId);
        return { moved };
      },
    );

    app.get(
      '/api/v1/customers/:id/contacts',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: z.array(contactView) } },
      },
      async (request) => loadContacts(deps.db, request.actor!, request.params.id),
    );
    app.post(
      '/api/v1/customers/:id/contacts',
      {
        config: { permission: 'customer.update', idempotent: true },
        schema: { tags, params: idParam, body: contactCreate, response: { 201: contactView } },
      },
      async (request, reply) => {
        const id = await createContact(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return reply.status(201).send(await loadContact(deps.db, request.actor!, id));
      },
    );
    app.patch(
      '/api/v1/contacts/:id',
      {
        config: { permission: 'customer.update' },
        schema: { tags, params: idParam, body: contactUpdate, response: { 200: contactView } },
      },
      async (request) => {
        const customerId = await updateContact(deps.db, contextOf(request), request.params.id, request.body);
        changed(customerId);
        return loadContact(deps.db, request.actor!, request.params.id);
      },
    );
    app.get(
      '/api/v1/contacts/:id',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: contactView } },
      },
      async (request) => loadContact(deps.db, request.actor!, request.params.id),
    );
  };
}
