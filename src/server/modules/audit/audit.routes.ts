import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntryView, auditListQuery } from '../../../shared/schemas/audit.ts';
import { cursorPageOf } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { listAuditLog } from './audit.service.ts';

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/audit-log',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          querystring: auditListQuery,
          response: { 200: cursorPageOf(auditEntryView) },
        },
      },
      async (request) => listAuditLog(deps.db, request.actor!, request.query),
    );
  };
}
