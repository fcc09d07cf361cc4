import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { classSuggestion, customerSettings } from '../../../shared/schemas/customers.ts';
import type { AppDeps } from '../../app-deps.ts';
import { notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { writeSetting } from '../organisation/settings.queries.ts';
import { readCustomerSettings, suggestClass } from './classification.ts';

export function customerSettingsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['customers'];
    app.get(
      '/api/v1/customer-settings',
      // Read by the customer screens and by the settings page (settings.read): nothing in it is sensitive.
      { config: { permission: 'authenticated' }, schema: { tags, response: { 200: customerSettings } } },
      async () => readCustomerSettings(deps.db),
    );
    app.put(
      '/api/v1/customer-settings',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, body: customerSettings, response: { 200: customerSettings } },
      },
      async (request) => {
        await deps.db.transaction().execute(async (trx) => {
          const before = await readCustomerSettings(trx);
          await writeSetting(trx, 'customers', request.body);
          await recordAudit(trx, contextOf(request), {
            action: 'settings.update',
            entityType: 'setting',
            entityId: 'customers',
            before,
            after: request.body,
          });
        });
        return readCustomerSettings(deps.db);
      },
    );
    app.get(
      '/api/v1/customers/facets',
      {
        config: { permission: 'customer.read' },
        schema: {
          tags,
          response: {
            200: z.object({
              regions: z.array(z.string()),
              industries: z.array(z.string()),
              sources: z.array(z.string()),
            }),
          },
        },
      },
      async () => {
        // The values in use, most frequent first, for the list filters and the form's suggestions.
        const top = async (column: 'region' | 'industry' | 'source') =>
          (
            await deps.db
              .selectFrom('customer')
              .select(column)
              .where(column, 'is not', null)
              .where('merged_into_id', 'is', null)
              .groupBy(column)
              .orderBy(sql`count(*)`, 'desc')
              .limit(200)
              .execute()
          ).map((r) => r[column] as string);
        return {
          regions: await top('region'),
          industries: await top('industry'),
          sources: await top('source'),
        };
      },
    );
    app.get(
      '/api/v1/customers/:id/class-suggestion',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: classSuggestion } },
      },
      async (request) => {
        const suggestion = await suggestClass(deps.db, request.params.id);
        if (!suggestion) throw notFound();
        return suggestion;
      },
    );
  };
}
