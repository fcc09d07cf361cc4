import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { buildTsQuery } from '../../search/text-search.ts';

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
              }),
            ),
          },
        },
      },
      async (request) => {
        const tsq = buildTsQuery(request.query.q);
        if (!tsq) return [];
        const rows = await deps.db
          .selectFrom('contact')
          .leftJoin('customer', 'customer.id', 'contact.customer_id')
          .select([
            'contact.id',
            'contact.name',
            'contact.email',
            'contact.phone',
            'contact.mobile',
            'contact.customer_id',
            'customer.name as customer_name',
            'customer.class',
          ])
          .where((eb) =>
            eb.or([
              eb(sql`contact.search_terms`, '@@', sql`${tsq}::tsquery`),
              eb(sql`customer.search_terms`, '@@', sql`${tsq}::tsquery`),
            ]),
          )
          .orderBy('contact.id', 'desc')
          .limit(request.query.limit)
          .execute();
        return rows.map((r) => ({
          id: r.id,
          name: r.name,
          email: r.email,
          phone: r.phone ?? r.mobile,
          customerId: r.customer_id,
          customerName: r.customer_name,
          customerClass: r.class,
        }));
      },
    );
  };
}
