import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../../shared/schemas/common.ts';
import {
  numberPatternUpdate,
  numberPatternView,
  organisationUpdate,
  organisationView,
} from '../../../shared/schemas/organisation.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { requireVisible } from './organisation.policy.ts';
import {
  loadOrganisation,
  numberPatternsWithExamples,
  setNumberPattern,
  updateOrganisation,
} from './organisation.service.ts';

export function organisationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/organisation',
      {
        config: { permission: 'settings.read' },
        schema: { tags: ['organisation'], response: { 200: organisationView } },
      },
      async () => loadOrganisation(deps.db),
    );

    app.patch(
      '/api/v1/organisation',
      {
        config: { permission: 'settings.manage' },
        schema: { tags: ['organisation'], body: organisationUpdate, response: { 200: organisationView } },
      },
      async (request) => updateOrganisation(deps.db, contextOf(request), request.body),
    );

    app.get(
      '/api/v1/number-patterns',
      {
        config: { permission: 'settings.read' },
        schema: { tags: ['organisation'], response: { 200: z.array(numberPatternView) } },
      },
      async () => numberPatternsWithExamples(deps.db),
    );

    app.put(
      '/api/v1/number-patterns/:kind',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags: ['organisation'],
          params: z.object({ kind: z.string().max(50) }),
          body: numberPatternUpdate,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        const current = requireVisible(
          request.actor!,
          (await numberPatternsWithExamples(deps.db)).find((p) => p.kind === request.params.kind),
        );
        await setNumberPattern(
          deps.db,
          contextOf(request),
          current.kind,
          request.body.pattern,
          current.pattern,
        );
        return { ok: true as const };
      },
    );
  };
}
