import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { lookupContactsFor } from './contacts.service.ts';

const lookupQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(10),
});

/**
 * Type-ahead lookups for the request form (who is this request from?). The full customer file, with its
 * own screens, comes with the customer module; these read the same tables.
 */
export function customerLookupRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/contacts/lookup',
      {
        config: { permission: 'ticket.create' },
        schema: {
          tags: ['customers'],
          querystring: lookupQuery,
          response: {
            200: z.array(
              z.object({
                id: z.number(),
                name: z.string(),
                email: z.string().nullable(),
                phone: z.string().nullable(),
                customerId: z.number().nullable(),
                customerName: z.string().nullable(),
                customerClass: z.string().nullable(),
                /** Phone and email are masked (no customer.view_sensitive). */
                masked: z.boolean(),
              }),
            ),
          },
        },
      },
      async (request) => lookupContactsFor(deps.db, request.actor!, request.query.q, request.query.limit),
    );
  };
}
