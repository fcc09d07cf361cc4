import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { complaintSettingsSchema } from '../../../shared/schemas/complaints.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { updateComplaintSettings } from './complaint-settings.service.ts';
import { complaintSettings } from './complaint-steps.ts';

const tags = ['complaints'];

/** 投诉设置: each step's time limit, the warning share, repeat detection and the complaint-rate target. */
export function complaintSettingsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/complaint-settings',
      {
        config: { permission: 'settings.read' },
        schema: { tags, response: { 200: complaintSettingsSchema } },
      },
      async () => complaintSettings(deps.db),
    );

    // New limits apply to steps opened from now on; running clocks keep the due time they started with.
    app.put(
      '/api/v1/complaint-settings',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, body: complaintSettingsSchema, response: { 200: complaintSettingsSchema } },
      },
      async (request) => updateComplaintSettings(deps.db, contextOf(request), request.body),
    );
  };
}
