import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { classSuggestion, customerSettings } from '../../../shared/schemas/customers.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { readCustomerSettings, suggestClass } from './classification.ts';
import { requireVisible } from './customers.policy.ts';
import { customerFacets } from './customers.service.ts';
import { saveCustomerSettings } from './settings.service.ts';

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
      async (request) => saveCustomerSettings(deps.db, contextOf(request), request.body),
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
      async () => customerFacets(deps.db),
    );
    app.get(
      '/api/v1/customers/:id/class-suggestion',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: classSuggestion } },
      },
      async (request) => requireVisible(request.actor!, await suggestClass(deps.db, request.params.id)),
    );
  };
}
