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
import { contextOf } from '../../http/context.ts';
import {
  addMeasure,
  applyForKeyAccount,
  listKeyAccounts,
  loadKeyAccount,
  loadKeyAccountOfCustomer,
  revokeKeyAccount,
  updateCard,
  updateMeasure,
} from './key-accounts.service.ts';

const tags = ['key-accounts'];

export function keyAccountsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
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
      async (request) => listKeyAccounts(deps.db, request.actor!, request.query),
    );
    app.get(
      '/api/v1/customers/:id/key-account',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: keyAccountCard } },
      },
      async (request) => loadKeyAccountOfCustomer(deps.db, request.actor!, request.params.id),
    );
    app.post(
      '/api/v1/customers/:id/key-account',
      {
        config: { permission: 'key_account.manage', idempotent: true },
        schema: { tags, params: idParam, body: keyAccountApply, response: { 201: keyAccountCard } },
      },
      async (request, reply) => {
        const id = await applyForKeyAccount(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return reply.status(201).send(await loadKeyAccount(deps.db, request.actor!, id));
      },
    );
    app.get(
      '/api/v1/key-accounts/:id',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: keyAccountCard } },
      },
      async (request) => loadKeyAccount(deps.db, request.actor!, request.params.id),
    );
    app.patch(
      '/api/v1/key-accounts/:id',
      {
        config: { permission: 'key_account.manage' },
        schema: { tags, params: idParam, body: keyAccountUpdate, response: { 200: keyAccountCard } },
      },
      async (request) => {
        await updateCard(deps.db, contextOf(request), request.params.id, request.body);
        const card = await loadKeyAccount(deps.db, request.actor!, request.params.id);
        changed(card.customerId);
        return card;
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
        const card = await loadKeyAccount(deps.db, request.actor!, request.params.id);
        changed(card.customerId);
        return card;
      },
    );
    app.post(
      '/api/v1/key-accounts/:id/measures',
      {
        config: { permission: 'key_account.manage', idempotent: true },
        schema: { tags, params: idParam, body: measureCreate, response: { 201: keyAccountCard } },
      },
      async (request, reply) => {
        await addMeasure(deps.db, contextOf(request), request.params.id, request.body);
        return reply.status(201).send(await loadKeyAccount(deps.db, request.actor!, request.params.id));
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
        return loadKeyAccount(deps.db, request.actor!, accountId);
      },
    );
  };
}
