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
import { searchWithPlanGuard } from '../../db/search-plan.ts';
import { notFound } from '../../http/app-error.ts';
import { can, contextOf } from '../../http/context.ts';
import { createContact, findContactRow, listContacts, updateContact } from './contacts.service.ts';
import { presentContact, presentCustomer } from './customers.presenter.ts';
import { customerCursor, findCustomerRow, findDuplicates, listCustomers } from './customers.queries.ts';
import {
  changeClass,
  changeLifecycle,
  createCustomer,
  mergeCustomers,
  revealField,
  updateCustomer,
} from './customers.service.ts';

const tags = ['customers'];

export function customersRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const detail = async (id: number, sensitive: boolean) => {
      const row = await findCustomerRow(deps.db, id);
      if (!row) throw notFound();
      const contacts = await listContacts(deps.db, id);
      return {
        ...presentCustomer(row, sensitive),
        contacts: contacts.map((c) => presentContact(c, sensitive)),
      };
    };
    const sensitive = (request: { actor: Parameters<typeof can>[0] }) =>
      can(request.actor, 'customer.view_sensitive');
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
      async (request) => {
        const list = (db: typeof deps.db) => listCustomers(db, request.query, request.actor!.userId);
        const rows = request.query.q ? await searchWithPlanGuard(deps.db, list) : await list(deps.db);
        const page = rows.slice(0, request.query.limit);
        const more = rows.length > request.query.limit;
        const show = sensitive(request);
        return {
          items: page.map((r) => presentCustomer(r, show)),
          nextCursor: more ? customerCursor(page.at(-1)!, request.query.sort) : null,
        };
      },
    );
    app.get(
      '/api/v1/customers/duplicates',
      {
        config: { permission: 'customer.read' },
        schema: { tags, querystring: duplicateQuery, response: { 200: z.array(duplicateCandidate) } },
      },
      async (request) => findDuplicates(deps.db, request.query, request.query.excludeId),
    );
    app.post(
      '/api/v1/customers',
      {
        config: { permission: 'customer.create' },
        schema: { tags, body: customerCreate, response: { 201: customerDetail } },
      },
      async (request, reply) => {
        const id = (await createCustomer(deps.db, contextOf(request), request.body))!;
        changed(id);
        return reply.status(201).send(await detail(id, sensitive(request)));
      },
    );
    app.get(
      '/api/v1/customers/:id',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: customerDetail } },
      },
      async (request) => detail(request.params.id, sensitive(request)),
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
        return detail(request.params.id, sensitive(request));
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
        return detail(request.params.id, sensitive(request));
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
        return detail(request.params.id, sensitive(request));
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
      async (request) => {
        if (!(await findCustomerRow(deps.db, request.params.id))) throw notFound();
        const show = sensitive(request);
        return (await listContacts(deps.db, request.params.id)).map((c) => presentContact(c, show));
      },
    );
    app.post(
      '/api/v1/customers/:id/contacts',
      {
        config: { permission: 'customer.update' },
        schema: { tags, params: idParam, body: contactCreate, response: { 201: contactView } },
      },
      async (request, reply) => {
        const id = await createContact(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return reply
          .status(201)
          .send(presentContact((await findContactRow(deps.db, id))!, sensitive(request)));
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
        return presentContact((await findContactRow(deps.db, request.params.id))!, sensitive(request));
      },
    );
    app.get(
      '/api/v1/contacts/:id',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: contactView } },
      },
      async (request) => {
        const row = await findContactRow(deps.db, request.params.id);
        if (!row) throw notFound();
        return presentContact(row, sensitive(request));
      },
    );
  };
}
