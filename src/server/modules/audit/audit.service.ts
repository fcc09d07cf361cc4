import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { auditListQuery } from '../../../shared/schemas/audit.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { optionalCursorId, pageOf } from '../../http/paging.ts';
import { scopeOf } from './audit.policy.ts';
import { presentAuditEntry } from './audit.presenter.ts';
import { insertAuditEntry, listAuditEntries } from './audit.queries.ts';

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Fields never written to the audit trail in clear. */
const REDACTED = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'token_hash',
  'search_terms',
  'searchTerms',
]);

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Changed fields between two snapshots of a record (create: before = {}, delete: after = {}). */
export function diffRecords(before: object, after: object): AuditChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = new Set([...Object.keys(b), ...Object.keys(a)]);
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (field === 'updated_at' || field === 'updatedAt') continue;
    if (same(b[field], a[field])) continue;
    if (REDACTED.has(field))
      changes.push({ field, before: b[field] ? '***' : null, after: a[field] ? '***' : null });
    else changes.push({ field, before: b[field] ?? null, after: a[field] ?? null });
  }
  return changes;
}

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | number | null;
  entityLabel?: string | null;
  before?: object;
  after?: object;
  changes?: AuditChange[];
  /** Who acted when it was not a staff user (a portal customer, a mailbox). */
  actorLabel?: string;
}

/**
 * Writes one audit row inside the caller's transaction, so the trail and the change commit together.
 * `ctx` may be null for system actions (first start, scheduled jobs).
 */
export async function recordAudit(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  event: AuditEvent,
): Promise<void> {
  const changes = event.changes ?? diffRecords(event.before ?? {}, event.after ?? {});
  await insertAuditEntry(trx, {
    actor_user_id: ctx?.actor.userId ?? null,
    actor_label: ctx ? `${ctx.actor.displayName} (${ctx.actor.username})` : (event.actorLabel ?? 'system'),
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId === null ? null : String(event.entityId),
    entity_label: event.entityLabel ?? null,
    changes: JSON.stringify(changes),
    ip: ctx?.ip ?? null,
    request_id: ctx?.requestId ?? null,
  });
}

/** A page of the audit trail, newest first; every holder of audit.read sees all of it (audit.policy.ts). */
export async function listAuditLog(db: Kysely<DB>, actor: Actor, query: z.output<typeof auditListQuery>) {
  const { cursor, limit, ...filter } = query;
  const rows = await listAuditEntries(db, scopeOf(actor), {
    ...filter,
    limit,
    beforeId: optionalCursorId(cursor),
  });
  return pageOf(rows, limit, presentAuditEntry);
}
