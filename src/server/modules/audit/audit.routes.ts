import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntryView, auditListQuery } from '../../../shared/schemas/audit.ts';
import { cursorPageOf } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { listAuditEntries } from './audit.queries.ts';
import type { AuditChange } from './audit.service.ts';

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
      async (request) => {
        const { cursor, limit, ...filter } = request.query;
        const rows = await listAuditEntries(deps.db, {
          ...filter,
          limit,
          beforeId: cursor ? Number(cursor) : undefined,
        });
        const page = rows.slice(0, limit);
        return {
          items: page.map((row) => ({
            id: row.id,
            occurredAt: row.occurred_at.toISOString(),
            actorUserId: row.actor_user_id,
            actorLabel: row.actor_label,
            action: row.action,
            entityType: row.entity_type,
            entityId: row.entity_id,
            entityLabel: row.entity_label,
            changes: (row.changes ?? []) as unknown as AuditChange[],
            ip: row.ip,
          })),
          nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null,
        };
      },
    );
  };
}
