import type { Insertable, Kysely } from 'kysely';
import type { AuditLog, DB } from '../../db/schema.ts';
import type { AuditScope } from './audit.policy.ts';

export async function insertAuditEntry(db: Kysely<DB>, row: Insertable<AuditLog>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: number | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/**
 * Newest first, keyset on id: the audit log grows without bound, so no offsets. `scope` is the policy's:
 * every entry (see audit.policy.ts); the parameter keeps the seam.
 */
export async function listAuditEntries(db: Kysely<DB>, _scope: AuditScope, f: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.entityType) query = query.where('entity_type', '=', f.entityType);
  if (f.entityId) query = query.where('entity_id', '=', f.entityId);
  if (f.actorUserId) query = query.where('actor_user_id', '=', f.actorUserId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.from) query = query.where('occurred_at', '>=', new Date(f.from));
  if (f.to) query = query.where('occurred_at', '<', new Date(f.to));
  if (f.beforeId) query = query.where('id', '<', f.beforeId);
  return query.execute();
}
