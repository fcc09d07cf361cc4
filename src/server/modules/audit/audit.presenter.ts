import type { Selectable } from 'kysely';
import type { AuditEntryView } from '../../../shared/schemas/audit.ts';
import type { AuditLog } from '../../db/schema.ts';
import type { AuditChange } from './audit.service.ts';

export function presentAuditEntry(row: Selectable<AuditLog>): AuditEntryView {
  return {
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
  };
}
