import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import {
  keyAccountApply,
  keyAccountCard,
  keyAccountListQuery,
  keyAccountRevoke,
  keyAccountUpdate,
  keyAccountView,
  measureCreate,
  measureUpdate,
} from '../../../shared/schemas/key-accounts.ts';
import type { AppDeps } from '../../app-deps.ts';
import { notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import * as q from './key-accounts.queries.ts';
import {
  addMeasure,
  applyForKeyAccount,
  orgToday,
  presentKeyAccount,
  presentMeasure,
  revokeKeyAccount,
  updateCard,
  updateMeasure,
} from './key-accounts.service.ts';

const tags = ['key-accounts'];

export function keyAccountsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const card = async (row: q.KeyAccountRow | undefined) => {
      if (!row) throw notFound();
      const today = await orgToday(deps.db);
      const measures = await q.measuresOf(deps.db, row.id);
      return { ...presentKeyAccount(row, today), measures: measures.map((m) => presentMeasure(m, today)) };
    };
    const changed = (customerId: number) => void deps.live.publish({ topic: 'customers', id: customerId });

    app.get(
      '/api/v1/key-accounts',
      {
        config: { permission: 'customer.read' },
        schema: {
          tags,
          querystring: keyAccountListQuery,
          response: { 200: z.object({ items: z.array(keyAccountView), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const today = await orgToday(deps.db);
        const rows = await q.listKeyAccounts(deps.db, request.query, today);
        const page = rows.slice(0, request.query.limit);
        return {
          items: page.map((r) => presentKeyAccount(r, today)),
          nextCursor: rows.length > request.query.limit ? String(page.at(-1)!.id) : null,
        };
      },
    );
    app.get(
      '/api/v1/customers/:id/key-account',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: keyAccountCard } },
      },
      async (request) => card(await q.findKeyAccountOfCustomer(deps.db, request.params.id)),
    );
    app.post(
      '/api/v1/customers/:id/key-account',
      {
        config: { permission: 'key_account.manage' },
        schema: { tags, params: idParam, body: keyAccountApply, response: { 201: keyAccountCard } },
      },
      async (request, reply) => {
        const id = await applyForKeyAccount(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return reply.status(201).send(await card(await q.findKeyAccount(deps.db, id)));
      },
    );
    app.get(
      '/api/v1/key-accounts/:id',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: keyAccountCard } },
      },
      async (request) => card(await q.findKeyAccount(deps.db, request.params.id)),
    );
    app.patch(
      '/api/v1/key-accounts/:id',
      {
        config: { permission: 'key_account.manage' },
        schema: { tags, params: idParam, body: keyAccountUpdate, response: { 200: keyAccountCard } },
      },
      async (request) => {
        await updateCard(deps.db, contextOf(request), request.params.id, request.body);
        const row = await q.findKeyAccount(deps.db, request.params.id);
        if (row) changed(row.customer_id);
        return card(row);
      },
    );
    app.post(
      '/api/v1/key-accounts/:id/revoke',
      {
        config: { permission: 'key_account.manage' },
        schema: { tags, params: idParam, body: keyAccountRevoke, response: { 200: keyAccountCard } },
      },
      async (request) => {
        await revokeKeyAccount(deps.db, contextOf(request), request.params.id, request.body.reason);
        const row = await q.findKeyAccount(deps.db, request.params.id);
        if (row) changed(row.customer_id);
        return card(row);
      },
    );
    app.post(
      '/api/v1/key-accounts/:id/measures',
      {
        config: { permission: 'key_account.manage' },
        schema: { tags, params: idParam, body: measureCreate, response: { 201: keyAccountCard } },
      },
      async (request, reply) => {
        await addMeasure(deps.db, contextOf(request), request.params.id, request.body);
        return reply.status(201).send(await card(await q.findKeyAccount(deps.db, request.params.id)));
      },
    );
    app.patch(
      '/api/v1/key-account-measures/:id',
      {
        config: { permission: 'key_account.manage' },
        schema: { tags, params: idParam, body: measureUpdate, response: { 200: keyAccountCard } },
      },
      async (request) => {
        const accountId = await updateMeasure(deps.db, contextOf(request), request.params.id, request.body);
        return card(await q.findKeyAccount(deps.db, accountId));
      },
    );
  };
}
